import type { preValidationAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { Engine } from './db/create-database';
import type { DB } from './db/schema';

/** What every route module receives: the database, the clock, settings and the auth hook. */
export interface AppContext {
  db: Kysely<DB>;
  engine: Engine;
  config: Config;
  now: () => Date;
  /** The seed of each expert drawing (专家抽取): random in production, fixed by tests. */
  drawSeed: () => number;
  authenticate: preValidationAsyncHookHandler;
}
