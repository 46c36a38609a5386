/**
 * npm run bench:engine — 10,000 units × 100 items with 5,000 accidents: complete results
 * with traces, against a plain loop that only sums the same item inputs (the floor).
 * Prints wall time, peak memory and the ratio. Figures go in docs/benchmarks.md.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { assess } from '../../src/domain/assessment/assess';
import { parseCase, type AssessmentCase } from '../../src/domain/assessment/case';
import { explainUnit } from '../../src/domain/assessment/explain';
import { generateCase } from './generate';

const UNITS = Number(process.env.BENCH_UNITS ?? 10_000);
const ACCIDENTS = Number(process.env.BENCH_ACCIDENTS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

let peakRss = 0;
const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const sampler = setInterval(sample, 5);

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  sample();
  return { ms: performance.now() - start, value };
}

/** The floor: visit every unit's item inputs and sum them, nothing else. */
function plainLoop(input: AssessmentCase): number {
  let sum = 0;
  for (const unit of input.units) {
    const items = input.scores[unit.id]!;
    for (const key in items) {
      const v = items[key];
      if (typeof v === 'number') sum += v;
      else if (v && typeof v === 'object') {
        if ('passed' in v) sum += v.passed ? 1 : 0;
        else if ('deductions' in v) sum += 1 - v.deductions.length * 0.5;
      }
    }
    const m = input.metrics[unit.id]!;
    for (const key in m) sum += m[key] as number;
  }
  return sum;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const gen = time(() => generateCase(UNITS, ACCIDENTS));
const parsed = time(() => parseCase(gen.value));
const input = parsed.value;
globalThis.gc?.();
const baselineRss = process.memoryUsage().rss;

const floorRuns: number[] = [];
const engineRuns: number[] = [];
const traceRuns: number[] = [];
let checksum = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  floorRuns.push(time(() => { checksum += plainLoop(input); }).ms);
  const engine = time(() => assess(input));
  engineRuns.push(engine.ms);
  checksum += engine.value.stats.atOrAboveThreshold;
}
const peakAssess = peakRss;
// Building every unit's full trace tree (得分反查), as if all 10,000 drawers were opened.
const result = assess(input);
for (let round = 0; round < Math.min(ROUNDS, 3); round += 1) {
  traceRuns.push(time(() => { for (const u of result.units) checksum += explainUnit(input, u).children!.length; }).ms);
}
clearInterval(sampler);
sample();

const floor = median(floorRuns);
const engine = median(engineRuns);
const trace = median(traceRuns);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const lines = [
  `机器：${cpus().length} 核 ${cpus()[0]?.model ?? ''}，Node ${process.version}，${new Date().toISOString().slice(0, 10)}`,
  `数据：${UNITS} 个单位 × 100 个条目，${ACCIDENTS} 起事故（生成 ${gen.ms.toFixed(0)} ms）`,
  `校验与编译（parseCase）：${parsed.ms.toFixed(0)} ms`,
  `计算完整结果（assess，含反查所需数据），中位数：${engine.toFixed(0)} ms`,
  `生成全部单位的反查树（explainUnit × ${UNITS}），中位数：${trace.toFixed(0)} ms`,
  `基线（只把同样的数相加的循环），中位数：${floor.toFixed(1)} ms`,
  `比值 assess ÷ 基线：${(engine / floor).toFixed(1)}×`,
  `峰值内存（RSS）：计算阶段 ${mb(peakAssess)}，含全部反查树 ${mb(peakRss)}；数据载入后 ${mb(baselineRss)}`,
  `（校验和 ${checksum.toFixed(0)}）`,
];
console.log(lines.join('\n'));
