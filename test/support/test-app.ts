import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { Config } from '../../src/server/config';
import type { Database } from '../../src/server/db/create-database';
import { testPassword } from './factories';
import { createTestDatabase } from './test-database';
import type { TestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  testDb: TestDatabase;
  config: Config;
  /** The app's clock; move it with `advance`. */
  now: () => Date;
  advance: (ms: number) => void;
}

/** One app over one fresh database for the whole test file, torn down afterwards. */
export function useTestApp(overrides: Partial<Config> = {}, deps: Pick<AppDeps, 'drawSeed'> = {}): TestApp {
  const ctx = {} as TestApp;
  beforeAll(async () => {
    const testDb = await createTestDatabase();
    let clock = Date.now();
    // The login rate limit is exercised by its own test; elsewhere it would only get in the way.
    const dataDir = mkdtempSync(join(tmpdir(), 'anke-data-'));
    const config = { ...loadConfig({ ANKE_DATA_DIR: dataDir, ANKE_DEMO: '0' }), loginRateLimit: 10_000, ...overrides };
    Object.assign(ctx, {
      testDb,
      database: testDb.database,
      config,
      now: () => new Date(clock),
      advance: (ms: number) => { clock += ms; },
    });
    ctx.app = await buildApp({ database: testDb.database, config, now: ctx.now, ...deps });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.testDb?.drop();
    if (ctx.config) rmSync(ctx.config.dataDir, { recursive: true, force: true });
  });
  return ctx;
}

/** A logged-in client: the session cookie and the CSRF token, sent on every request. */
export interface Client {
  cookie: string;
  csrfToken: string;
  accountId: string;
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password = testPassword): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'anke_session');
  if (!setCookie) throw new Error('login set no session cookie');
  const cookie = `anke_session=${setCookie.value}`;
  const body = res.json<{ csrfToken: string; account: { id: string } }>();
  return {
    cookie,
    csrfToken: body.csrfToken,
    accountId: body.account.id,
    inject: (options) => app.inject({
      ...options,
      headers: { cookie, 'x-csrf-token': body.csrfToken, ...(options.headers ?? {}) },
    }),
  };
}

/** Logs in several users at once, keeping their order. */
export async function loginAll<const T extends readonly { username: string }[]>(
  app: FastifyInstance,
  users: T,
): Promise<{ [K in keyof T]: Client }> {
  return (await Promise.all(users.map((u) => login(app, u.username)))) as { [K in keyof T]: Client };
}
