import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { UnitContacts } from '../../../shared/schemas/unit';
import type { DB } from '../../db/schema';

const unitColumns = [
  'unit.id', 'unit.organisation_id', 'unit.area_organisation_id', 'unit.name', 'unit.category', 'unit.sectors',
  'unit.sort_order', 'unit.contacts_json', 'unit.version', 'unit.updated_at', 'organisation.path as organisation_path',
] as const;

export type UnitRow = Awaited<ReturnType<typeof findUnit>> & {};

const sortColumns = {
  sortOrder: 'unit.sort_order',
  name: 'unit.name',
  category: 'unit.category',
  updatedAt: 'unit.updated_at',
} as const;

export interface UnitListQuery {
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
  sort: keyof typeof sortColumns;
  category?: string | undefined;
  q?: string | undefined;
}

export async function listUnits(db: Kysely<DB>, scope: Scope, q: UnitListQuery) {
  if (scope.kind === 'none' || (scope.kind === 'units' && scope.unitIds.length === 0)) return { rows: [], total: 0 };
  let query = db.selectFrom('unit');
  if (scope.kind === 'subtree') {
    // The organisations of the subtree (a few dozen rows), then the units by organisation
    // id: no path comparison per unit, and the count needs no join.
    const path = scope.path;
    query = query.where('unit.organisation_id', 'in', (eb) => eb.selectFrom('organisation').select('organisation.id').where('organisation.path', 'like', `${path}%`));
  }
  if (scope.kind === 'units') query = query.where('unit.id', 'in', scope.unitIds);
  if (q.category) query = query.where('unit.category', '=', q.category);
  if (q.q) query = query.where('unit.name', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  // The page is found among the ids first (in table order this walks the covering index
  // unit(sort_order, id, organisation_id), migration 20261207T083000), and only its rows are
  // read and joined: an offset no longer reads every unit it skips. The count and the page
  // are independent, so PostgreSQL answers them on two connections at once.
  const pageIds = query
    .select('unit.id')
    .orderBy(sortColumns[q.sort], q.order)
    .orderBy('unit.id', 'asc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    db.selectFrom('unit')
      .innerJoin('organisation', 'organisation.id', 'unit.organisation_id')
      .select(unitColumns)
      .where('unit.id', 'in', pageIds)
      .orderBy(sortColumns[q.sort], q.order)
      .orderBy('unit.id', 'asc')
      .execute(),
  ]);
  return { rows, total: Number(total) };
}

export async function findUnit(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('unit')
    .innerJoin('organisation', 'organisation.id', 'unit.organisation_id')
    .select(unitColumns)
    .where('unit.id', '=', id)
    .executeTakeFirst();
}

export interface UnitChanges {
  name?: string;
  category?: string;
  sectors?: string;
  sort_order?: number;
  contacts_json?: string;
}

/** Writes only when the stored version is still `version`; returns false on a stale write. */
export async function updateUnitIfVersion(
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: UnitChanges,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('unit')
    .set({ ...changes, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The registry's people of the units named (单位与组织), by unit id. */
export async function listUnitContacts(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, UnitContacts>> {
  const found = new Map<string, UnitContacts>();
  // In slices: a campaign may assess more units than one statement may bind on SQLite.
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db.selectFrom('unit').select(['id', 'contacts_json']).where('id', 'in', ids.slice(i, i + 5000)).execute();
    for (const r of rows) found.set(r.id, JSON.parse(r.contacts_json) as UnitContacts);
  }
  return found;
}

/** 单位名录: every unit in the scope, in table order, with what a form needs to choose one. */
export async function listUnitDirectory(db: Kysely<DB>, scope: Scope) {
  if (scope.kind === 'none' || (scope.kind === 'units' && scope.unitIds.length === 0)) return [];
  let query = db.selectFrom('unit').innerJoin('organisation', 'organisation.id', 'unit.organisation_id')
    .select(['unit.id', 'unit.organisation_id', 'unit.name', 'unit.category', 'unit.sectors']);
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') query = query.where('unit.id', 'in', scope.unitIds);
  return query.orderBy('unit.sort_order').orderBy('unit.id').execute();
}
