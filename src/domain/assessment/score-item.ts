import { toCenti, type Centi } from '../arith/points';
import { divRound, mulDivRound, type RoundingMode } from '../arith/rounding';
import type { CompiledFormula, PlanNode } from '../scheme/compile-scheme';
import type { ItemInput, MetricValue } from '../scheme/facts-schema';
import { containsValue } from '../scheme/interval';
import type { DeductionLine, ItemResult } from './result-types';

/** Sentinels in a unit's leaf array: the item is 缺项, or has no input yet. Points are never negative. */
export const NOT_APPLICABLE = -1;
export const MISSING = -2;

/**
 * The points of one leaf, without building any object: the engine's hot path for
 * 10,000 units × 100 items. `scoreItem` gives the same number with its explanation.
 */
export function leafPoints(
  node: PlanNode,
  input: ItemInput | undefined,
  metrics: Record<string, MetricValue> | undefined,
  rounding: RoundingMode,
): number {
  const method = node.method!;
  // Inputs were validated (at most two decimals), so a plain round gives the exact hundredths.
  if (typeof input === 'number') return method.type === 'manual' ? Math.min(Math.round(input * 100), node.points) : MISSING;
  if (input !== undefined && 'notApplicable' in input) return NOT_APPLICABLE;
  switch (method.type) {
    case 'manual':
      return input !== undefined && 'score' in input ? Math.min(Math.round(input.score * 100), node.points) : MISSING;
    case 'deduction': {
      if (input === undefined || !('deductions' in input)) return MISSING;
      let total = 0;
      for (const d of input.deductions) total += d.times * (d.points !== undefined ? Math.round(d.points * 100) : method.perOccurrence);
      // 扣完为止: the item never goes below zero.
      return Math.max(0, node.points - total);
    }
    case 'passFail':
      if (input === undefined || !('passed' in input)) return MISSING;
      return input.passed ? node.points : 0;
    case 'formula': {
      const raw = metrics?.[method.metric];
      if (raw === undefined) return MISSING;
      return applyFormula(method.rule, typeof raw === 'number' ? raw : raw.value, node.points, rounding).points;
    }
  }
}

/**
 * Scores one leaf item by its method. Inputs were validated against the method
 * (check-facts), so a mismatch here can only be a missing input, which scores 0 and is
 * reported as missing.
 */
export function scoreItem(
  index: number,
  node: PlanNode,
  input: ItemInput | undefined,
  metrics: Record<string, MetricValue> | undefined,
  rounding: RoundingMode,
): ItemResult {
  const method = node.method!;
  if (input !== undefined && typeof input === 'object' && 'notApplicable' in input) {
    return { index, id: node.id, earned: null, input: { kind: 'notApplicable', reason: input.reason } };
  }
  switch (method.type) {
    case 'manual': {
      if (input === undefined) return missing(index, node);
      const value = typeof input === 'number' ? input : 'score' in input ? input.score : 0;
      const note = typeof input === 'object' && 'note' in input ? input.note : undefined;
      return { index, id: node.id, earned: Math.min(toCenti(value) ?? 0, node.points), input: { kind: 'score', note }, note };
    }
    case 'deduction': {
      if (input === undefined || typeof input === 'number' || !('deductions' in input)) return missing(index, node);
      const lines: DeductionLine[] = input.deductions.map((d) => ({
        times: d.times,
        each: d.points !== undefined ? (toCenti(d.points) ?? 0) : method.perOccurrence,
        reason: d.reason,
      }));
      let total = 0;
      for (const line of lines) total += line.times * line.each;
      // 扣完为止: the item never goes below zero.
      const earned = Math.max(0, node.points - total);
      return { index, id: node.id, earned, input: { kind: 'deductions', lines, total, floored: total > node.points }, note: input.note };
    }
    case 'passFail': {
      if (input === undefined || typeof input === 'number' || !('passed' in input)) return missing(index, node);
      return { index, id: node.id, earned: input.passed ? node.points : 0, input: { kind: 'passFail', passed: input.passed }, note: input.note };
    }
    case 'formula': {
      const raw = metrics?.[method.metric];
      if (raw === undefined) return missing(index, node);
      const value = typeof raw === 'number' ? raw : raw.value;
      const { points, rounded } = applyFormula(method.rule, value, node.points, rounding);
      return {
        index,
        id: node.id,
        earned: points,
        input: {
          kind: 'formula',
          metric: method.metric,
          value,
          sources: typeof raw === 'number' ? [] : (raw.sources ?? []),
          detail: typeof raw === 'number' ? undefined : raw.detail,
          rounded,
        },
      };
    }
  }
}

function missing(index: number, node: PlanNode): ItemResult {
  return { index, id: node.id, earned: 0, input: { kind: 'missing' } };
}

/** Scale metric values to integers so the formula is exact for up to 6 decimals. */
const METRIC_SCALE = 1_000_000;
const scaled = (v: number) => Math.round(v * METRIC_SCALE);

/** Points for a metric value; clamped to [0, full]. */
export function applyFormula(rule: CompiledFormula, value: number, full: Centi, rounding: RoundingMode): { points: Centi; rounded: boolean } {
  switch (rule.kind) {
    case 'linear': {
      const span = scaled(rule.fullAt) - scaled(rule.zeroAt);
      const progress = scaled(value) - scaled(rule.zeroAt);
      // progress/span of the full points, clamped: below zeroAt → 0, beyond fullAt → full.
      if (Math.sign(progress) !== Math.sign(span) || progress === 0) return { points: 0, rounded: false };
      if (Math.abs(progress) >= Math.abs(span)) return { points: full, rounded: false };
      const points = mulDivRound(full, progress, span, rounding);
      return { points, rounded: points * span !== full * progress };
    }
    case 'bands': {
      for (const band of rule.bands) if (containsValue(band.interval, value)) return { points: Math.min(band.points, full), rounded: false };
      return { points: 0, rounded: false };
    }
    case 'perUnitShortfall': {
      const shortfall = rule.direction === 'atLeast' ? scaled(rule.target) - scaled(value) : scaled(value) - scaled(rule.target);
      if (shortfall <= 0) return { points: full, rounded: false };
      const unit = scaled(rule.unit);
      let deduction: number;
      let rounded = false;
      if (rule.partial === 'exact') {
        deduction = divRound(rule.perUnit * shortfall, unit, rounding);
        rounded = (rule.perUnit * shortfall) % unit !== 0;
      } else {
        const units = rule.partial === 'ceil' ? Math.ceil(shortfall / unit) : Math.floor(shortfall / unit);
        deduction = units * rule.perUnit;
      }
      return { points: Math.max(0, full - deduction), rounded };
    }
  }
}
