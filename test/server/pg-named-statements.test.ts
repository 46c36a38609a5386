import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedStatementLimits } from '../../src/server/db/pg-named-statements';
import { createTestDatabase, testEngine } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';

// PostgreSQL keeps the app's small statements prepared per connection, so they are not planned
// on every execution; statements with many parameters and those past the bound are sent unnamed.
describe.skipIf(testEngine !== 'postgres')('named statements on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.drop(); });

  const preparedOn = async (run: (db: TestDatabase['database']['db']) => Promise<void>) => t.database.db.connection().execute(async (db) => {
    await run(db as never);
    const rows = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(db);
    return rows.rows;
  });

  it('prepares a small statement once under a name that stands for its text, and answers as before', async () => {
    const texts: string[] = [];
    const prepared = await preparedOn(async (db) => {
      for (let i = 0; i < 3; i++) {
        const row = await db.selectFrom('organisation').select('id').where('id', '=', `no-such-${i}`).executeTakeFirst();
        expect(row).toBeUndefined();
      }
      texts.push(db.selectFrom('organisation').select('id').where('id', '=', 'x').compile().sql);
    });
    const ours = prepared.filter((p) => p.name.startsWith('anke_') && p.statement === texts[0]);
    expect(ours).toHaveLength(1);
  });

  it('sends a statement with many parameters unnamed', async () => {
    const ids = Array.from({ length: namedStatementLimits.maxParameters + 1 }, (_, i) => `many-${i}`);
    const prepared = await preparedOn(async (db) => {
      expect(await db.selectFrom('organisation').select('id').where('id', 'in', ids).execute()).toEqual([]);
    });
    expect(prepared.some((p) => p.statement.includes(`$${ids.length}`))).toBe(false);
  });
});
