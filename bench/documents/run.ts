/**
 * npm run bench:documents — the notice (通报) and the results workbook for a 5,000-unit
 * campaign, and streaming imports of item-score workbooks of 25,000 to 100,000 rows, each in
 * its own process so peak memory is comparable. Targets (issue 6): notice under 2 s, import
 * at least 20,000 rows/s with memory flat as rows grow. Figures go in docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildNoticeDocx, composeNotice } from '../../src/server/documents/notice-docx';
import { DEFAULT_NOTICE_TEMPLATE } from '../../src/server/documents/notice-template';
import { buildItemScoresWorkbook, buildResultsWorkbook } from '../../src/server/documents/xlsx-export';
import { asPublishedTable, syntheticItemScores, syntheticResults } from './generate';

const root = fileURLToPath(new URL('../../', import.meta.url));
const UNITS = Number(process.env.BENCH_UNITS ?? 5_000);
const IMPORT_SIZES = (process.env.BENCH_IMPORT_ROWS ?? '25000,50000,100000').split(',').map(Number);
const ITEMS_PER_UNIT = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = join(root, '.tmp', 'bench-documents');
mkdirSync(dir, { recursive: true });

let peakRss = 0;
const sample = (): void => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const sampler = setInterval(sample, 5);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  sample();
  return { ms: performance.now() - start, value };
}

const results = syntheticResults(UNITS);
const table = asPublishedTable(results);

globalThis.gc?.();
peakRss = process.memoryUsage().rss;
const noticeRuns: number[] = [];
let noticeBytes = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  const run = await timed(async () => buildNoticeDocx(composeNotice(table, {
    template: DEFAULT_NOTICE_TEMPLATE, threshold: 80, printing: { office: '基准测试区人民政府办公室', date: '2015-01-16' },
  })));
  noticeRuns.push(run.ms);
  noticeBytes = run.value.length;
  writeFileSync(join(dir, 'notice-5000.docx'), run.value);
}
const noticePeak = peakRss;

globalThis.gc?.();
peakRss = process.memoryUsage().rss;
const workbookRuns: number[] = [];
let workbookBytes = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  const run = await timed(() => buildResultsWorkbook({ campaign: table.campaign, threshold: 80, rows: results }));
  workbookRuns.push(run.ms);
  workbookBytes = run.value.length;
}
const workbookPeak = peakRss;
clearInterval(sampler);

// The load average shows how much else was running: the machine is shared, and timings
// taken while other jobs use both cores are up to several times slower.
const loadAtStart = loadavg()[0] ?? 0;
const lines = [
  `机器：${cpus().length} 核 ${cpus()[0]?.model ?? ''}，内存 ${mb(totalmem())}，Node ${process.version}，${new Date().toISOString().slice(0, 10)}，开始时 1 分钟平均负载 ${loadAtStart.toFixed(2)}`,
  `通报（${UNITS} 个单位的附件表，合成 + 生成 DOCX），中位数：${median(noticeRuns).toFixed(0)} ms，文件 ${(noticeBytes / 1024).toFixed(0)} KB，进程峰值内存 ${mb(noticePeak)}`,
  `结果工作簿（${UNITS} 行 + 分类汇总），中位数：${median(workbookRuns).toFixed(0)} ms，文件 ${(workbookBytes / 1024).toFixed(0)} KB，进程峰值内存 ${mb(workbookPeak)}`,
];

for (const rows of IMPORT_SIZES) {
  const units = Math.ceil(rows / ITEMS_PER_UNIT);
  const file = join(dir, `scores-${rows}.xlsx`);
  const built = await timed(() => buildItemScoresWorkbook(syntheticItemScores(units, ITEMS_PER_UNIT).slice(0, rows)));
  writeFileSync(file, built.value);
  type Run = { ms: number; peak: number; baseline: number; rows: number; liveHeap: number };
  const child = (mode: string): Run => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'bench/documents/import-one.ts'), file, String(units), mode], { cwd: root, encoding: 'utf8' })) as Run;
  const size = `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;
  for (const mode of ['sink', 'collect']) {
    const runs = Array.from({ length: ROUNDS }, () => child(mode));
    const ms = median(runs.map((r) => r.ms));
    const peak = median(runs.map((r) => r.peak - r.baseline));
    const label = mode === 'sink' ? '逐行交给调用方' : '收集全部行返回';
    lines.push(`导入评分表 ${rows} 行（${size}，${label}），中位数：${ms.toFixed(0)} ms，${Math.round((rows / ms) * 1000)} 行/秒，峰值 RSS 增量 ${mb(peak)}`);
  }
  const live = child('live');
  lines.push(`导入评分表 ${rows} 行（逐行交给调用方），每 5000 行回收垃圾后仍占用的堆内存最大 ${(live.liveHeap / 1024 / 1024).toFixed(1)} MB（写出该文件 ${built.ms.toFixed(0)} ms）`);
}
lines.push(`结束时 1 分钟平均负载 ${(loadavg()[0] ?? 0).toFixed(2)}`);
console.log(lines.join('\n'));
