import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export async function findAccountForLogin(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('account')
    .innerJoin('organisation', 'organisation.id', 'account.organisation_id')
    .select([
      'account.id', 'account.username', 'account.display_name', 'account.password_hash', 'account.role',
      'account.organisation_id', 'account.unit_id', 'account.failed_logins', 'account.locked_until', 'account.disabled',
      'account.must_change_password', 'account.version', 'organisation.path as organisation_path',
    ])
    .where('account.username', '=', username)
    .executeTakeFirst();
}

/** Counts a failed attempt atomically; returns the new count. */
export async function countFailedLogin(db: Kysely<DB>, accountId: string): Promise<number> {
  const row = await db
    .updateTable('account')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', accountId)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return row.failed_logins;
}

export async function lockAccount(db: Kysely<DB>, accountId: string, until: string): Promise<void> {
  await db.updateTable('account').set({ locked_until: until, failed_logins: 0 }).where('id', '=', accountId).execute();
}

export async function clearFailedLogins(db: Kysely<DB>, accountId: string): Promise<void> {
  await db.updateTable('account').set({ locked_until: null, failed_logins: 0 }).where('id', '=', accountId).execute();
}

export async function insertSession(
  db: Kysely<DB>,
  row: { id: string; account_id: string; csrf_token: string; created_at: string; last_seen_at: string },
): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

export async function findSession(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .innerJoin('organisation', 'organisation.id', 'account.organisation_id')
    .select([
      'session.id', 'session.csrf_token', 'session.last_seen_at',
      'account.id as account_id', 'account.username', 'account.display_name', 'account.role',
      'account.organisation_id', 'account.unit_id', 'account.disabled', 'account.must_change_password', 'account.version',
      'organisation.path as organisation_path',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
}

/**
 * The units an assessor may see and score: those assigned to the account directly and those
 * of the assessment teams (考核组) it belongs to. Within a campaign, a unit that has a team is
 * scored by that team's members only (modules/teams/team-access.ts).
 */
export async function assignedUnitIds(db: Kysely<DB>, accountId: string): Promise<string[]> {
  const direct = await db.selectFrom('account_unit').select('unit_id').where('account_id', '=', accountId).execute();
  const viaTeams = await db.selectFrom('assessment_team_member')
    .innerJoin('assessment_team_unit', 'assessment_team_unit.team_id', 'assessment_team_member.team_id')
    .select('assessment_team_unit.unit_id').where('assessment_team_member.account_id', '=', accountId).execute();
  return [...new Set([...direct, ...viaTeams].map((r) => r.unit_id))];
}

export async function touchSession(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Sessions idle past the limit can never be used again; removed so the table stays small. */
export async function deleteIdleSessions(db: Kysely<DB>, idleSince: string): Promise<void> {
  await db.deleteFrom('session').where('last_seen_at', '<', idleSince).execute();
}

/** What a password change needs to know of the signed-in account. */
export async function findPasswordOf(db: Kysely<DB>, accountId: string) {
  return db
    .selectFrom('account')
    .innerJoin('organisation', 'organisation.id', 'account.organisation_id')
    .select(['account.id', 'account.username', 'account.password_hash', 'account.unit_id', 'account.version', 'organisation.path as organisation_path'])
    .where('account.id', '=', accountId)
    .executeTakeFirst();
}

/** Replaces the password only if it is still the one verified (no lost update); returns false otherwise. */
export async function replacePassword(db: Kysely<DB>, accountId: string, oldHash: string, newHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('account')
    .set((eb) => ({ password_hash: newHash, must_change_password: 0, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', accountId)
    .where('password_hash', '=', oldHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteOtherSessions(db: Kysely<DB>, accountId: string, keepSessionId: string): Promise<number> {
  const result = await db.deleteFrom('session').where('account_id', '=', accountId).where('id', '<>', keepSessionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
