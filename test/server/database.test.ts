import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';

describe('database settings', () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.drop(); });

  it.skipIf(testEngine !== 'sqlite')('SQLite runs in WAL mode with synchronous=FULL, foreign keys on and a busy timeout', () => {
    const sqlite = t.database.sqlite!;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('refuses a row pointing at a missing parent, on either engine', async () => {
    const at = new Date().toISOString();
    await expect(
      t.database.db.insertInto('unit').values({
        id: 'orphan', organisation_id: 'no-such-organisation', area_organisation_id: null, name: '孤立单位',
        category: 'department', created_at: at, updated_at: at,
      }).execute(),
    ).rejects.toThrow(/foreign key/i);
  });

  it('refuses a row without a primary key, on either engine', async () => {
    const at = new Date().toISOString();
    await expect(
      t.database.db.insertInto('organisation').values({
        id: null as unknown as string, parent_id: null, name: '无编号', kind: 'province', division_code: null, path: '/x/', created_at: at, updated_at: at,
      }).execute(),
    ).rejects.toThrow(/null/i);
  });
});
