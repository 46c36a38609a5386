// Where hazard cards come from besides the enterprise's own checks: the findings of an inspection
// or an expert check (专家查隐患), and a verified tip about a hazard. These build the NewHazard
// inputs; createHazardCard then checks and records them like any other card.

import type { LocalDate } from '../shared/dates.ts';
import type { Refusal } from '../shared/result.ts';
import { refuse } from '../shared/result.ts';
import type { NewHazard } from './transition-hazard.ts';

export interface InspectionForHazards {
  readonly id: string;
  readonly enterpriseId: string;
  readonly territorialUnitId: string;
  readonly regulatingUnitId: string;
  readonly sector: string;
  readonly inspectedOn: LocalDate;
  /** 执法检查 by officers, or 专家查 by drawn experts. */
  readonly way: 'inspection' | 'expertCheck';
  /** Names of the inspectors or experts. */
  readonly inspectors: readonly string[];
  /** 执法文书 issued at the inspection (e.g. 现场检查记录、责令限期整改指令书). */
  readonly documentNumbers?: readonly string[];
}

export interface InspectionFinding {
  /** The checklist item (检查表条目) the finding answers, when there is one. */
  readonly itemCode?: string;
  readonly compliant: boolean;
  readonly place: string;
  readonly description: string;
  readonly photos?: readonly string[];
}

/**
 * One NewHazard per non-compliant finding, in the findings' order. Ids are `${inspection.id}-${n}`
 * with n counting the non-compliant findings from 1, so re-running the conversion is idempotent.
 */
export function hazardsFromInspection(inspection: InspectionForHazards, findings: readonly InspectionFinding[]): NewHazard[] {
  const foundBy = inspection.inspectors.map((n) => n.trim()).filter((n) => n.length > 0).join('、');
  return findings
    .filter((f) => !f.compliant)
    .map((f, i) => ({
      id: `${inspection.id}-${i + 1}`,
      enterpriseId: inspection.enterpriseId,
      territorialUnitId: inspection.territorialUnitId,
      regulatingUnitId: inspection.regulatingUnitId,
      sector: inspection.sector,
      foundOn: inspection.inspectedOn,
      foundWay: inspection.way,
      foundBy,
      place: f.place,
      description: f.itemCode === undefined ? f.description : `${f.description}（检查项${f.itemCode}）`,
      photosBefore: [...(f.photos ?? [])],
      enforcementDocumentNumbers: [...(inspection.documentNumbers ?? [])],
    }));
}

export interface VerifiedTip {
  readonly id: string;
  readonly subject: 'majorHazard' | 'illegalProduction' | 'concealedAccident';
  readonly verified: boolean;
  readonly verifiedOn?: LocalDate;
  readonly verifiedBy?: string;
  readonly enterpriseId?: string;
  readonly territorialUnitId: string;
  readonly regulatingUnitId?: string;
  readonly sector?: string;
  readonly place?: string;
  readonly description: string;
}

/** A verified tip about a hazard becomes a hazard card found by 举报 on its verification day. */
export function hazardFromTip(tip: VerifiedTip): { readonly ok: true; readonly hazard: NewHazard } | Refusal {
  if (tip.subject !== 'majorHazard') return refuse('tip.notHazard', '只有举报事故隐患的事项才能生成隐患卡。');
  if (!tip.verified || tip.verifiedOn === undefined) return refuse('tip.notVerified', '举报事项经核查属实后才能生成隐患卡。');
  const missing: string[] = [];
  if (!tip.enterpriseId) missing.push('被举报的生产经营单位');
  if (!tip.regulatingUnitId) missing.push('行业监管部门');
  if (!tip.sector) missing.push('行业领域');
  if (!tip.place) missing.push('隐患部位');
  if (!tip.verifiedBy) missing.push('核查人');
  if (missing.length > 0) return refuse('tip.missingData', `生成隐患卡缺少：${missing.join('、')}。`);
  return {
    ok: true,
    hazard: {
      id: `${tip.id}-hazard`,
      enterpriseId: tip.enterpriseId!,
      territorialUnitId: tip.territorialUnitId,
      regulatingUnitId: tip.regulatingUnitId!,
      sector: tip.sector!,
      foundOn: tip.verifiedOn,
      foundWay: 'tip',
      foundBy: tip.verifiedBy!,
      place: tip.place!,
      description: tip.description,
    },
  };
}
