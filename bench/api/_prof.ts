import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDatabase } from '../../src/server/db/create-database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { benchAdmin, seedBench } from './seed';
import pg from 'pg';
// @ts-expect-error plain ESM
import { postgresBin, startTemporaryPostgres } from '../../scripts/temporary-postgres.mjs';
const dir = mkdtempSync(join(tmpdir(), 'prof-'));
let dbenv: Record<string, string> = { ANKE_DATA_DIR: dir };
let cluster: { url: string; stop: () => void } | null = null;
if (process.env.PG) {
  cluster = await startTemporaryPostgres(postgresBin());
  const admin = new pg.Client({ connectionString: cluster!.url }); await admin.connect();
  await admin.query('create database profdb'); await admin.end();
  const url = new URL(cluster!.url); url.pathname = '/profdb';
  dbenv = { DATABASE_URL: url.toString(), ANKE_DATA_DIR: dir };
}
const d = dbenv.DATABASE_URL ? createDatabase({ databaseUrl: dbenv.DATABASE_URL }) : createDatabase({ dataDir: dir });
await migrateToLatest(d.db);
await seedBench(d.db, { units: 5000, auditRecords: 20000 });
await d.close();
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--import', 'tsx', 'src/server/main.ts'], { env: { ...process.env, ...dbenv, PORT: '45111', ANKE_DEMO: '0', ANKE_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((res) => child.stdout!.on('data', (c: Buffer) => { if (c.toString().includes('安考已启动')) res(); }));
const login = await fetch('http://127.0.0.1:45111/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(benchAdmin) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const path = process.env.P ?? '/api/units/bench-unit-7';
const r = await autocannon({ url: 'http://127.0.0.1:45111' + path, connections: 50, duration: 10, headers: { cookie } });
console.log(path, r.requests.average, r.latency.p99, r.non2xx);
child.kill('SIGTERM');
await new Promise((res) => child.on('exit', res));
cluster?.stop();
