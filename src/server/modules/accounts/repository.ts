import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';

export async function insertAccount(
  db: Kysely<DB>,
  row: {
    id: string; username: string; display_name: string; password_hash: string; role: string;
    organisation_id: string; unit_id: string | null; created_at: string; updated_at: string;
  },
): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function insertAssignments(db: Kysely<DB>, accountId: string, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  await db.insertInto('account_unit').values(unitIds.map((unit_id) => ({ account_id: accountId, unit_id }))).execute();
}

export async function usernameTaken(db: Kysely<DB>, username: string): Promise<boolean> {
  const row = await db.selectFrom('account').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export async function unitsOf(db: Kysely<DB>, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('unit')
    .innerJoin('organisation', 'organisation.id', 'unit.organisation_id')
    .select(['unit.id', 'organisation.path as organisation_path'])
    .where('unit.id', 'in', unitIds)
    .execute();
}

const accountSortColumns = {
  username: 'account.username',
  displayName: 'account.display_name',
  role: 'account.role',
  createdAt: 'account.created_at',
} as const;

export interface AccountListQuery {
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
  sort: keyof typeof accountSortColumns;
  role?: string | undefined;
  organisationId?: string | undefined;
  q?: string | undefined;
}

/** Accounts of the scope; never selects the password hash or the lockout counters. */
export async function listAccounts(db: Kysely<DB>, scope: Scope, q: AccountListQuery) {
  if (scope.kind === 'none') return { rows: [], total: 0 };
  let query = db.selectFrom('account').innerJoin('organisation', 'organisation.id', 'account.organisation_id');
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') {
    if (scope.unitIds.length === 0) return { rows: [], total: 0 };
    query = query.where('account.unit_id', 'in', scope.unitIds);
  }
  if (q.role) query = query.where('account.role', '=', q.role);
  if (q.organisationId) query = query.where('account.organisation_id', '=', q.organisationId);
  if (q.q) {
    const pattern = `%${q.q.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb.or([eb('account.username', 'like', pattern), eb('account.display_name', 'like', pattern)]));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['account.id', 'account.username', 'account.display_name', 'account.role', 'account.organisation_id', 'account.unit_id'])
    .orderBy(accountSortColumns[q.sort], q.order)
    .orderBy('account.id', 'asc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total) };
}
