/**
 * npm run bench:ledgers — the supervision ledgers of a large county (bench/ledgers/seed.ts:
 * 50,000 enterprises, 1,000,000 hazard cards over 5 years with every step, 5,000 units), then
 * through the API (app.inject, session checked, response serialised) the p50/p99 of filtered
 * 隐患台账 pages and of the enterprise's file (一企一档 timeline), and the time to compute every
 * ledger metric for all units for 2025 (computeStoredLedgerMetrics, as a campaign's results do).
 * The planner's statistics are refreshed after the load, as the server does at start and every
 * six hours. On SQLite and PostgreSQL (BENCH_ENGINES). Figures go in docs/benchmarks.md, section "Ledgers".
 * Sizes: BENCH_UNITS, BENCH_ENTERPRISES, BENCH_HAZARDS, BENCH_READS.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { migrateToLatest } from '../../src/server/db/migrate';
import { computeStoredLedgerMetrics } from '../../src/server/modules/ledger-metrics/compute-ledger-metrics';
import { forEachEngine, memorySampler, timeGets } from '../shared/engines';
import { benchPassword, seedLedgers } from './seed';

const UNITS = Number(process.env.BENCH_UNITS ?? 5_000);
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 50_000);
const HAZARDS = Number(process.env.BENCH_HAZARDS ?? 1_000_000);
const READS = Number(process.env.BENCH_READS ?? 200);
const memory = memorySampler();
const fmt = (t: { p50: number; p99: number }) => `${t.p50.toFixed(1)} / ${t.p99.toFixed(1)}`;

interface Row { engine: string; seedS: string; pages: Record<string, string>; file: string; metricsMs: number; metricUnits: number; peakMb: number }

const rows = await forEachEngine('ledgers', async (engine, database, dataDir): Promise<Row> => {
  await migrateToLatest(database.db);
  const seedStart = performance.now();
  const seed = await seedLedgers(database.db, { units: UNITS, enterprises: ENTERPRISES, hazards: HAZARDS });
  // As the server's periodic job does (create-database.ts refreshStatistics): the planner needs them.
  await database.refreshStatistics();
  const seedS = ((performance.now() - seedStart) / 1000).toFixed(1);
  process.stdout.write(`  ${engine}: 写入 ${ENTERPRISES} 家企业、${HAZARDS} 张隐患卡及其全部步骤用时 ${seedS} s\n`);
  const config = { ...loadConfig({ ANKE_DATA_DIR: dataDir, ANKE_DEMO: '0' }), loginRateLimit: 10_000 };
  const app = await buildApp({ database, config, now: () => new Date('2026-01-10T02:00:00Z') });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench-admin', password: benchPassword } });
  const cookie = `anke_session=${login.cookies.find((c) => c.name === 'anke_session')!.value}`;
  const inject = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  memory.reset();

  let k = 0;
  const pick = <T>(list: readonly T[]) => list[(k = (k * 7919 + 13) % list.length)]!;
  const pageOf = () => 1 + (k % 5);
  const pages: Record<string, string> = {
    '按镇街（第1–5页）': fmt(await timeGets(inject, READS, () => `/api/hazards?territorialUnitId=${pick(seed.townIds)}&page=${pageOf()}&pageSize=20`)),
    '按部门 + 整改中': fmt(await timeGets(inject, READS, () => `/api/hazards?regulatingUnitId=${pick(seed.departmentIds)}&state=rectifying&pageSize=20`)),
    '按镇街 + 逾期': fmt(await timeGets(inject, READS, () => `/api/hazards?territorialUnitId=${pick(seed.townIds)}&overdue=true&pageSize=20`)),
    '按行业 + 重大 + 一年': fmt(await timeGets(inject, READS, () => `/api/hazards?sector=${pick(['fire', 'gas', 'construction'])}&grade=major&foundFrom=2025-01-01&foundTo=2025-12-31&pageSize=20`)),
    '按企业': fmt(await timeGets(inject, READS, () => `/api/hazards?enterpriseId=${pick(seed.enterpriseIds)}&pageSize=20`)),
  };
  const file = fmt(await timeGets(inject, READS, () => `/api/enterprises/${pick(seed.enterpriseIds)}/file`));
  process.stdout.write(`  ${engine}: 台账分页 ${JSON.stringify(pages)}，企业档案 ${file}\n`);

  const units = [
    ...seed.townIds.map((id) => ({ id, kind: 'territorial' as const })),
    ...seed.departmentIds.map((id) => ({ id, kind: 'sectoral' as const })),
  ];
  const start = performance.now();
  const metrics = await computeStoredLedgerMetrics(database.db, units, { from: '2025-01-01', to: '2025-12-31' });
  const metricsMs = Math.round(performance.now() - start);
  const metricUnits = Object.keys(metrics).length;
  process.stdout.write(`  ${engine}: ${metricUnits} 个单位全部台账指标 ${metricsMs} ms\n`);
  await app.close();
  return { engine, seedS, pages, file, metricsMs, metricUnits, peakMb: memory.peakMb() };
});
memory.stop();

const pageNames = Object.keys(rows[0]?.pages ?? {});
const lines = [
  `${UNITS} 个单位、${ENTERPRISES} 家企业、${HAZARDS} 张隐患卡（2021–2025 年，含全部办理步骤）；每项读取 ${READS} 次（app.inject，含会话校验与响应序列化）。`,
  `${cpus().length} 核 ${cpus()[0]?.model ?? ''}，Node ${process.version}，结束时 1 分钟负载 ${loadavg()[0]!.toFixed(1)}。`,
  '',
  `| 数据库 | 写入数据 s | ${pageNames.map((n) => `台账：${n} p50 / p99 ms`).join(' | ')} | 企业档案 p50 / p99 ms | 全部单位一年台账指标 ms | 峰值内存 MB |`,
  `|---|---:|${pageNames.map(() => '---:').join('|')}|---:|---:|---:|`,
  ...rows.map((r) => `| ${r.engine} | ${r.seedS} | ${pageNames.map((n) => r.pages[n]).join(' | ')} | ${r.file} | ${r.metricsMs}（${r.metricUnits} 个单位）| ${r.peakMb} |`),
];
process.stdout.write(`\n${lines.join('\n')}\n`);
