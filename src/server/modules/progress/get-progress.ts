import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { assess } from '../../../domain/assessment/assess';
import { indicatorReport } from '../../../domain/assessment/indicator-report';
import type { AgreementState } from '../../../domain/workflow/agreement-state';
import { vetoProposals } from '../../../domain/workflow/veto-proposals';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign, type CampaignRow } from '../campaigns/repository';
import { loadCase } from '../results/load-case';
import { listVetoDecisions } from '../results/repository';
import { countItemScores, countOpenObjectionsByUnit, listAgreementStatesOf, listSelfAssessments } from './repository';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';

/**
 * Progress of a campaign per unit (issue 4 item 10): self-assessment submitted, team
 * scoring complete, objections open, veto proposals undecided, and control indicators
 * ahead of the year's pace or breached as of today (domain indicatorReport).
 */
export async function campaignProgress(db: Kysely<DB>, row: CampaignRow, now: Date) {
  const input = await loadCase(db, row, now);
  const [selfStates, counts, objections, decisions, agreements] = await Promise.all([
    listSelfAssessments(db, row.id), countItemScores(db, row.id), countOpenObjectionsByUnit(db, row.id), listVetoDecisions(db, row.id),
    listAgreementStatesOf(db, row.id),
  ]);
  const agreement = new Map(agreements.map((a) => [a.unit_id, a.state as AgreementState]));
  // Pace is judged as of today (China time) within the campaign's year, or the year's end once it is over.
  const today = chinaDateOf(now);
  const asOf = today.slice(0, 4) > String(row.year) ? `${row.year}-12-31` : today;
  const indicators = new Map(indicatorReport(input, asOf).map((r) => [r.unitId, r.indicators]));
  const results = new Map(assess(input).units.map((u) => [u.unitId, u]));
  const decided = new Set(decisions.map((d) => `${d.unit_id}\u0000${d.rule_id}`));
  const pending = new Map<string, number>();
  for (const p of vetoProposals(input, input.accidents)) {
    if (!decided.has(`${p.unitId}\u0000${p.ruleId}`)) pending.set(p.unitId, (pending.get(p.unitId) ?? 0) + 1);
  }
  const self = new Map(selfStates.map((s) => [s.unit_id, s.state]));
  const count = (unitId: string, kind: string) => Number(counts.find((c) => c.unit_id === unitId && c.kind === kind)?.n ?? 0);
  const open = new Map(objections.map((o) => [o.unit_id, Number(o.n)]));
  const units = input.units.map((u) => ({
    unitId: u.id,
    name: u.name,
    selfAssessment: (self.get(u.id) ?? 'draft') as 'draft' | 'submitted' | 'returned',
    agreement: agreement.get(u.id) ?? null,
    selfItems: count(u.id, 'self'),
    teamItems: count(u.id, 'team'),
    teamComplete: (results.get(u.id)?.missingItems.length ?? 1) === 0,
    openObjections: open.get(u.id) ?? 0,
    pendingVetoProposals: pending.get(u.id) ?? 0,
    paceWarnings: (indicators.get(u.id) ?? []).filter((i) => i.breached || i.pace.aheadOfPace)
      .map((i) => `控制指标“${i.label}”：实际 ${i.actual}${i.breached ? '，已突破' : '，超过全年进度'}`),
  }));
  return { campaignId: row.id, asOf, units };
}

export async function getProgress(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  const all = await campaignProgress(db, row, now);
  // The office and leaders see every unit; a liaison or an assessor only the units it may see.
  const units = all.units.filter((u) => can(actor, 'unit.read', { organisationPath: row.organisation_path, unitId: u.unitId }));
  return {
    campaignId: all.campaignId,
    asOf: all.asOf,
    totals: {
      units: units.length,
      agreementsSigned: units.filter((u) => u.agreement === 'signed' || u.agreement === 'archived').length,
      selfSubmitted: units.filter((u) => u.selfAssessment === 'submitted').length,
      teamComplete: units.filter((u) => u.teamComplete).length,
      openObjections: units.reduce((n, u) => n + u.openObjections, 0),
      pendingVetoProposals: units.reduce((n, u) => n + u.pendingVetoProposals, 0),
      paceWarnings: units.filter((u) => u.paceWarnings.length > 0).length,
    },
    units,
  };
}
