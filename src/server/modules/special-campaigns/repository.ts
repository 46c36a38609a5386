import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { SpecialCampaignListQuery } from '../../../shared/schemas/special-campaign';
import type { DB } from '../../db/schema';
import type { CampaignProgressReportTable, SpecialCampaignTable } from '../../db/schema-training';

const campaignColumns = [
  'special_campaign.id', 'special_campaign.organisation_id', 'special_campaign.name', 'special_campaign.kind',
  'special_campaign.starts_on', 'special_campaign.ends_on', 'special_campaign.phases_json', 'special_campaign.tasks_json',
  'special_campaign.version', 'organisation.path as organisation_path',
] as const;

function campaigns(db: Kysely<DB>) {
  return db.selectFrom('special_campaign').innerJoin('organisation', 'organisation.id', 'special_campaign.organisation_id');
}

export async function findSpecialCampaign(db: Kysely<DB>, id: string) {
  return campaigns(db).select(campaignColumns).where('special_campaign.id', '=', id).executeTakeFirst();
}

export type SpecialCampaignRow = NonNullable<Awaited<ReturnType<typeof findSpecialCampaign>>>;

export async function insertSpecialCampaign(db: Kysely<DB>, row: Insertable<SpecialCampaignTable>): Promise<void> {
  await db.insertInto('special_campaign').values(row).execute();
}

export async function updateSpecialCampaignIfVersion(db: Kysely<DB>, id: string, version: number, set: Updateable<SpecialCampaignTable>, at: string): Promise<boolean> {
  const result = await db.updateTable('special_campaign').set({ ...set, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keeps special_campaign_unit equal to the units with tasks. */
export async function replaceCampaignUnits(db: Kysely<DB>, campaignId: string, unitIds: readonly string[]): Promise<void> {
  await db.deleteFrom('special_campaign_unit').where('campaign_id', '=', campaignId).execute();
  const unique = [...new Set(unitIds)];
  if (unique.length > 0) await db.insertInto('special_campaign_unit').values(unique.map((unit_id) => ({ campaign_id: campaignId, unit_id }))).execute();
}

export async function unitNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('unit').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Campaigns in the scope (a unit: those it has tasks in), newest first by default. */
export async function listSpecialCampaigns(db: Kysely<DB>, scope: Scope, q: SpecialCampaignListQuery) {
  if (scope.kind === 'none' || (scope.kind === 'units' && scope.unitIds.length === 0)) return { rows: [], total: 0 };
  let query = campaigns(db);
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') {
    const ids = [...scope.unitIds];
    query = query.where((eb) => eb.exists(eb.selectFrom('special_campaign_unit').select('unit_id')
      .whereRef('special_campaign_unit.campaign_id', '=', 'special_campaign.id').where('special_campaign_unit.unit_id', 'in', ids)));
  }
  if (q.kind !== undefined) query = query.where('special_campaign.kind', '=', q.kind);
  if (q.unitId !== undefined) {
    const unitId = q.unitId;
    query = query.where((eb) => eb.exists(eb.selectFrom('special_campaign_unit').select('unit_id')
      .whereRef('special_campaign_unit.campaign_id', '=', 'special_campaign.id').where('special_campaign_unit.unit_id', '=', unitId)));
  }
  const [rows, count] = await Promise.all([
    query.select(campaignColumns).orderBy('special_campaign.starts_on', q.order).orderBy('special_campaign.id', 'asc')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function listProgressReports(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('campaign_progress_report')
    .select(['id', 'unit_id', 'task_id', 'reported_on', 'completed', 'summary', 'note', 'late', 'created_at'])
    .where('campaign_id', '=', campaignId).orderBy('reported_on', 'asc').orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

export type ProgressReportRow = Awaited<ReturnType<typeof listProgressReports>>[number];

/** The reports of several campaigns (a list page), by campaign. */
export async function listProgressReportsOf(db: Kysely<DB>, campaignIds: readonly string[]): Promise<Map<string, ProgressReportRow[]>> {
  const out = new Map<string, ProgressReportRow[]>(campaignIds.map((id) => [id, []]));
  if (campaignIds.length === 0) return out;
  const rows = await db.selectFrom('campaign_progress_report')
    .select(['campaign_id', 'id', 'unit_id', 'task_id', 'reported_on', 'completed', 'summary', 'note', 'late', 'created_at'])
    .where('campaign_id', 'in', [...campaignIds]).execute();
  for (const { campaign_id, ...r } of rows) out.get(campaign_id)?.push(r);
  return out;
}

export async function insertProgressReport(db: Kysely<DB>, row: Insertable<CampaignProgressReportTable>): Promise<void> {
  await db.insertInto('campaign_progress_report').values(row).execute();
}
