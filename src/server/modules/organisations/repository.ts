import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';

const sortColumns = {
  // The materialised path puts every parent before its children: the tree's own order.
  tree: 'path',
  name: 'name',
  kind: 'kind',
  divisionCode: 'division_code',
} as const;

export interface OrganisationListQuery {
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
  sort: keyof typeof sortColumns;
  kind?: string | undefined;
  parentId?: string | undefined;
  q?: string | undefined;
  /** The whole (filtered) scope in one answer, for the tree. */
  all: boolean;
}

export async function listOrganisations(db: Kysely<DB>, scope: Scope, q: OrganisationListQuery) {
  if (scope.kind === 'none' || scope.kind === 'units') return { rows: [], total: 0 };
  let query = db.selectFrom('organisation');
  if (scope.kind === 'subtree') query = query.where('path', 'like', `${scope.path}%`);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.parentId) query = query.where('parent_id', '=', q.parentId);
  if (q.q) query = query.where('name', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  let rows = query
    .select(['id', 'parent_id', 'name', 'kind', 'division_code', 'path', 'version'])
    .orderBy(sortColumns[q.sort], q.order)
    .orderBy('sort_order')
    .orderBy('id');
  if (q.all) {
    const all = await rows.execute();
    return { rows: all, total: all.length };
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  rows = rows.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { rows: await rows.execute(), total: Number(total) };
}

export async function findOrganisation(db: Kysely<DB>, id: string) {
  return db.selectFrom('organisation').select(['id', 'name', 'path', 'kind']).where('id', '=', id).executeTakeFirst();
}
