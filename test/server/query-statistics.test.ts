import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLedgers } from '../../bench/ledgers/seed';
import { createTestDatabase, testEngine } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';

/**
 * The planner's statistics (create-database.ts refreshStatistics): without them SQLite answers a
 * department's cards being rectified by walking every card in that state; with them it takes the
 * department's own index.
 */
describe('query statistics', { timeout: 120_000 }, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedLedgers(t.database.db, { units: 40, enterprises: 400, hazards: 4_000 });
  });
  afterAll(async () => { await t.drop(); });

  const query = sql`select id from hazard where organisation_id in ('ld') and regulating_unit_id = 'd7' and state = 'rectifying' order by found_on desc, id asc limit 20`;

  it('are gathered for every table and lead the planner to the selective index', async () => {
    const db = t.database.db;
    await t.database.refreshStatistics();
    if (testEngine === 'sqlite') {
      const stats = await sql<{ tbl: string }>`select distinct tbl from sqlite_stat1`.execute(db);
      expect(stats.rows.map((r) => r.tbl)).toEqual(expect.arrayContaining(['hazard', 'enterprise', 'hazard_event']));
      const plan = await sql<{ detail: string }>`explain query plan ${query}`.execute(db);
      // An index that leads with the department (its cards by day, or by state and deadline), not one by state alone.
    expect(plan.rows.map((r) => r.detail).join(' | ')).toMatch(/USING INDEX hazard_regulating_/);
    } else {
      const stats = await sql<{ n: number }>`select count(*)::int as n from pg_stats where tablename = 'hazard'`.execute(db);
      expect(stats.rows[0]!.n).toBeGreaterThan(0);
    }
    expect((await query.execute(db)).rows.length).toBeGreaterThan(0);
  });
});
