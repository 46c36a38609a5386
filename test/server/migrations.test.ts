import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/server/db/migrate';
import { migrations } from '../../src/server/db/migrations/index';
import { createTestDatabase } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';

/** The platform's tables; areas that add tables extend this list and the snapshot. */
// Every table the migrations create, except the migrator's own bookkeeping (its column types
// are Kysely's choice per engine).
const ownTables = (name: string) => !name.startsWith('schema_migration');

/** Engine type names mapped to the portable ones the migrations use. */
const portable: Record<string, string> = { integer: 'integer', int4: 'integer', text: 'text' };

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.drop(); });

  it('are named by timestamp and applied in that order', () => {
    const names = Object.keys(migrations);
    for (const name of names) expect(name).toMatch(/^\d{8}T\d{6}-[a-z0-9-]+$/);
    expect([...names].sort()).toEqual(names);
  });

  it('are all applied, and applying again does nothing', async () => {
    expect(await migrateToLatest(t.database.db)).toEqual([]);
  });

  it('produce the same tables, columns, types and nullability on SQLite and PostgreSQL', async () => {
    const tables = await t.database.db.introspection.getTables();
    const shape = Object.fromEntries(
      tables
        .filter((table) => ownTables(table.name))
        .map((table) => [
          table.name,
          Object.fromEntries(table.columns.map((c) => [c.name, `${portable[c.dataType.toLowerCase()] ?? c.dataType}${c.isNullable ? '?' : ''}`])),
        ])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(shape).toMatchSnapshot();
  });
});
