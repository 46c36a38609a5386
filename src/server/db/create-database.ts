import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { withNamedStatements } from './pg-named-statements';
import pg from 'pg';
import type { DB } from './schema';
import { withStatementCache } from './statement-cache';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** SQLite file path, or the PostgreSQL connection string. */
  location: string;
  /** SQLite only: the underlying connection, for the online backup API. */
  sqlite?: BetterSqlite3.Database;
  /**
   * Brings the query planner's statistics up to date, so it picks the selective index (a
   * town's cards, not every card of the organisation in date order). SQLite keeps none unless
   * asked: `PRAGMA optimize` (all tables, with a bounded ANALYZE) is run at start and every few
   * hours by the server. PostgreSQL's autovacuum keeps them; `ANALYZE` here serves a bulk load.
   */
  refreshStatistics: () => Promise<void>;
  close: () => Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL when set. */
  databaseUrl?: string | undefined;
  /** SQLite: the file is `anke.db` in this directory. */
  dataDir?: string;
  /** SQLite: an explicit file path (tests, restore). Overrides dataDir. */
  sqliteFile?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

// PostgreSQL returns int8 (count(*), bigint) as strings; every such value this
// application stores or counts fits in a JavaScript number.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export function openSqlite(file: string): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file);
  // WAL: readers never block the writer; synchronous=FULL: a committed transaction
  // survives power loss (NORMAL may lose the last commits in WAL mode).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // ANALYZE samples about this many rows per index: about a second for a table of a million
  // cards, where 1,000 rows misjudged a sector's 重大 cards of a year and walked every card of
  // the year instead (docs/benchmarks.md, Ledgers).
  sqlite.pragma('analysis_limit = 10000');
  return sqlite;
}

export function createDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types: pgTypes });
    // An idle connection that the server ends (a PostgreSQL restart, an administrator's
    // termination, a database dropped while the pool is closing) is discarded by the pool and
    // replaced on next use; without a listener its error event would end the whole process.
    // Errors of connections in use still reach the query that was using them.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
    return {
      db, engine: 'postgres', location: options.databaseUrl, close: () => db.destroy(),
      refreshStatistics: async () => { await pool.query('ANALYZE'); },
    };
  }
  let file = options.sqliteFile;
  if (!file) {
    if (!options.dataDir) throw new Error('createDatabase: dataDir or sqliteFile is required for SQLite');
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, 'anke.db');
  }
  const sqlite = openSqlite(file);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db, engine: 'sqlite', location: file, sqlite, close: () => db.destroy(),
    // 0x10002: check every table, not only those this connection has queried (SQLite docs, PRAGMA optimize).
    refreshStatistics: async () => { sqlite.pragma('optimize = 0x10002'); },
  };
}
