import type { Kysely } from 'kysely';
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
