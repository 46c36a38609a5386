import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { assess } from '../../../domain/assessment/assess';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignUnitResource } from '../campaigns/presenter';
import { loadCase } from '../results/load-case';
import { findAssessmentResponse, saveAssessmentResponse } from './repository';
import { campaignUnitFor } from './save-item-scores';

/** While the team's scores are with the unit and the office: before the committee's approval. */
const open = new Set(['assessment', 'officeReview']);

/**
 * The unit's representative confirms the team's scores or records a disagreement with its
 * reasons (issue 4 item 6). Only once the team has scored every applicable criterion.
 */
export async function respondToScores(
  db: Kysely<DB>, actor: Actor, id: string, unitId: string, response: 'confirmed' | 'disagreed', comment: string | undefined, now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    if (!can(actor, 'result.respond', campaignUnitResource(row, unitId))) throw forbidden();
    if (!open.has(row.state)) throw new AppError('conflict', '只能在考核评分和安委办审核阶段确认或提出异议。');
    const result = assess(await loadCase(trx, row, now)).units.find((u) => u.unitId === unitId)!;
    if (result.missingItems.length > 0) {
      throw new AppError('conflict', `考核组尚未完成评分（还有 ${result.missingItems.length} 项），完成后再确认。`);
    }
    if (response === 'disagreed' && !comment?.trim()) throw new AppError('validation_failed', '提出异议须写明理由。');
    const before = await findAssessmentResponse(trx, id, unitId);
    const at = now.toISOString();
    await saveAssessmentResponse(trx, { campaignId: id, unitId, response, comment: comment?.trim() || null, by: actor.accountId, at });
    await appendAudit(trx, {
      actorId: actor.accountId, action: `scores.${response === 'confirmed' ? 'confirm' : 'dispute'}`, entityType: 'campaign_unit',
      entityId: `${id}/${unitId}`, organisationPath: row.organisation_path, unitId,
      before: before ?? null, after: { response, comment: comment?.trim() || null },
    }, now);
    return { unitId, response, comment: comment?.trim() || null, respondedAt: at };
  });
}
