import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import type { CampaignRow } from '../campaigns/repository';
import { loadCaseParts, validateCase } from '../results/load-case';
import { listMemberScores, upsertMemberScores } from '../teams/repository';

/**
 * One member's own item scores for a unit of a team with several members, kept apart from
 * the team score (which the leader confirms). Validated by the rules engine like the team's.
 */
export async function saveMemberScores(
  db: Kysely<DB>, actor: Actor, row: CampaignRow, unitId: string, items: Record<string, unknown>, now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (row.state !== 'assessment') throw new AppError('conflict', '只能在考核评分阶段填报组员评分。');
    const own: Record<string, unknown> = {};
    for (const s of await listMemberScores(trx, row.id, unitId)) if (s.account_id === actor.accountId) own[s.criterion_id] = JSON.parse(s.input_json) as unknown;
    const before = Object.fromEntries(Object.keys(items).map((k) => [k, own[k] ?? null]));
    const parts = await loadCaseParts(trx, row, now);
    validateCase({ ...parts, scores: { scores: { [unitId]: { ...own, ...items } } } });
    await upsertMemberScores(trx, { campaignId: row.id, unitId, accountId: actor.accountId }, items, now.toISOString());
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'score.member', entityType: 'campaign_unit', entityId: `${row.id}/${unitId}`,
      organisationPath: row.organisation_path, unitId, before, after: items,
    }, now);
  });
}
