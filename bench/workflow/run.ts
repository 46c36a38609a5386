/**
 * npm run bench:workflow — a generated campaign of 5,000 units × 100 criteria with 2,000
 * accidents, stored through the repositories; then the time to compute and store the
 * results with every unit's trace (publication), and the p50/p99 of reading the results
 * table and one unit's trace through the API. On SQLite and PostgreSQL (BENCH_ENGINES).
 * Figures go in docs/benchmarks.md, section "Workflow".
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../../src/domain/access/can';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/create-database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { changeCampaignState } from '../../src/server/modules/campaigns/change-campaign-state';
import { forEachEngine, timeGets } from '../shared/engines';
import { benchPassword, seedBenchCampaign } from './seed';

const UNITS = Number(process.env.BENCH_UNITS ?? 5_000);
const ACCIDENTS = Number(process.env.BENCH_ACCIDENTS ?? 2_000);
const READS = Number(process.env.BENCH_READS ?? 200);

interface Row { engine: string; seedS: string; liveMs: number; publishMs: number; results: string; table: string; trace: string; peakMb: number }

let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 10);

const fmt = (ms: number) => ms.toFixed(1);

async function timeReads(app: Awaited<ReturnType<typeof buildApp>>, cookie: string, urls: () => string): Promise<string> {
  const t = await timeGets((url) => app.inject({ method: 'GET', url, headers: { cookie } }), READS, urls);
  return `${fmt(t.p50)} / ${fmt(t.p99)}`;
}

async function benchEngine(engine: string, database: Database, dataDir: string): Promise<Row> {
  peakRss = 0;
  await migrateToLatest(database.db);
  const seedStart = performance.now();
  const { campaignId, unitIds } = await seedBenchCampaign(database.db, UNITS, ACCIDENTS);
  const seedS = ((performance.now() - seedStart) / 1000).toFixed(1);
  process.stdout.write(`  ${engine}: 写入 ${UNITS} 个单位 × 100 项与 ${ACCIDENTS} 起事故用时 ${seedS} s\n`);
  const config = { ...loadConfig({ ANKE_DATA_DIR: dataDir, ANKE_DEMO: '0' }), loginRateLimit: 10_000 };
  const app = await buildApp({ database, config });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench-admin', password: benchPassword } });
  const cookie = `anke_session=${login.cookies.find((c) => c.name === 'anke_session')!.value}`;

  // Before publication the table is computed from the stored facts on every read.
  let start = performance.now();
  const live = await app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/results`, headers: { cookie } });
  const liveMs = Math.round(performance.now() - start);
  if (live.statusCode !== 200) throw new Error(`live results: ${live.statusCode} ${live.body.slice(0, 300)}`);

  const account = await database.db.selectFrom('account').select('id').where('username', '=', 'bench-admin').executeTakeFirstOrThrow();
  const actor: Actor = { accountId: account.id, role: 'committeeAdmin', organisationPath: '/bp/bc/bd/', unitId: null, assignedUnitIds: [] };
  // Where publication spends its time, from its own progress reports: each phase from its first report to the next phase's.
  const phases: { label: string; at: number }[] = [];
  start = performance.now();
  await changeCampaignState(database.db, actor, campaignId, { action: 'publish', version: 1 }, new Date('2025-01-10T00:00:00Z'), (report) => {
    if (phases.at(-1)?.label !== report.label) phases.push({ label: report.label, at: performance.now() });
  });
  const end = performance.now();
  const publishMs = Math.round(end - start);
  const spent = phases.map((p, i) => `${p.label} ${Math.round((phases[i + 1]?.at ?? end) - p.at)}`).join('、');
  process.stdout.write(`  ${engine}: 即时计算 ${liveMs} ms，发布（计算并保存结果与反查）${publishMs} ms（${spent} ms；“完成”含审计记录与提交）\n`);

  let k = 0;
  let page = 0;
  const pages = Math.ceil(UNITS / 50);
  const results = await timeReads(app, cookie, () => `/api/campaigns/${campaignId}/results?page=${(page = (page % pages) + 1)}&pageSize=50`);
  const table = await timeReads(app, cookie, () => `/api/campaigns/${campaignId}/results`);
  const trace = await timeReads(app, cookie, () => `/api/campaigns/${campaignId}/units/${unitIds[(k = (k * 7919 + 13) % unitIds.length)]}/trace`);
  await app.close();
  return { engine, seedS, liveMs, publishMs, results, table, trace, peakMb: Math.round(peakRss / 1024 / 1024) };
}

const rows = await forEachEngine('wf', benchEngine);
clearInterval(sampler);

const lines = [
  `${UNITS} 个单位 × 100 项（每单位约 90 项评分、10 项指标公式）、${ACCIDENTS} 起事故；读取各 ${READS} 次（app.inject，含会话校验与响应序列化）。`,
  `${cpus().length} 核 ${cpus()[0]?.model ?? ''}，Node ${process.version}，结束时 1 分钟负载 ${loadavg()[0]!.toFixed(1)}。`,
  '',
  '| 数据库 | 写入数据 s | 发布前即时计算结果 ms | 计算并保存结果与反查（发布）ms | 结果页（50 行）p50 / p99 ms | 整表 p50 / p99 ms | 一个单位的反查 p50 / p99 ms | 峰值内存 MB |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.engine} | ${r.seedS} | ${r.liveMs} | ${r.publishMs} | ${r.results} | ${r.table} | ${r.trace} | ${r.peakMb} |`),
];
process.stdout.write(`\n${lines.join('\n')}\n`);
