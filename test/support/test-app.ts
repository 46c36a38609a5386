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
import { createDistrict, createUser, testPassword } from './factories';
import type { District } from './factories';
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

/**
 * The accounts district tests keep making, by the name they go by: the office (安委办), the
 * leader, an assessor assigned the department unit (or the town: townAssessor), the two units'
 * liaisons, a system administrator, and the office of the second district (outside the first
 * one's jurisdiction).
 */
const cast = {
  admin: { role: 'committeeAdmin' },
  leader: { role: 'leader' },
  assessor: { role: 'assessor', assigned: 'dept' },
  townAssessor: { role: 'assessor', assigned: 'town' },
  liaison: { role: 'unitLiaison', unit: 'town' },
  deptLiaison: { role: 'unitLiaison', unit: 'dept' },
  systemAdmin: { role: 'systemAdmin' },
  otherAdmin: { role: 'committeeAdmin', otherDistrict: true },
} as const satisfies Record<string, {
  role: Parameters<typeof createUser>[1]; unit?: 'town' | 'dept'; assigned?: 'town' | 'dept'; otherDistrict?: true;
}>;

export type CastMember = keyof typeof cast;

export interface DistrictWithPeople<N extends CastMember> {
  d: District;
  users: Record<N, { id: string; username: string }>;
  clients: Record<N, Client>;
  /** Logs them all in again, e.g. after the clock moved past the session's idle limit. */
  logInAgain: () => Promise<Record<N, Client>>;
}

/** A fresh district (createDistrict) with the named accounts of `cast` in it, each logged in. */
export async function districtWithPeople<const N extends readonly CastMember[]>(t: TestApp, names: N): Promise<DistrictWithPeople<N[number]>> {
  const db = t.database.db;
  const d = await createDistrict(db, t.now());
  const users = {} as Record<N[number], { id: string; username: string }>;
  for (const name of names as readonly N[number][]) {
    const spec: { role: Parameters<typeof createUser>[1]; unit?: 'town' | 'dept'; assigned?: 'town' | 'dept'; otherDistrict?: true } = cast[name];
    users[name] = await createUser(db, spec.role, {
      organisationId: spec.otherDistrict ? d.otherDistrictId : d.districtId,
      ...(spec.unit ? { unitId: d.units[spec.unit] } : {}),
      ...(spec.assigned ? { assignedUnitIds: [d.units[spec.assigned]] } : {}),
    });
  }
  const logInAgain = async () => {
    const clients = await loginAll(t.app, names.map((n: N[number]) => users[n]));
    return Object.fromEntries(names.map((n, i) => [n, clients[i]!])) as Record<N[number], Client>;
  };
  return { d, users, clients: await logInAgain(), logInAgain };
}
