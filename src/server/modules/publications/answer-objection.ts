import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign } from '../campaigns/repository';
import { toObjectionView } from './presenter';
import { answerObjectionOnce, findObjection } from './repository';

/** The office answers an objection; publication waits until every objection is answered. */
export async function answerObjection(db: Kysely<DB>, actor: Actor, id: string, objectionId: string, answer: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findCampaign(trx, id);
    if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    const before = await findObjection(trx, id, objectionId);
    if (!before || !can(actor, 'unit.read', { organisationPath: row.organisation_path, unitId: before.unit_id })) throw notFound('申诉');
    if (!can(actor, 'campaign.manage', campaignResource(row)) || actor.role !== 'committeeAdmin') throw forbidden();
    if (!(await answerObjectionOnce(trx, objectionId, answer, actor.accountId, now.toISOString()))) {
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
