import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
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
    if (row.state !== 'publicity') throw new AppError('conflict', '只能在结果公示期间提出申诉。');
    if (row.publicity_ends_at && at >= row.publicity_ends_at) {
      throw new AppError('conflict', `公示期已于 ${row.publicity_ends_at.slice(0, 16).replace('T', ' ')} 结束，不能再提出申诉。`);
    }
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
