import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { evidenceOf, evidenceWritable } from './attach-evidence';
import { deleteItemEvidence, type ScoreKind } from './repository';
import { campaignUnitFor } from './save-item-scores';

/** Removes one evidence file from a criterion's score (the file itself stays in the unit's files). */
export async function detachEvidence(
  db: Kysely<DB>, actor: Actor, id: string, unitId: string, kind: ScoreKind, criterionId: string, fileId: string, now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    await evidenceWritable(trx, actor, row, unitId, kind);
    if (!(await deleteItemEvidence(trx, { campaignId: id, unitId, kind, criterionId }, fileId))) {
      throw new AppError('not_found', '该细则没有这份佐证材料。');
    }
    const after = await evidenceOf(trx, id, unitId, kind, criterionId);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'evidence.detach', entityType: 'campaign_unit', entityId: `${id}/${unitId}`,
      organisationPath: row.organisation_path, unitId, before: { kind, criterionId, fileId }, after: { kind, criterionId, fileIds: after.files.map((f) => f.fileId) },
    }, now);
    return after;
  });
}
