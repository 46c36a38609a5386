import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';
import type { EnterpriseTable } from '../../db/schema-ledgers';

const enterpriseColumns = [
  'enterprise.id', 'enterprise.organisation_id', 'enterprise.name', 'enterprise.credit_code', 'enterprise.address',
  'enterprise.legal_representative', 'enterprise.sector', 'enterprise.size', 'enterprise.territorial_unit_id',
  'enterprise.regulating_unit_id', 'enterprise.standardisation_level', 'enterprise.licences_json', 'enterprise.safety_staff_json',
  'enterprise.major_hazard_sources_json', 'enterprise.emergency_plans_json', 'enterprise.version', 'enterprise.updated_at',
  'organisation.path as organisation_path', 'tu.name as territorial_unit_name', 'ru.name as regulating_unit_name',
] as const;

export type EnterpriseRow = Awaited<ReturnType<typeof findEnterprise>> & {};

function withNames(db: Kysely<DB>) {
  return db.selectFrom('enterprise')
    .innerJoin('organisation', 'organisation.id', 'enterprise.organisation_id')
    .innerJoin('unit as tu', 'tu.id', 'enterprise.territorial_unit_id')
    .innerJoin('unit as ru', 'ru.id', 'enterprise.regulating_unit_id');
}

export async function findEnterprise(db: Kysely<DB>, id: string) {
  return withNames(db).select(enterpriseColumns).where('enterprise.id', '=', id).executeTakeFirst();
}

const sortColumns = { name: 'enterprise.name', creditCode: 'enterprise.credit_code', updatedAt: 'enterprise.updated_at' } as const;

export interface EnterpriseFilter {
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
  sort: keyof typeof sortColumns;
  territorialUnitId?: string | undefined;
  regulatingUnitId?: string | undefined;
  sector?: string | undefined;
  size?: string | undefined;
  q?: string | undefined;
}

/** The organisation ids of a subtree (a few dozen rows), so the big tables are filtered by id. */
export async function organisationIdsUnder(db: Kysely<DB>, path: string): Promise<string[]> {
  return (await db.selectFrom('organisation').select('id').where('path', 'like', `${path}%`).execute()).map((o) => o.id);
}

export async function listEnterprises(db: Kysely<DB>, scope: Scope, f: EnterpriseFilter) {
  if (scope.kind === 'none' || (scope.kind === 'units' && scope.unitIds.length === 0)) return { rows: [], total: 0 };
  let query = db.selectFrom('enterprise');
  if (scope.kind === 'subtree') {
    const ids = await organisationIdsUnder(db, scope.path);
    if (ids.length === 0) return { rows: [], total: 0 };
    query = query.where('enterprise.organisation_id', 'in', ids);
  }
  if (scope.kind === 'units') {
    const ids = scope.unitIds;
    query = query.where((eb) => eb.or([eb('enterprise.territorial_unit_id', 'in', ids), eb('enterprise.regulating_unit_id', 'in', ids)]));
  }
  if (f.territorialUnitId) query = query.where('enterprise.territorial_unit_id', '=', f.territorialUnitId);
  if (f.regulatingUnitId) query = query.where('enterprise.regulating_unit_id', '=', f.regulatingUnitId);
  if (f.sector) query = query.where('enterprise.sector', '=', f.sector);
  if (f.size) query = query.where('enterprise.size', '=', f.size);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb.or([eb('enterprise.name', 'like', like), eb('enterprise.credit_code', 'like', like.toUpperCase())]));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .innerJoin('organisation', 'organisation.id', 'enterprise.organisation_id')
    .innerJoin('unit as tu', 'tu.id', 'enterprise.territorial_unit_id')
    .innerJoin('unit as ru', 'ru.id', 'enterprise.regulating_unit_id')
    .select(enterpriseColumns)
    .orderBy(sortColumns[f.sort], f.order)
    .orderBy('enterprise.id', 'asc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** The credit codes among these that are already registered (by another enterprise than `exceptId`). */
export async function registeredCreditCodes(db: Kysely<DB>, codes: readonly string[], exceptId?: string): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    let query = db.selectFrom('enterprise').select('credit_code').where('credit_code', 'in', codes.slice(i, i + 500));
    if (exceptId) query = query.where('id', '!=', exceptId);
    for (const r of await query.execute()) found.add(r.credit_code);
  }
  return found;
}

export interface LedgerUnit {
  id: string;
  name: string;
  category: string;
  organisation_id: string;
  organisation_path: string;
}

/** The units of the organisation that owns `unitId` (the town and department choices of an enterprise). */
export async function unitsOfOrganisation(db: Kysely<DB>, organisationId: string): Promise<LedgerUnit[]> {
  return db.selectFrom('unit').innerJoin('organisation', 'organisation.id', 'unit.organisation_id')
    .select(['unit.id', 'unit.name', 'unit.category', 'unit.organisation_id', 'organisation.path as organisation_path'])
    .where('unit.organisation_id', '=', organisationId).execute();
}

export async function findLedgerUnit(db: Kysely<DB>, id: string): Promise<LedgerUnit | undefined> {
  return db.selectFrom('unit').innerJoin('organisation', 'organisation.id', 'unit.organisation_id')
    .select(['unit.id', 'unit.name', 'unit.category', 'unit.organisation_id', 'organisation.path as organisation_path'])
    .where('unit.id', '=', id).executeTakeFirst();
}

export async function insertEnterprise(db: Kysely<DB>, row: Omit<EnterpriseTable, 'version'>): Promise<void> {
  await db.insertInto('enterprise').values(row).execute();
}

export type EnterpriseChanges = Partial<Omit<EnterpriseTable, 'id' | 'version' | 'created_by' | 'created_at' | 'updated_at'>>;

/** Writes only when the stored version is still `version`; false on a stale write. */
export async function updateEnterpriseIfVersion(db: Kysely<DB>, id: string, version: number, changes: EnterpriseChanges, at: string): Promise<boolean> {
  const result = await db.updateTable('enterprise').set({ ...changes, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Hazards and their steps of one enterprise, for its file. */
export async function listEnterpriseHazardEvents(db: Kysely<DB>, enterpriseId: string) {
  return db.selectFrom('hazard').innerJoin('hazard_event', 'hazard_event.hazard_id', 'hazard.id')
    .select(['hazard.id', 'hazard.number', 'hazard.grade', 'hazard.state', 'hazard.description', 'hazard_event.seq', 'hazard_event.at', 'hazard_event.summary'])
    .where('hazard.enterprise_id', '=', enterpriseId)
    .orderBy('hazard_event.at', 'desc').limit(2000).execute();
}

export async function enterpriseHazardCounts(db: Kysely<DB>, enterpriseId: string) {
  const rows = await db.selectFrom('hazard').select(['state', 'grade', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enterprise_id', '=', enterpriseId).groupBy(['state', 'grade']).execute();
  let hazards = 0; let open = 0; let major = 0;
  for (const r of rows) {
    const n = Number(r.n);
    hazards += n;
    if (r.state !== 'closed') open += n;
    if (r.grade === 'major') major += n;
  }
  return { hazards, openHazards: open, majorHazards: major };
}

/** Accidents registered against the enterprise by name, in its organisation. */
export async function listEnterpriseAccidents(db: Kysely<DB>, organisationId: string, name: string) {
  return db.selectFrom('accident').select(['id', 'occurred_at', 'grade', 'deaths', 'summary'])
    .where('organisation_id', '=', organisationId).where('enterprise', '=', name)
    .orderBy('occurred_at', 'desc').execute();
}
