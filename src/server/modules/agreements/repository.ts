import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';
import type { AgreementTable } from '../../db/schema-agreements';

const columns = [
  'agreement.campaign_id', 'agreement.unit_id', 'agreement.state', 'agreement.targets_json',
  'agreement.control_indicators_json', 'agreement.key_tasks_json', 'agreement.unit_principal', 'agreement.unit_deputy',
  'agreement.government_signatory', 'agreement.signed_on', 'agreement.scanned_file_id', 'agreement.version',
  'agreement.created_at', 'agreement.updated_at', 'unit.name as unit_name', 'campaign_unit.sort_order',
  'stored_file.original_name as scanned_file_name', 'stored_file.media_type as scanned_file_type',
] as const;

function base(db: Kysely<DB>) {
  return db.selectFrom('agreement')
    .innerJoin('unit', 'unit.id', 'agreement.unit_id')
    .innerJoin('campaign_unit', (j) => j.onRef('campaign_unit.campaign_id', '=', 'agreement.campaign_id').onRef('campaign_unit.unit_id', '=', 'agreement.unit_id'))
    .leftJoin('stored_file', 'stored_file.id', 'agreement.scanned_file_id');
}

export type AgreementRow = Awaited<ReturnType<typeof findAgreement>> & {};

export async function findAgreement(db: Kysely<DB>, campaignId: string, unitId: string) {
  return base(db).select(columns)
    .where('agreement.campaign_id', '=', campaignId).where('agreement.unit_id', '=', unitId)
    .executeTakeFirst();
}

export interface AgreementListFilter {
  state?: string | undefined;
  unitId?: string | undefined;
  sort: 'unit' | 'state' | 'updatedAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** A page of a campaign's agreements, restricted to the units the scope grants. */
export async function listAgreements(db: Kysely<DB>, campaignId: string, scope: Scope, filter: AgreementListFilter) {
  if (scope.kind === 'none' || (scope.kind === 'units' && scope.unitIds.length === 0)) return { rows: [], total: 0 };
  let query = base(db).where('agreement.campaign_id', '=', campaignId);
  if (scope.kind === 'units') query = query.where('agreement.unit_id', 'in', scope.unitIds);
  if (filter.state) query = query.where('agreement.state', '=', filter.state);
  if (filter.unitId) query = query.where('agreement.unit_id', '=', filter.unitId);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const sortColumn = filter.sort === 'state' ? 'agreement.state' : filter.sort === 'updatedAt' ? 'agreement.updated_at' : 'campaign_unit.sort_order';
  const rows = await query.select(columns)
    .orderBy(sortColumn, filter.order)
    .orderBy('campaign_unit.sort_order', 'asc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export async function insertAgreements(db: Kysely<DB>, rows: readonly Omit<AgreementTable, 'version'>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('agreement').values(rows.slice(i, i + 200)).execute();
}

export type AgreementChanges = Partial<Pick<AgreementTable,
  'state' | 'targets_json' | 'control_indicators_json' | 'key_tasks_json' | 'unit_principal' | 'unit_deputy'
  | 'government_signatory' | 'signed_on' | 'scanned_file_id'>>;

/** Writes only when the stored version is still `version`; false on a stale write. */
export async function updateAgreementIfVersion(
  db: Kysely<DB>, campaignId: string, unitId: string, version: number, changes: AgreementChanges, at: string,
): Promise<boolean> {
  const result = await db.updateTable('agreement').set({ ...changes, version: version + 1, updated_at: at })
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Units of the campaign whose agreement is not signed (or archived), in the campaign's order. */
export async function listUnsignedUnits(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('campaign_unit')
    .innerJoin('unit', 'unit.id', 'campaign_unit.unit_id')
    .leftJoin('agreement', (j) => j.onRef('agreement.campaign_id', '=', 'campaign_unit.campaign_id').onRef('agreement.unit_id', '=', 'campaign_unit.unit_id'))
    .select(['campaign_unit.unit_id', 'unit.name', 'agreement.state'])
    .where('campaign_unit.campaign_id', '=', campaignId)
    .where((eb) => eb.or([eb('agreement.state', 'is', null), eb('agreement.state', 'not in', ['signed', 'archived'])]))
    .orderBy('campaign_unit.sort_order', 'asc')
    .execute();
}

export async function countAgreements(db: Kysely<DB>, campaignId: string): Promise<number> {
  const row = await db.selectFrom('agreement').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listAgreementStates(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('agreement').select(['unit_id', 'state']).where('campaign_id', '=', campaignId).execute();
}

export async function listAgreementUnitIds(db: Kysely<DB>, campaignId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('agreement').select('unit_id').where('campaign_id', '=', campaignId).execute();
  return new Set(rows.map((r) => r.unit_id));
}

/** The signed indicators become the unit's control indicators in the campaign (the engine's input). */
export async function setCampaignUnitIndicators(db: Kysely<DB>, campaignId: string, unitId: string, indicators: unknown[]): Promise<void> {
  const row = await db.selectFrom('campaign_unit').select('unit_json')
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).executeTakeFirstOrThrow();
  const fields = JSON.parse(row.unit_json) as Record<string, unknown>;
  if (indicators.length > 0) fields.controlIndicators = indicators;
  else delete fields.controlIndicators;
  await db.updateTable('campaign_unit').set({ unit_json: JSON.stringify(fields) })
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).execute();
}

export async function findFileOfUnit(db: Kysely<DB>, fileId: string) {
  return db.selectFrom('stored_file').select(['id', 'unit_id', 'media_type', 'original_name']).where('id', '=', fileId).executeTakeFirst();
}

export async function findOrganisationName(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirst())?.name;
}
