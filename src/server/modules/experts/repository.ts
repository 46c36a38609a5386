import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { ExpertListQuery } from '../../../shared/schemas/expert';
import type { DB } from '../../db/schema';
import type { ExpertTable } from '../../db/schema-inspections';

function withNames(db: Kysely<DB>) {
  return db.selectFrom('expert')
    .innerJoin('organisation', 'organisation.id', 'expert.organisation_id')
    .leftJoin('enterprise', 'enterprise.id', 'expert.employer_enterprise_id')
    .selectAll('expert')
    .select(['organisation.path as organisation_path', 'enterprise.name as employer_enterprise_name']);
}

export async function insertExpert(db: Kysely<DB>, row: Insertable<ExpertTable>): Promise<void> {
  await db.insertInto('expert').values(row).execute();
}

export async function findExpert(db: Kysely<DB>, id: string) {
  return withNames(db).where('expert.id', '=', id).executeTakeFirst();
}

export type ExpertRow = NonNullable<Awaited<ReturnType<typeof findExpert>>>;

/** False when another request changed the expert first. */
export async function updateExpertIfVersion(db: Kysely<DB>, id: string, version: number, set: Updateable<ExpertTable>, at: string): Promise<boolean> {
  const result = await db.updateTable('expert').set({ ...set, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A page of the pool in scope, by name; the specialty filter matches one element of the JSON array. */
export async function listExperts(db: Kysely<DB>, scope: Scope, q: ExpertListQuery) {
  if (scope.kind !== 'all' && scope.kind !== 'subtree') return { rows: [], total: 0 };
  let query = withNames(db);
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (q.specialty !== undefined) query = query.where('expert.specialties', 'like', `%${JSON.stringify(q.specialty)}%`);
  if (q.level !== undefined) query = query.where('expert.level', '=', q.level);
  if (q.active !== undefined) query = query.where('expert.active', '=', q.active ? 1 : 0);
  const [rows, count] = await Promise.all([
    query.orderBy('expert.name', q.order).orderBy('expert.id', 'asc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * The pool an inspection draws from: the experts kept by the inspection's organisation and by
 * the organisations above it (a city's pool serves its districts), each with its current row.
 */
export async function listPoolFor(db: Kysely<DB>, organisationPath: string) {
  const ids = organisationPath.split('/').filter((s) => s.length > 0);
  if (ids.length === 0) return [];
  return db.selectFrom('expert').selectAll().where('organisation_id', 'in', ids).execute();
}
