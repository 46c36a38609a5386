import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { InspectionListQuery } from '../../../shared/schemas/inspection';
import type { DB } from '../../db/schema';
import type { InspectionFindingTable, InspectionReportTable, InspectionTable } from '../../db/schema-inspections';
import { organisationIdsUnder } from '../enterprises/repository';

function withNames(db: Kysely<DB>) {
  return db.selectFrom('inspection')
    .innerJoin('organisation', 'organisation.id', 'inspection.organisation_id')
    .innerJoin('enterprise', 'enterprise.id', 'inspection.enterprise_id')
    .selectAll('inspection')
    .select(['organisation.path as organisation_path', 'enterprise.name as enterprise_name']);
}

export async function insertInspection(db: Kysely<DB>, row: Insertable<InspectionTable>): Promise<void> {
  await db.insertInto('inspection').values(row).execute();
}

export async function findInspection(db: Kysely<DB>, id: string) {
  return withNames(db).where('inspection.id', '=', id).executeTakeFirst();
}

export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

/** False when another request changed the inspection first; the version moves on by one. */
export async function updateInspectionIfVersion(db: Kysely<DB>, id: string, version: number, set: Updateable<InspectionTable>, at: string): Promise<boolean> {
  const result = await db.updateTable('inspection').set({ ...set, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertFindings(db: Kysely<DB>, rows: readonly Insertable<InspectionFindingTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('inspection_finding').values([...rows]).execute();
}

export async function listFindings(db: Kysely<DB>, inspectionIds: readonly string[]) {
  if (inspectionIds.length === 0) return [];
  return db.selectFrom('inspection_finding').selectAll().where('inspection_id', 'in', [...inspectionIds]).orderBy('seq').execute();
}

export async function insertReport(db: Kysely<DB>, row: Insertable<InspectionReportTable>): Promise<void> {
  await db.insertInto('inspection_report').values(row).execute();
}

export async function findReport(db: Kysely<DB>, id: string) {
  return db.selectFrom('inspection_report').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function listReports(db: Kysely<DB>, inspectionIds: readonly string[]) {
  if (inspectionIds.length === 0) return [];
  return db.selectFrom('inspection_report').selectAll().where('inspection_id', 'in', [...inspectionIds])
    .orderBy('reported_on').orderBy('id').execute();
}

/** Every report about an enterprise, with or without an inspection (一企一档). */
export async function listEnterpriseReports(db: Kysely<DB>, enterpriseId: string) {
  return db.selectFrom('inspection_report').selectAll().where('enterprise_id', '=', enterpriseId).execute();
}

export async function listEnterpriseInspections(db: Kysely<DB>, enterpriseId: string) {
  return db.selectFrom('inspection').selectAll().where('enterprise_id', '=', enterpriseId).execute();
}

/** A page of inspections in scope (the enterprise's town or department, or the tree), newest plan first. */
export async function listInspections(db: Kysely<DB>, scope: Scope, q: InspectionListQuery) {
  if (scope.kind === 'none' || (scope.kind === 'units' && scope.unitIds.length === 0)) return { rows: [], total: 0 };
  let query = withNames(db);
  if (scope.kind === 'subtree') {
    const ids = await organisationIdsUnder(db, scope.path);
    if (ids.length === 0) return { rows: [], total: 0 };
    query = query.where('inspection.organisation_id', 'in', ids);
  }
  if (scope.kind === 'units') {
    const ids = [...scope.unitIds];
    query = query.where((eb) => eb.or([eb('inspection.territorial_unit_id', 'in', ids), eb('inspection.regulating_unit_id', 'in', ids)]));
  }
  if (q.enterpriseId !== undefined) query = query.where('inspection.enterprise_id', '=', q.enterpriseId);
  if (q.territorialUnitId !== undefined) query = query.where('inspection.territorial_unit_id', '=', q.territorialUnitId);
  if (q.regulatingUnitId !== undefined) query = query.where('inspection.regulating_unit_id', '=', q.regulatingUnitId);
  if (q.kind !== undefined) query = query.where('inspection.kind', '=', q.kind);
  if (q.state === 'planned') query = query.where('inspection.inspected_on', 'is', null);
  if (q.state === 'recorded') query = query.where('inspection.inspected_on', 'is not', null);
  const [rows, count] = await Promise.all([
    query.orderBy('inspection.planned_on', q.order).orderBy('inspection.id', 'asc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
