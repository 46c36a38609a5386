import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { vetoProposals } from '../../../domain/workflow/veto-proposals';
import type { VetoDecisionInput } from '../../../shared/schemas/accident';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign } from '../campaigns/repository';
import { loadCase } from '../results/load-case';
import { listVetoDecisions } from '../results/repository';
import { upsertVetoDecision } from './repository';

/**
 * Veto proposals of a campaign: the accidents of its year that meet an accident veto rule,
 * per unit concerned (domain vetoProposals), with the office's decision on each. A pending
 * or confirmed proposal vetoes; a rejected one is kept in the trace as 已驳回.
 */
export async function listVetoProposals(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  if (!can(actor, 'accident.read', campaignResource(row))) throw forbidden();
  const input = await loadCase(db, row, now);
  const decisions = new Map((await listVetoDecisions(db, id)).map((d) => [`${d.unit_id}\u0000${d.rule_id}`, d]));
  return {
    items: vetoProposals(input, input.accidents).map((p) => {
      const d = decisions.get(`${p.unitId}\u0000${p.ruleId}`);
      return {
        ...p,
        decision: (d?.decision ?? 'pending') as 'pending' | 'confirmed' | 'rejected',
        decisionReason: d?.reason ?? null,
        decidedAt: d?.decided_at ?? null,
      };
    }),
  };
}

/** States in which the office may still decide: before the committee's approval. */
const open = new Set(['preparation', 'signing', 'inProgress', 'selfAssessment', 'assessment', 'officeReview']);

export async function decideVeto(db: Kysely<DB>, actor: Actor, id: string, input: VetoDecisionInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findCampaign(trx, id);
    if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    if (!can(actor, 'campaign.manage', campaignResource(row)) || actor.role !== 'committeeAdmin') throw forbidden();
    if (!open.has(row.state)) throw new AppError('conflict', '考核结果已提请审定，不能再处理否决建议。');
    const input0 = await loadCase(trx, row, now);
    const proposal = vetoProposals(input0, input0.accidents).find((p) => p.unitId === input.unitId && p.ruleId === input.ruleId);
    if (!proposal) throw new AppError('not_found', '没有这条否决建议（该单位未因事故触发此否决规则）。');
    const at = now.toISOString();
    const before = (await listVetoDecisions(trx, id)).find((d) => d.unit_id === input.unitId && d.rule_id === input.ruleId) ?? null;
    await upsertVetoDecision(trx, { campaignId: id, unitId: input.unitId, ruleId: input.ruleId, decision: input.decision, reason: input.reason, by: actor.accountId, at });
    await appendAudit(trx, {
      actorId: actor.accountId, action: `veto.${input.decision === 'confirmed' ? 'confirm' : 'reject'}`, entityType: 'campaign_unit',
      entityId: `${id}/${input.unitId}`, organisationPath: row.organisation_path, unitId: input.unitId,
      before: before && { decision: before.decision, reason: before.reason },
      after: { ruleId: input.ruleId, decision: input.decision, reason: input.reason, accidentIds: proposal.accidentIds },
    }, now);
    return { ...proposal, decision: input.decision, decisionReason: input.reason, decidedAt: at };
  });
}
