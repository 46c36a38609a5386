import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { revisionUnderWay, type ObjectionDecision } from '../../../domain/workflow/objection';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign } from '../campaigns/repository';
import { toObjectionView } from './presenter';
import { answerObjectionOnce, findObjection } from './repository';

/**
 * The office answers an objection with its decision (申诉成立 / 不成立) and reply; publication
 * waits until every objection is answered, and an upheld one until the results have gone back to
 * re-scoring (domain/workflow/objection.ts). Upheld while re-scoring is already under way (the
 * campaign returned before this answer), it is marked as followed by that return.
 */
export async function answerObjection(
  db: Kysely<DB>, actor: Actor, id: string, objectionId: string, input: { answer: string; decision: ObjectionDecision }, now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await findCampaign(trx, id);
    if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    const before = await findObjection(trx, id, objectionId);
    if (!before || !can(actor, 'unit.read', { organisationPath: row.organisation_path, unitId: before.unit_id })) throw notFound('申诉');
    if (!can(actor, 'campaign.manage', campaignResource(row)) || actor.role !== 'committeeAdmin') throw forbidden();
    const at = now.toISOString();
    const revisedAt = input.decision === 'upheld' && revisionUnderWay(row.state) ? at : null;
    if (!(await answerObjectionOnce(trx, objectionId, { text: input.answer, decision: input.decision, revisedAt }, actor.accountId, at))) {
      throw new AppError('conflict', '该申诉已经答复。');
    }
    const after = toObjectionView((await findObjection(trx, id, objectionId))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'objection.answer', entityType: 'objection', entityId: objectionId,
      organisationPath: row.organisation_path, unitId: before.unit_id, before: toObjectionView(before), after,
    }, now);
    return after;
  });
}
