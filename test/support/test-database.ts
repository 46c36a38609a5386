import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase } from '../../src/server/db/create-database';
import type { Database } from '../../src/server/db/create-database';
import { migrateToLatest } from '../../src/server/db/migrate';

/**
 * A fresh, migrated database for one test file. SQLite by default (a temporary file);
 * PostgreSQL when ANKE_TEST_PG_URL names a server (scripts/test.mjs sets it for the
 * PostgreSQL tier): a new database is created there and dropped afterwards.
 */
export interface TestDatabase {
  database: Database;
  /** Connection string (PostgreSQL) or file path (SQLite) of this test database. */
  location: string;
  drop: () => Promise<void>;
}

export const testEngine: 'sqlite' | 'postgres' = process.env.ANKE_TEST_PG_URL ? 'postgres' : 'sqlite';

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.ANKE_TEST_PG_URL;
  if (adminUrl) {
    const name = `anke_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    const url = withDatabaseName(adminUrl, name);
    const database = createDatabase({ databaseUrl: url, poolSize: 5 });
    await migrateToLatest(database.db);
    return {
      database,
      location: url,
      drop: async () => {
        await database.close();
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`drop database if exists ${name} with (force)`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'anke-test-'));
  const file = join(dir, 'anke.db');
  const database = createDatabase({ sqliteFile: file });
  await migrateToLatest(database.db);
  return {
    database,
    location: file,
    drop: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The environment under which `anke` commands open this test database. */
export function cliEnv(t: TestDatabase): Record<string, string> {
  return t.database.engine === 'postgres'
    ? { DATABASE_URL: t.location, ANKE_LOG_LEVEL: 'silent' }
    : { ANKE_DATA_DIR: dirname(t.location), ANKE_LOG_LEVEL: 'silent' };
}
