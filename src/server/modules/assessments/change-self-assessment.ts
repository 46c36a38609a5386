import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { transitionSelfAssessment, type SelfAssessmentAction, type SelfAssessmentState } from '../../../domain/workflow/self-assessment-state';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignUnitResource } from '../campaigns/presenter';
import { findSelfAssessment, saveSelfAssessmentState } from './repository';
import { campaignUnitFor } from './save-item-scores';

/**
 * Submits a unit's self-assessment (then locked) or returns it for changes
 * (domain/workflow/self-assessment-state.ts: submit by the liaison, return by the office).
 */
export async function changeSelfAssessment(db: Kysely<DB>, actor: Actor, id: string, unitId: string, action: SelfAssessmentAction, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    if (row.state !== 'selfAssessment') throw new AppError('conflict', '考核活动不在单位自评阶段。');
    const before = (await findSelfAssessment(trx, id, unitId))?.state as SelfAssessmentState | undefined;
    const outcome = transitionSelfAssessment(before ?? 'draft', action, actor.role);
    if (!outcome.ok) throw new AppError(outcome.code === 'forbidden' ? 'forbidden' : 'conflict', `${outcome.message}。`);
    const resource = campaignUnitResource(row, unitId);
    if (!(action === 'submit' ? can(actor, 'score.self', resource) : can(actor, 'campaign.manage', resource))) throw forbidden();
    const at = now.toISOString();
    const submittedAt = action === 'submit' ? at : null;
    await saveSelfAssessmentState(trx, { campaignId: id, unitId }, outcome.to, submittedAt, at);
    await appendAudit(trx, {
      actorId: actor.accountId, action: `selfAssessment.${action}`, entityType: 'campaign_unit', entityId: `${id}/${unitId}`,
      organisationPath: row.organisation_path, unitId, before: { state: before ?? 'draft' }, after: { state: outcome.to },
    }, now);
    return { unitId, state: outcome.to, submittedAt };
  });
}
