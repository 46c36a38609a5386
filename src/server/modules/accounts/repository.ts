import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';

export async function insertAccount(
  db: Kysely<DB>,
  row: {
    id: string; username: string; display_name: string; password_hash: string; role: string;
    organisation_id: string; unit_id: string | null; created_at: string; updated_at: string;
    must_change_password?: number;
  },
): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function insertAssignments(db: Kysely<DB>, accountId: string, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  await db.insertInto('account_unit').values(unitIds.map((unit_id) => ({ account_id: accountId, unit_id }))).execute();
}

export async function replaceAssignments(db: Kysely<DB>, accountId: string, unitIds: readonly string[]): Promise<void> {
  await db.deleteFrom('account_unit').where('account_id', '=', accountId).execute();
  await insertAssignments(db, accountId, unitIds);
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

/** The columns of an account that may leave the server (no hash, no lockout counters). */
const accountColumns = [
  'account.id', 'account.username', 'account.display_name', 'account.role', 'account.organisation_id', 'account.unit_id',
  'account.disabled', 'account.must_change_password', 'account.version', 'account.created_at',
] as const;

export async function findAccount(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('account')
    .innerJoin('organisation', 'organisation.id', 'account.organisation_id')
    .select([...accountColumns, 'organisation.path as organisation_path'])
    .where('account.id', '=', id)
    .executeTakeFirst();
}

/** The units assigned to each of the accounts (assessors), by account id. */
export async function assignmentsOf(db: Kysely<DB>, accountIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (accountIds.length === 0) return map;
  const rows = await db
    .selectFrom('account_unit')
    .select(['account_id', 'unit_id'])
    .where('account_id', 'in', accountIds)
    .orderBy('unit_id')
    .execute();
  for (const row of rows) map.set(row.account_id, [...(map.get(row.account_id) ?? []), row.unit_id]);
  return map;
}

export interface AccountChanges {
  display_name?: string;
  role?: string;
  organisation_id?: string;
  unit_id?: string | null;
  disabled?: number;
  must_change_password?: number;
  password_hash?: string;
  failed_logins?: number;
  locked_until?: string | null;
}

/** Writes only when the stored version is still `version`; returns false on a stale write. */
export async function updateAccountIfVersion(
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: AccountChanges,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('account')
    .set({ ...changes, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Enabled system administrators other than `exceptId`. */
export async function countOtherSystemAdmins(db: Kysely<DB>, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('account')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'systemAdmin')
    .where('disabled', '=', 0)
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ends every session of the account, or every one but `keepSessionId`. */
export async function deleteSessionsOf(db: Kysely<DB>, accountId: string, keepSessionId?: string): Promise<number> {
  let query = db.deleteFrom('session').where('account_id', '=', accountId);
  if (keepSessionId) query = query.where('id', '<>', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
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
  status?: 'enabled' | 'disabled' | undefined;
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
  if (q.status) query = query.where('account.disabled', '=', q.status === 'disabled' ? 1 : 0);
  if (q.q) {
    const pattern = `%${q.q.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb.or([eb('account.username', 'like', pattern), eb('account.display_name', 'like', pattern)]));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(accountColumns)
    .orderBy(accountSortColumns[q.sort], q.order)
    .orderBy('account.id', 'asc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total) };
}
