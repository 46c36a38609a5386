// `npm run bench:api`: seeds 5,000 units and 200,000 audit records, then drives the list
// and read endpoints with autocannon (50 connections, 20 s each) on SQLite and on
// PostgreSQL, next to the floor (floor-server.ts). Prints a Markdown table for
// docs/benchmarks.md. BENCH_SECONDS and BENCH_ENGINES=sqlite,postgres override defaults.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase } from '../../src/server/db/create-database';
import { migrateToLatest } from '../../src/server/db/migrate';
// @ts-expect-error plain ESM helper without type declarations
import { postgresBin, startTemporaryPostgres } from '../../scripts/temporary-postgres.mjs';
import { benchAdmin, seedBench } from './seed';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = 50;
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const sizes = { units: 5000, auditRecords: 200_000 };
const root = new URL('../..', import.meta.url).pathname;

interface Row {
  engine: string;
  endpoint: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  floorRps: number;
  floorP99: number;
  peakMb: number;
}

function startChild(script: string, env: Record<string, string>, readyText: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // BENCH_PROFILE=<dir>: each server writes a CPU profile there when it stops (open in Chrome's DevTools).
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
      cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(readyText)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}): ${out.slice(-2000)}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function load(url: string, paths: () => string, headers: Record<string, string>) {
  const result = await autocannon({
    url, connections, duration: seconds, headers,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths() }) }],
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const rand = (n: number) => 1 + Math.floor(Math.random() * n);

async function benchEngine(engine: string, env: Record<string, string>, open: () => ReturnType<typeof createDatabase>): Promise<Row[]> {
  const database = open();
  await migrateToLatest(database.db);
  const started = Date.now();
  await seedBench(database.db, sizes);
  // A live PostgreSQL database is vacuumed by autovacuum as it fills; a table loaded a second
  // ago is not yet, and its index-only scans (the units list's page) still read every row.
  if (database.engine === 'postgres') await sql`vacuum analyze`.execute(database.db);
  process.stdout.write(`  ${engine}: 写入 ${sizes.units} 个单位与 ${sizes.auditRecords} 条审计记录用时 ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  await database.close();

  const port = String(40000 + Math.floor(Math.random() * 20000));
  const server = await startChild('src/server/main.ts', { ...env, PORT: port, ANKE_DEMO: '0', ANKE_LOG_LEVEL: 'warn' }, '安考已启动');
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(benchAdmin),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const endpoints = [
    { name: 'GET /api/units（列表，每页 20）', api: () => `/api/units?page=${rand(250)}&pageSize=20`, floor: () => `/floor/units?page=${rand(250)}` },
    { name: 'GET /api/units/:id（读取）', api: () => `/api/units/bench-unit-${rand(4999)}`, floor: () => `/floor/units/bench-unit-${rand(4999)}` },
    { name: 'GET /api/audit（列表，每页 20）', api: () => `/api/audit?page=${rand(100)}&pageSize=20`, floor: () => `/floor/audit?page=${rand(100)}` },
  ];
  const apiResults = [];
  for (const e of endpoints) {
    process.stdout.write(`  ${engine}: ${e.name} …\n`);
    apiResults.push(await load(base, e.api, { cookie }));
  }
  const peakMb = peakRssMb(server.pid!);
  await stopChild(server);

  const floorPort = String(Number(port) + 1);
  const floor = await startChild('bench/api/floor-server.ts', { ...env, PORT: floorPort }, 'floor ready');
  const rows: Row[] = [];
  for (const [i, e] of endpoints.entries()) {
    process.stdout.write(`  ${engine}: 基线 ${e.name} …\n`);
    const f = await load(`http://127.0.0.1:${floorPort}`, e.floor, {});
    const a = apiResults[i]!;
    rows.push({ engine, endpoint: e.name, ...a, floorRps: f.rps, floorP99: f.p99, peakMb });
  }
  await stopChild(floor);
  return rows;
}

const rows: Row[] = [];
for (const engine of engines) {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'anke-bench-'));
    try {
      rows.push(...(await benchEngine('SQLite', { ANKE_DATA_DIR: dir }, () => createDatabase({ dataDir: dir }))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else if (engine === 'postgres') {
    let cluster: { url: string; stop: () => void } | null = null;
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      const bin = postgresBin();
      if (!bin) {
        process.stdout.write('跳过 PostgreSQL：未设置 DATABASE_URL，也未找到 /usr/lib/postgresql/*/bin。\n');
        continue;
      }
      cluster = await startTemporaryPostgres(bin);
      adminUrl = cluster!.url;
    }
    const name = `anke_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    try {
      rows.push(...(await benchEngine('PostgreSQL', { DATABASE_URL: url.toString() }, () => createDatabase({ databaseUrl: url.toString() }))));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      cluster?.stop();
    }
  }
}

const lines = [
  `${connections} 个并发连接，每项 ${seconds} s；${sizes.units} 个单位、${sizes.auditRecords} 条审计记录；以 committeeAdmin 会话访问。`,
  '',
  '| 数据库 | 接口 | 请求/s | p50 ms | p99 ms | 错误 | 基线 请求/s | 基线 p99 ms | 占基线 | 峰值内存 MB |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.engine} | ${r.endpoint} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.floorRps} | ${r.floorP99} | ${Math.round((r.rps / r.floorRps) * 100)}% | ${r.peakMb} |`),
];
process.stdout.write(`\n${lines.join('\n')}\n`);
