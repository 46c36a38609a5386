import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';
import type { CampaignTable } from '../../db/schema-workflow';

const campaignColumns = [
  'campaign.id', 'campaign.organisation_id', 'campaign.name', 'campaign.year', 'campaign.period', 'campaign.state',
  'campaign.scheme_version', 'campaign.agreement_due', 'campaign.self_assessment_due', 'campaign.assessment_ends',
  'campaign.publicity_days', 'campaign.publicity_ends_at', 'campaign.approval_meeting', 'campaign.monthly_report_grace_days', 'campaign.version',
  'campaign.updated_at', 'organisation.path as organisation_path',
] as const;

export type CampaignRow = Awaited<ReturnType<typeof findCampaign>> & {};

/**
 * Holds the campaign's row until the transaction ends, so two writers of the same campaign take
 * turns: on PostgreSQL the second waits for the first to commit and then reads what it wrote;
 * SQLite has one writer at a time in any case. Writes nothing (the value is set to itself).
 */
export async function lockCampaign(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('campaign').set((eb) => ({ version: eb.ref('version') })).where('id', '=', id).execute();
}

export async function findCampaign(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('campaign')
    .innerJoin('organisation', 'organisation.id', 'campaign.organisation_id')
    .select(campaignColumns)
    .where('campaign.id', '=', id)
    .executeTakeFirst();
}

export async function listCampaigns(db: Kysely<DB>, scope: Scope) {
  if (scope.kind === 'none' || scope.kind === 'units') return [];
  let query = db.selectFrom('campaign').innerJoin('organisation', 'organisation.id', 'campaign.organisation_id').select(campaignColumns);
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  return query.orderBy('campaign.year', 'desc').orderBy('campaign.created_at', 'desc').execute();
}

export type NewCampaign = Omit<CampaignTable, 'version'>;

export async function insertCampaign(db: Kysely<DB>, row: NewCampaign): Promise<void> {
  await db.insertInto('campaign').values(row).execute();
}

export async function insertScheme(
  db: Kysely<DB>,
  row: { campaignId: string; version: number; scheme: unknown; note: string | null; createdBy: string | null; at: string },
): Promise<void> {
  await db.insertInto('campaign_scheme').values({
    campaign_id: row.campaignId, version: row.version, scheme_json: JSON.stringify(row.scheme),
    note: row.note, created_by: row.createdBy, created_at: row.at,
  }).execute();
}

export async function findScheme(db: Kysely<DB>, campaignId: string, version: number): Promise<unknown> {
  const row = await db.selectFrom('campaign_scheme').select('scheme_json')
    .where('campaign_id', '=', campaignId).where('version', '=', version).executeTakeFirstOrThrow();
  return JSON.parse(row.scheme_json) as unknown;
}

export interface CampaignUnitRecord {
  unitId: string;
  sortOrder: number;
  /** the engine's unit fields other than id and name */
  fields: Record<string, unknown>;
}

export async function insertCampaignUnits(db: Kysely<DB>, campaignId: string, units: readonly CampaignUnitRecord[]): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < units.length; i += 200) {
    await db.insertInto('campaign_unit').values(units.slice(i, i + 200).map((u) => ({
      campaign_id: campaignId, unit_id: u.unitId, sort_order: u.sortOrder, unit_json: JSON.stringify(u.fields),
    }))).execute();
  }
}

export async function listCampaignUnits(db: Kysely<DB>, campaignId: string) {
  return db
    .selectFrom('campaign_unit')
    .innerJoin('unit', 'unit.id', 'campaign_unit.unit_id')
    .select(['campaign_unit.unit_id', 'campaign_unit.sort_order', 'campaign_unit.unit_json', 'unit.name'])
    .where('campaign_unit.campaign_id', '=', campaignId)
    .orderBy('campaign_unit.sort_order', 'asc')
    .execute();
}

export async function isCampaignUnit(db: Kysely<DB>, campaignId: string, unitId: string): Promise<boolean> {
  const row = await db.selectFrom('campaign_unit').select('unit_id')
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).executeTakeFirst();
  return row !== undefined;
}

/** The platform units with these ids, with the path of the organisation that owns them. */
export async function findUnitsForCampaign(db: Kysely<DB>, unitIds: readonly string[]) {
  const rows: { id: string; name: string; category: string; organisation_path: string }[] = [];
  for (let i = 0; i < unitIds.length; i += 500) {
    rows.push(...await db.selectFrom('unit').innerJoin('organisation', 'organisation.id', 'unit.organisation_id')
      .select(['unit.id', 'unit.name', 'unit.category', 'organisation.path as organisation_path'])
      .where('unit.id', 'in', unitIds.slice(i, i + 500)).execute());
  }
  return rows;
}

export async function findOrganisationPath(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select('path').where('id', '=', id).executeTakeFirst();
  return row?.path;
}

export type CampaignChanges = Partial<Pick<CampaignTable,
  'state' | 'scheme_version' | 'publicity_days' | 'publicity_ends_at' | 'approval_meeting'
  | 'agreement_due' | 'self_assessment_due' | 'assessment_ends'>> & { monthly_report_grace_days?: number };

/** Writes only when the stored version is still `version`; returns false on a stale write. */
export async function updateCampaignIfVersion(db: Kysely<DB>, id: string, version: number, changes: CampaignChanges, at: string): Promise<boolean> {
  const result = await db.updateTable('campaign').set({ ...changes, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countCampaignUnits(db: Kysely<DB>, campaignId: string): Promise<number> {
  const row = await db.selectFrom('campaign_unit').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Units of the campaign without a team score for any criterion yet (precondition of review). */
export async function countUnscoredUnits(db: Kysely<DB>, campaignId: string): Promise<number> {
  const row = await db.selectFrom('campaign_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_unit.campaign_id', '=', campaignId)
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('item_score').select('item_score.unit_id')
        .whereRef('item_score.campaign_id', '=', 'campaign_unit.campaign_id')
        .whereRef('item_score.unit_id', '=', 'campaign_unit.unit_id')
        .where('item_score.kind', '=', 'team'),
    )))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countOpenObjections(db: Kysely<DB>, campaignId: string): Promise<number> {
  const row = await db.selectFrom('objection').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId).where('answer', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Metric values fed by the ledgers (unit → metric name → value), in multi-row statements. */
export async function insertMetricValues(
  db: Kysely<DB>, campaignId: string, rows: readonly { unitId: string; name: string; value: unknown }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insertInto('metric_value').values(rows.slice(i, i + 1000).map((r) => ({
      campaign_id: campaignId, unit_id: r.unitId, name: r.name, value_json: JSON.stringify(r.value),
    }))).execute();
  }
}

/** Moves the campaign to a new scheme version only when it is still at `fromVersion`. */
export async function setSchemeVersionIf(db: Kysely<DB>, id: string, fromVersion: number, toVersion: number, name: string, at: string): Promise<boolean> {
  const updated = await db.updateTable('campaign').set({ scheme_version: toVersion, name, updated_at: at })
    .where('id', '=', id).where('scheme_version', '=', fromVersion).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
