import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query afresh; compiling the SQL text was the largest
 * single cost of a small read (bench:api, docs/benchmarks.md). The app issues a few hundred
 * distinct statements, so they are kept by their text and reused. A statement still being
 * iterated (a streamed query) is busy and cannot run twice at once: then a fresh one is
 * prepared and not kept. SQLite re-prepares a kept statement by itself after a schema change
 * (sqlite3_prepare_v2).
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = 1000): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      const found = kept.get(sql);
      if (found && !found.busy) {
        // Map keeps insertion order: moving a used statement to the end makes the first key the least recently used.
        kept.delete(sql);
        kept.set(sql, found);
        return found;
      }
      const statement = sqlite.prepare(sql);
      if (!found) {
        kept.set(sql, statement);
        if (kept.size > capacity) kept.delete(kept.keys().next().value!);
      }
      return statement;
    },
    close() {
      kept.clear();
      sqlite.close();
    },
  };
}
