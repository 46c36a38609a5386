import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { transitionSelfAssessment, type SelfAssessmentState } from '../../../domain/workflow/self-assessment-state';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import type { z } from 'zod';
import type { selfAssessmentActionSchema } from '../../../shared/schemas/score';
import { appendAudit } from '../audit/repository';
import { campaignUnitResource } from '../campaigns/presenter';
import { findSelfAssessment, saveSelfAssessmentState } from './repository';
import { campaignUnitFor } from './save-item-scores';

type SelfAssessmentChange = z.infer<typeof selfAssessmentActionSchema>;

/**
 * Submits a unit's self-assessment (then locked) or returns it for changes
 * (domain/workflow/self-assessment-state.ts: submit by the liaison, return by the office).
 * A return states its reason (退回原因), stored for the unit to see and audited.
 */
export async function changeSelfAssessment(db: Kysely<DB>, actor: Actor, id: string, unitId: string, change: SelfAssessmentChange, now: Date) {
  const { action } = change;
  const reason = change.action === 'return' ? change.reason : undefined;
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    if (row.state !== 'selfAssessment') throw new AppError('conflict', '考核活动不在单位自评阶段。');
    const stored = await findSelfAssessment(trx, id, unitId);
    const before = stored?.state as SelfAssessmentState | undefined;
    const outcome = transitionSelfAssessment(before ?? 'draft', action, actor.role);
    if (!outcome.ok) throw new AppError(outcome.code === 'forbidden' ? 'forbidden' : 'conflict', `${outcome.message}。`);
    const resource = campaignUnitResource(row, unitId);
    if (!(action === 'submit' ? can(actor, 'score.self', resource) : can(actor, 'campaign.manage', resource))) throw forbidden();
    const at = now.toISOString();
    const submittedAt = action === 'submit' ? at : null;
    await saveSelfAssessmentState(trx, { campaignId: id, unitId }, outcome.to, submittedAt, at, reason);
    await appendAudit(trx, {
      actorId: actor.accountId, action: `selfAssessment.${action}`, entityType: 'campaign_unit', entityId: `${id}/${unitId}`,
      organisationPath: row.organisation_path, unitId, before: { state: before ?? 'draft' }, after: reason === undefined ? { state: outcome.to } : { state: outcome.to, reason },
    }, now);
    return {
      unitId, state: outcome.to, submittedAt,
      returnReason: reason ?? stored?.return_reason ?? null,
      returnedAt: reason === undefined ? stored?.returned_at ?? null : at,
    };
  });
}
