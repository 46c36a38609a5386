import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { diffTables } from '../../../domain/assessment/diff';
import type { PublishedTable } from '../../../domain/assessment/published-table';
import type { OnProgress } from '../../../shared/schemas/progress-stream';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign, lockCampaign } from '../campaigns/repository';
import { freezeResults } from './freeze-results';
import { findResultVersion } from './repository';

/**
 * A correction after publication: the results are recomputed from the corrected facts and
 * frozen as the next version with its reason. Earlier versions stay as they were.
 * `onProgress` hears the phases of the freezing (freezeResults), after the checks.
 */
export async function correctResults(db: Kysely<DB>, actor: Actor, id: string, reason: string, now: Date, onProgress?: OnProgress) {
  return db.transaction().execute(async (trx) => {
    // Two corrections at once: the second waits for the first and then freezes the version after it.
    await lockCampaign(trx, id);
    const row = await findCampaign(trx, id);
    if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    if (!can(actor, 'campaign.manage', campaignResource(row)) || actor.role !== 'committeeAdmin') throw forbidden();
    if (row.state !== 'published') throw new AppError('conflict', '考核结果尚未发布，无需更正；发布前直接修改评分即可。');
    const latest = (await findResultVersion(trx, id))!;
    const version = latest.version + 1;
    const table = await freezeResults(trx, { campaignId: id, version, reason, createdBy: actor.accountId, at: now.toISOString() }, row, now, onProgress);
    const diff = diffTables(JSON.parse(latest.table_json) as PublishedTable, table);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'results.correct', entityType: 'campaign', entityId: id,
      organisationPath: row.organisation_path, unitId: null,
      before: { version: latest.version }, after: { version, reason, changedRows: diff.rows.length },
    }, now);
    return { version, reason, diff };
  });
}
