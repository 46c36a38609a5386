import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * PostgreSQL plans an unnamed statement afresh on every execution; for the app's small reads
 * the planning costs as much as the execution (the units list's count: 0.8 ms of planning for
 * 1.7 ms of work, docs/benchmarks.md, API). A named statement is parsed once per connection, and
 * after five executions PostgreSQL may keep a generic plan when it is no worse than the custom
 * ones (plan_cache_mode auto), so the hot statements stop being planned.
 *
 * Each connection keeps what it has prepared until it closes, so the number is bounded: a
 * statement with many parameters (an `in` list of a campaign's units, a batch insert) has a text
 * of its own for each length and is sent unnamed, as are all statements once a connection holds
 * `perConnection` of them. Names are a digest of the text, so a name always stands for the same
 * text on every connection.
 */
export const namedStatementLimits = { perConnection: 500, maxParameters: 32, maxTextLength: 8000 };

const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `anke_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // The texts worth naming are the app's fixed statements; a bound keeps odd ones from piling up.
    if (names.size >= 10_000) names.clear();
    names.set(text, name);
  }
  return name;
}

const prepared = new WeakMap<pg.PoolClient, Set<string>>();

function namedClient(client: pg.PoolClient): PostgresPoolClient {
  let mine = prepared.get(client);
  if (!mine) {
    mine = new Set();
    prepared.set(client, mine);
  }
  const held = mine;
  return {
    query: ((textOrCursor: unknown, parameters?: readonly unknown[]) => {
      if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never);
      const values = [...(parameters ?? [])];
      const nameable = values.length <= namedStatementLimits.maxParameters && textOrCursor.length <= namedStatementLimits.maxTextLength;
      if (nameable) {
        const name = nameOf(textOrCursor);
        if (held.has(name) || held.size < namedStatementLimits.perConnection) {
          held.add(name);
          return client.query({ name, text: textOrCursor, values });
        }
      }
      return client.query(textOrCursor, values);
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => {
      // A connection closed for good takes its statements with it.
      if (destroy) prepared.delete(client);
      client.release(destroy);
    },
  };
}

/** The pool as Kysely's PostgreSQL dialect takes it, with named statements (see above). */
export function withNamedStatements(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => namedClient(await pool.connect()),
    end: () => pool.end(),
  };
}
