import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { diffTables } from '../../../domain/assessment/diff';
import type { PublishedTable } from '../../../domain/assessment/published-table';
import { forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign } from '../campaigns/repository';
import { findResultVersion, listResultVersions } from './repository';

async function readableCampaign(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  if (!can(actor, 'result.read', campaignResource(row))) throw forbidden();
  return row;
}

export async function listVersions(db: Kysely<DB>, actor: Actor, id: string) {
  await readableCampaign(db, actor, id);
  const rows = await listResultVersions(db, id);
  return { items: rows.map((r) => ({ version: r.version, reason: r.reason, createdBy: r.created_by, createdAt: r.created_at })) };
}

/** What changed between two published versions, unit by unit (domain diffTables). */
export async function diffVersions(db: Kysely<DB>, actor: Actor, id: string, from: number, to: number) {
  await readableCampaign(db, actor, id);
  const [a, b] = await Promise.all([findResultVersion(db, id, from), findResultVersion(db, id, to)]);
  if (!a) throw notFound(`第 ${from} 版考核结果`);
  if (!b) throw notFound(`第 ${to} 版考核结果`);
  return diffTables(JSON.parse(a.table_json) as PublishedTable, JSON.parse(b.table_json) as PublishedTable);
}
