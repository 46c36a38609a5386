import { toCenti, type Centi } from '../arith/points';

/**
 * A score range written as in mathematics, so that every end is explicitly inclusive or
 * exclusive: "[90, 95)" is 90 ≤ s < 95. Open ends are written "-∞"/"+∞" (or -inf/inf).
 * Primer §3: "以上" includes the number, "以下" excludes it; each scheme states its own ends.
 */
export interface Interval {
  /** null = unbounded below */
  min: Centi | null;
  minInclusive: boolean;
  /** null = unbounded above */
  max: Centi | null;
  maxInclusive: boolean;
}

const pattern = /^\s*([[(])\s*([^,\s]+)\s*,\s*([^\])\s]+)\s*([\])])\s*$/;

function parseBound(text: string, side: 'min' | 'max'): Centi | null | 'bad' {
  const t = text.replace('＋', '+').replace('－', '-');
  if (side === 'min' && /^(-∞|-inf|-infinity)$/i.test(t)) return null;
  if (side === 'max' && /^(\+?∞|\+?inf|\+?infinity)$/i.test(t)) return null;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return 'bad';
  const centi = toCenti(Number(t));
  return centi === null ? 'bad' : centi;
}

/** Parses "[90, 95)"; returns a Chinese error message on failure. */
export function parseInterval(text: string): Interval | string {
  const m = pattern.exec(text);
  if (!m) return `区间“${text}”格式无效，应写作如 "[90, 95)"：方括号含端点，圆括号不含，无界写 -∞ 或 +∞`;
  const [, open, lo, hi, close] = m as unknown as [string, string, string, string, string];
  const min = parseBound(lo, 'min');
  const max = parseBound(hi, 'max');
  if (min === 'bad') return `区间“${text}”的下限“${lo}”无效（最多两位小数，或 -∞）`;
  if (max === 'bad') return `区间“${text}”的上限“${hi}”无效（最多两位小数，或 +∞）`;
  if (min === null && open === '[') return `区间“${text}”：无界的一端只能用圆括号`;
  if (max === null && close === ']') return `区间“${text}”：无界的一端只能用圆括号`;
  const interval: Interval = { min, minInclusive: open === '[', max, maxInclusive: close === ']' };
  if (min !== null && max !== null && (min > max || (min === max && !(interval.minInclusive && interval.maxInclusive)))) {
    return `区间“${text}”为空`;
  }
  return interval;
}

export function contains(interval: Interval, value: Centi): boolean {
  if (interval.min !== null && (interval.minInclusive ? value < interval.min : value <= interval.min)) return false;
  if (interval.max !== null && (interval.maxInclusive ? value > interval.max : value >= interval.max)) return false;
  return true;
}

/**
 * For metric values that may carry more than two decimals (rates): compares against the
 * bounds as decimals. n/100 yields the same double as the decimal literal, so "95.3" in a
 * scheme and a metric of 95.3 compare equal.
 */
export function containsValue(interval: Interval, value: number): boolean {
  const min = interval.min === null ? null : interval.min / 100;
  const max = interval.max === null ? null : interval.max / 100;
  if (min !== null && (interval.minInclusive ? value < min : value <= min)) return false;
  if (max !== null && (interval.maxInclusive ? value > max : value >= max)) return false;
  return true;
}

export function formatInterval(i: Interval): string {
  const lo = i.min === null ? '-∞' : String(i.min / 100);
  const hi = i.max === null ? '+∞' : String(i.max / 100);
  return `${i.minInclusive ? '[' : '('}${lo}, ${hi}${i.maxInclusive ? ']' : ')'}`;
}

/** Human reading: "[90, 95)" → "90分以上（含）且低于95分". */
export function describeInterval(i: Interval): string {
  const parts: string[] = [];
  if (i.min !== null) parts.push(`${i.min / 100}分${i.minInclusive ? '及以上' : '以上（不含）'}`);
  if (i.max !== null) parts.push(`${i.maxInclusive ? '不高于' : '低于'}${i.max / 100}分`);
  return parts.length ? parts.join('且') : '任意分数';
}

/**
 * Checks that intervals do not overlap and leave no gap between their lowest and highest
 * ends; returns Chinese messages naming the pair at fault (by position).
 */
export function checkPartition(intervals: { label: string; interval: Interval }[]): string[] {
  const sorted = [...intervals].sort((a, b) => cmpLower(a.interval, b.interval));
  const problems: string[] = [];
  for (let k = 1; k < sorted.length; k += 1) {
    const prev = sorted[k - 1]!;
    const next = sorted[k]!;
    const pm = prev.interval;
    const nm = next.interval;
    if (pm.max === null || nm.min === null) {
      problems.push(`“${prev.label}”与“${next.label}”的区间重叠`);
      continue;
    }
    if (pm.max > nm.min || (pm.max === nm.min && pm.maxInclusive && nm.minInclusive)) {
      problems.push(`“${prev.label}”${formatInterval(pm)}与“${next.label}”${formatInterval(nm)}重叠`);
    } else if (pm.max < nm.min || (!pm.maxInclusive && !nm.minInclusive)) {
      problems.push(`“${prev.label}”${formatInterval(pm)}与“${next.label}”${formatInterval(nm)}之间有空档`);
    }
  }
  return problems;
}

function cmpLower(a: Interval, b: Interval): number {
  if (a.min === null) return b.min === null ? 0 : -1;
  if (b.min === null) return 1;
  if (a.min !== b.min) return a.min - b.min;
  return (a.minInclusive ? 0 : 1) - (b.minInclusive ? 0 : 1);
}
