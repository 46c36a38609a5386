import type { Kysely } from 'kysely';

// After an administrator resets a password (or creates the account with a password the
// administrator knows), the user must choose a new one before using anything else.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('account')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
