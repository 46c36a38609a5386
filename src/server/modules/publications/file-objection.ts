import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { objectionRefusal } from '../../../domain/workflow/campaign-state';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignUnitFor } from '../assessments/save-item-scores';
import { appendAudit } from '../audit/repository';
import { campaignUnitResource } from '../campaigns/presenter';
import { toObjectionView } from './presenter';
import { findObjection, insertObjection } from './repository';

/** 申诉: a unit objects to the results during publicity (公示), before its deadline. */
export async function fileObjection(db: Kysely<DB>, actor: Actor, id: string, unitId: string, content: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    if (!can(actor, 'objection.file', campaignUnitResource(row, unitId))) throw forbidden();
    const at = now.toISOString();
    const refusal = objectionRefusal(row.state, row.publicity_ends_at, at);
    if (refusal) throw new AppError('conflict', `${refusal}。`);
    const objectionId = randomUUID();
    await insertObjection(trx, { id: objectionId, campaignId: id, unitId, content, by: actor.accountId, at });
    const view = toObjectionView((await findObjection(trx, id, objectionId))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'objection.file', entityType: 'objection', entityId: objectionId,
      organisationPath: row.organisation_path, unitId, before: null, after: view,
    }, now);
    return view;
  });
}
