/**
 * npm run bench:web — the web app's weight and the results page at district-and-more scale.
 *
 * 1. Builds the app (the same build as `npm run build:web`, plus Vite's manifest, read here and
 *    then removed) and reports the gzipped JavaScript of the entry (what every first visit loads)
 *    and of each lazily loaded route (its own chunks, beyond what the entry already loaded).
 *    Target: entry under 300 KB.
 * 2. Stores a generated campaign of BENCH_UNITS (5,000) units on SQLite, published, serves the
 *    built app from the real server, and in Debian Chromium measures the time from navigation to
 *    the results table's first rows being visible (fresh browser context each time, so the
 *    JavaScript is fetched too; target under 1 s), then the frame rate while the virtualised
 *    table is scrolled with the mouse wheel (the table stays smooth because only the rows in
 *    view exist). Figures go in docs/benchmarks.md, section "Web app".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Actor } from '../../src/domain/access/can';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDatabase } from '../../src/server/db/create-database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { changeCampaignState } from '../../src/server/modules/campaigns/change-campaign-state';
import { benchCampaignId, benchPassword, seedBenchCampaign } from '../workflow/seed';

const UNITS = Number(process.env.BENCH_UNITS ?? 5_000);
const ACCIDENTS = Number(process.env.BENCH_ACCIDENTS ?? 2_000);
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const SCROLL_MS = Number(process.env.BENCH_SCROLL_MS ?? 4_000);
const root = fileURLToPath(new URL('../..', import.meta.url));
const web = join(root, 'dist/web');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

// ---- 1. Bundle weight -------------------------------------------------------------------

interface ManifestChunk { file: string; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean; css?: string[] }

function buildWithManifest(): Record<string, ManifestChunk> {
  process.stdout.write('构建网页应用（vite build --manifest）…\n');
  // BENCH_MINIFY=0 builds readable code for a CPU profile (BENCH_PROFILE); sizes are then not the real ones.
  const minify = process.env.BENCH_MINIFY === '0' ? ['--minify', 'false'] : [];
  const res = spawnSync('npx', ['vite', 'build', '--manifest', ...minify], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error(`vite build failed with status ${res.status}`);
  const path = join(web, '.vite/manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  // The manifest is for this measurement only; the served build is the usual one.
  rmSync(join(web, '.vite'), { recursive: true, force: true });
  return manifest;
}

function staticClosure(manifest: Record<string, ManifestChunk>, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(manifest, dep, into);
  return into;
}

const gzipped = (file: string) => gzipSync(readFileSync(join(web, file)), { level: 9 }).length;

function bundleReport(manifest: Record<string, ManifestChunk>): string[] {
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('the manifest names no entry');
  const entry = staticClosure(manifest, entryKey);
  const size = (keys: Iterable<string>) => [...keys].reduce((sum, k) => sum + gzipped(manifest[k]!.file), 0);
  const entryOwn = gzipped(manifest[entryKey]!.file);
  const entryTotal = size(entry);
  const routes = Object.keys(manifest)
    // Pages, and the components loaded when first shown (the charts of 首页).
    .filter((k) => manifest[k]!.isDynamicEntry && /(^|\/)(pages|components)\//.test(k))
    .map((k) => {
      const extra = [...staticClosure(manifest, k)].filter((c) => !entry.has(c));
      return { route: k.replace(/^(.*\/)?pages\//, '').replace(/^(.*\/)?(components\/)/, '$2'), own: gzipped(manifest[k]!.file), extra: size(extra) };
    })
    .sort((a, b) => b.extra - a.extra);
  // The stylesheet every first visit loads too (antd's prebuilt styles: src/web/main.tsx).
  const entryCss = [...new Set([...entry].flatMap((k) => manifest[k]!.css ?? []))].reduce((sum, file) => sum + gzipped(file), 0);
  return [
    `入口（${manifest[entryKey]!.file}）自身 ${kb(entryOwn)} KB，连同其静态依赖共 ${kb(entryTotal)} KB（gzip -9；目标 < 300 KB：${entryTotal < 300 * 1024 ? '达到' : '未达到'}）；另有样式表 ${kb(entryCss)} KB。`,
    '',
    '| 页面模块 | 自身 KB | 首次进入该页另需加载 KB |',
    '|---|---:|---:|',
    ...routes.map((r) => `| ${r.route} | ${kb(r.own)} | ${kb(r.extra)} |`),
  ];
}

// ---- 2. The results page in Chromium ----------------------------------------------------

interface FrameStats { frames: number; ms: number; longestMs: number; over50: number }

async function resultsPageReport(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'anke-bench-web-'));
  const database = createDatabase({ dataDir });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await migrateToLatest(database.db);
    let start = performance.now();
    await seedBenchCampaign(database.db, UNITS, ACCIDENTS);
    const account = await database.db.selectFrom('account').select('id').where('username', '=', 'bench-admin').executeTakeFirstOrThrow();
    const actor: Actor = { accountId: account.id, role: 'committeeAdmin', organisationPath: '/bp/bc/bd/', unitId: null, assignedUnitIds: [] };
    await changeCampaignState(database.db, actor, benchCampaignId, { action: 'publish', version: 1 }, new Date('2025-01-10T00:00:00Z'));
    process.stdout.write(`写入并发布 ${UNITS} 个单位的考核活动用时 ${((performance.now() - start) / 1000).toFixed(1)} s\n`);

    const config = { ...loadConfig({ ANKE_DATA_DIR: dataDir, ANKE_DEMO: '0' }), loginRateLimit: 10_000 };
    const app = await buildApp({ database, config });
    const baseURL = await app.listen({ host: '127.0.0.1', port: 0 });
    // BENCH_TIMELINE=1 also prints how long the server took over each request of the last load.
    const served: [string, number, number][] = [];
    app.server.on('request', (req, res) => {
      const from = performance.now();
      res.on('finish', () => served.push([req.url ?? '', from, performance.now()]));
    });
    try {
      const url = `/campaigns/${benchCampaignId}/results`;
      const loads: number[] = [];
      for (let i = 0; i < LOADS; i += 1) {
        const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
        const login = await context.request.post('/api/auth/login', { data: { username: 'bench-admin', password: benchPassword } });
        if (login.status() !== 200) throw new Error(`login: ${login.status()} ${await login.text()}`);
        const page = await context.newPage();
        // BENCH_PROFILE=<file> writes the last load's CPU profile (open it in Chromium's DevTools).
        const profiling = process.env.BENCH_PROFILE && i === LOADS - 1 ? await context.newCDPSession(page) : null;
        if (profiling) { await profiling.send('Profiler.enable'); await profiling.send('Profiler.start'); }
        start = performance.now();
        served.length = 0;
        await page.goto(url, { waitUntil: 'commit' });
        await page.locator('.ant-table-row').first().waitFor({ state: 'visible', timeout: 60_000 });
        loads.push(performance.now() - start);
        if (profiling) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await profiling.send('Profiler.stop')).profile));
        // BENCH_TIMELINE=1 prints what the page fetched and when (ms from navigation start).
        if (process.env.BENCH_TIMELINE === '1' && i === LOADS - 1) {
          const entries = await page.evaluate(`performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize])`) as [string, number, number, number][];
          for (const [name, from, to, size] of entries) process.stdout.write(`  ${String(from).padStart(5)}–${String(to).padEnd(5)} ${kb(size).padStart(7)} KB  ${name}\n`);
          process.stdout.write('  服务器处理各请求（ms，自发起导航起）：\n');
          for (const [name, from, to] of served) process.stdout.write(`  ${(from - start).toFixed(0).padStart(5)}–${(to - start).toFixed(0).padEnd(5)} ${(to - from).toFixed(0).padStart(4)} ms  ${name}\n`);
        }
        await context.close();
      }
      loads.sort((a, b) => a - b);

      const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      await context.request.post('/api/auth/login', { data: { username: 'bench-admin', password: benchPassword } });
      const page = await context.newPage();
      await page.goto(url);
      const firstRow = page.locator('.ant-table-row').first();
      await firstRow.waitFor({ state: 'visible', timeout: 60_000 });
      const renderedRows = await page.locator('.ant-table-row').count();
      const firstCell = () => page.locator('.ant-table-row').first().locator('.ant-table-cell').first().innerText();
      const firstBefore = await firstCell();
      const box = await page.locator('.ant-table-body, .ant-table-tbody-virtual').first().boundingBox();
      if (!box) throw new Error('the results table has no scroll area');
      await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 400) / 2);
      // Frames counted in the page while the wheel is turned from outside it.
      // Passed as source text: the TypeScript loader would otherwise wrap named functions in a
      // helper that exists only in Node.
      await page.evaluate(`(() => {
        window.benchFrames = [];
        window.benchRun = true;
        const step = (t) => { window.benchFrames.push(t); if (window.benchRun) requestAnimationFrame(step); };
        requestAnimationFrame(step);
      })()`);
      const scrollStart = performance.now();
      while (performance.now() - scrollStart < SCROLL_MS) await page.mouse.wheel(0, 160);
      const stats = await page.evaluate(`(() => {
        window.benchRun = false;
        const t = window.benchFrames;
        const gaps = t.slice(1).map((x, i) => x - t[i]);
        return { frames: t.length, ms: t[t.length - 1] - t[0], longestMs: Math.max(...gaps), over50: gaps.filter((g) => g > 50).length };
      })()`) as FrameStats;
      const firstAfter = await firstCell();
      await context.close();
      const fps = (stats.frames - 1) / (stats.ms / 1000);
      const median = loads[Math.floor(loads.length / 2)]!;
      return [
        `结果页（${UNITS} 个单位，已发布版本）：从导航到表格首行可见 中位数 ${median.toFixed(0)} ms，最快 ${loads[0]!.toFixed(0)} ms，最慢 ${loads[loads.length - 1]!.toFixed(0)} ms（${LOADS} 次，每次新的浏览器上下文；目标 < 1000 ms：${median < 1000 ? '达到' : '未达到'}）。`,
        `滚动 ${(SCROLL_MS / 1000).toFixed(0)} s：${fps.toFixed(1)} 帧/秒，最长一帧 ${stats.longestMs.toFixed(0)} ms，超过 50 ms 的帧 ${stats.over50} 个；表格同时渲染 ${renderedRows} 行（虚拟滚动），首行序号由 ${firstBefore} 滚到 ${firstAfter}。`,
      ];
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (!existsSync('/usr/bin/chromium')) {
  process.stderr.write('需要 Debian 的 chromium（/usr/bin/chromium）：以 root 运行 `bash scripts/install-system-deps.sh` 安装。\n');
  process.exit(1);
}
const manifest = buildWithManifest();
const bundle = bundleReport(manifest);
const page = await resultsPageReport();
const lines = [
  `${cpus().length} 核 ${cpus()[0]?.model ?? ''}，Node ${process.version}，Chromium 无头模式，结束时 1 分钟负载 ${loadavg()[0]!.toFixed(1)}。`,
  '',
  ...bundle,
  '',
  ...page,
];
process.stdout.write(`\n${lines.join('\n')}\n`);
