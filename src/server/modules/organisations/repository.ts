import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';

export async function listOrganisations(db: Kysely<DB>, scope: Scope) {
  let query = db
    .selectFrom('organisation')
    .select(['id', 'parent_id', 'name', 'kind', 'division_code', 'path', 'version']);
  if (scope.kind === 'none' || scope.kind === 'units') return [];
  if (scope.kind === 'subtree') query = query.where('path', 'like', `${scope.path}%`);
  return query.orderBy('path').orderBy('sort_order').execute();
}

export async function findOrganisation(db: Kysely<DB>, id: string) {
  return db.selectFrom('organisation').select(['id', 'name', 'path', 'kind']).where('id', '=', id).executeTakeFirst();
}
