import type { Accident } from '../accidents/accident';
import { gradeAccident } from '../accidents/grade';
import { attributeAccidents } from '../assessment/attribution';
import type { AssessmentCase } from '../assessment/case';
import { evaluateVetoes } from '../assessment/vetoes';

export interface VetoProposal {
  unitId: string;
  unitName: string;
  ruleId: string;
  reason: string;
  accidentIds: string[];
}

/**
 * Accidents that meet an accident veto rule create a proposal on each unit concerned (its
 * area or its regulated sector); the committee office confirms or rejects it with a reason
 * (a rejection becomes a `vetoRejections` entry of the case).
 */
export function vetoProposals(input: Pick<AssessmentCase, 'units' | 'compiled'>, accidents: readonly Accident[]): VetoProposal[] {
  const rules = input.compiled.vetoRules.filter((r) => r.type === 'accident');
  if (rules.length === 0) return [];
  const { area, sector } = attributeAccidents(input.units, accidents);
  const proposals: VetoProposal[] = [];
  for (const unit of input.units) {
    const areaAccidents = area.get(unit.id) ?? [];
    const sectorAccidents = sector.get(unit.id) ?? [];
    if (areaAccidents.length === 0 && sectorAccidents.length === 0) continue;
    const hits = evaluateVetoes(rules, {
      categoryId: unit.category,
      areaAccidents,
      sectorAccidents,
      gradeOf: (a) => gradeAccident(a).grade,
      indicators: [],
      total: 0,
      metrics: undefined,
      manual: [],
    });
    for (const hit of hits) {
      if (hit.evidence.kind !== 'accidents') continue;
      proposals.push({ unitId: unit.id, unitName: unit.name, ruleId: hit.ruleId, reason: hit.reason, accidentIds: hit.evidence.accidentIds });
    }
  }
  return proposals;
}
