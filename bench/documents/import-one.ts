/** Child process of the documents benchmark: imports one score workbook, prints time and peak memory as JSON. */
import { performance } from 'node:perf_hooks';
import { parseItemScores } from '../../src/server/documents/xlsx-import';

const [file, unitsText, mode] = process.argv.slice(2);
const units = new Set(Array.from({ length: Number(unitsText) }, (_v, i) => `区第${i + 1}单位`));
globalThis.gc?.();
const baselineHeap = process.memoryUsage().heapUsed;
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sample = (): void => { peak = Math.max(peak, process.memoryUsage().rss); };
const sampler = setInterval(sample, 5);
let earnedSum = 0;
const start = performance.now();
let progressCalls = 0;
// "live": collect garbage at every progress report and record what is still reachable, the
// honest measure of whether memory grows with the rows read (RSS also counts heap not yet collected).
let liveHeap = 0;
const result = await parseItemScores(file ?? '', {
  knownUnits: units,
  onProgress: () => {
    progressCalls += 1;
    sample();
    if (mode === 'live') {
      globalThis.gc?.();
      liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
    }
  },
  sink: mode === 'collect' ? undefined : (row) => { earnedSum += row.earnedHundredths ?? 0; },
});
const ms = performance.now() - start;
clearInterval(sampler);
sample();
if (!result.ok) {
  console.error(JSON.stringify(result.errors.slice(0, 5)));
  process.exit(1);
}
if (mode === 'collect') earnedSum = result.rows.reduce((sum, row) => sum + (row.earnedHundredths ?? 0), 0);
console.log(JSON.stringify({ rows: result.rowCount, ms, baseline, peak, progressCalls, earnedSum, liveHeap: mode === 'live' ? liveHeap - baselineHeap : null }));
