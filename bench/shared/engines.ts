/**
 * Runs a benchmark on each engine named in BENCH_ENGINES (default `sqlite,postgres`): SQLite in
 * a fresh temporary data directory; PostgreSQL in a fresh database of DATABASE_URL or of a
 * temporary cluster started from /usr/lib/postgresql/*\/bin (skipped, and said so, when neither).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
// @ts-expect-error plain ESM helper without type declarations
import { postgresBin, startTemporaryPostgres } from '../../scripts/temporary-postgres.mjs';
import { createDatabase, type Database } from '../../src/server/db/create-database';

export type EngineName = 'SQLite' | 'PostgreSQL';

export async function forEachEngine<R>(prefix: string, run: (engine: EngineName, database: Database, dataDir: string) => Promise<R>): Promise<R[]> {
  const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
  const rows: R[] = [];
  for (const engine of engines) {
    const dataDir = mkdtempSync(join(tmpdir(), `anke-bench-${prefix}-`));
    try {
      if (engine === 'sqlite') {
        const database = createDatabase({ dataDir });
        try { rows.push(await run('SQLite', database, dataDir)); } finally { await database.close(); }
      } else if (engine === 'postgres') {
        let cluster: { url: string; stop: () => void } | null = null;
        let adminUrl = process.env.DATABASE_URL;
        if (!adminUrl) {
          const bin = postgresBin();
          if (!bin) { process.stdout.write('跳过 PostgreSQL：未设置 DATABASE_URL，也未找到 /usr/lib/postgresql/*/bin。\n'); continue; }
          cluster = await startTemporaryPostgres(bin);
          adminUrl = cluster!.url;
        }
        const name = `anke_bench_${prefix}_${process.pid}`;
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        const url = new URL(adminUrl!);
        url.pathname = `/${name}`;
        const database = createDatabase({ databaseUrl: url.toString() });
        try {
          rows.push(await run('PostgreSQL', database, dataDir));
        } finally {
          await database.close();
          await admin.query(`drop database if exists ${name} with (force)`);
          await admin.end();
          cluster?.stop();
        }
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** p50 / p99 in ms of `reads` GETs through `inject`, each URL from `next`; any answer but 200 stops the run. */
export async function timeGets(
  inject: (url: string) => Promise<{ statusCode: number; body: string }>, reads: number, next: () => string,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < reads; i += 1) {
    const url = next();
    const start = performance.now();
    const res = await inject(url);
    times.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Peak resident memory, sampled every 10 ms while a benchmark runs. */
export function memorySampler() {
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
  return {
    reset: () => { peak = process.memoryUsage().rss; },
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024),
    stop: () => clearInterval(timer),
  };
}
