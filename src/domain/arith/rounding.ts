/**
 * Every rounding in Anke happens here, by a mode the scheme names (考核办法 must state how
 * amounts are rounded; nothing is rounded implicitly).
 *
 * Arithmetic is on integers: points are integer hundredths (`Centi`), money is whole yuan.
 * A fraction n/d is rounded to an integer by the chosen mode.
 */
export const roundingModes = ['halfUp', 'halfEven', 'floor', 'ceil', 'down'] as const;
export type RoundingMode = (typeof roundingModes)[number];

export const roundingModeLabels: Record<RoundingMode, string> = {
  halfUp: '四舍五入',
  halfEven: '四舍六入五成双',
  floor: '向下取整',
  ceil: '向上取整',
  down: '舍去小数（向零取整）',
};

/** Rounds numerator/denominator to an integer. Exact for any safe integers (falls back to BigInt). */
export function divRound(numerator: number, denominator: number, mode: RoundingMode): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) {
    throw new RangeError(`divRound 需要整数：${numerator}/${denominator}`);
  }
  if (denominator === 0) throw new RangeError('divRound：分母为零');
  if (denominator < 0) return divRound(-numerator, -denominator, mode);
  if (Number.isSafeInteger(numerator * 2)) return divRoundSafe(numerator, denominator, mode);
  return Number(divRoundBig(BigInt(numerator), BigInt(denominator), mode));
}

/** Integer product a*b/c rounded, exact even when a*b exceeds 2^53. */
export function mulDivRound(a: number, b: number, c: number, mode: RoundingMode): number {
  const product = a * b;
  if (Number.isSafeInteger(product) && Number.isSafeInteger(product * 2)) return divRound(product, c, mode);
  if (c === 0) throw new RangeError('mulDivRound：分母为零');
  const sign = c < 0 ? -1n : 1n;
  return Number(divRoundBig(BigInt(a) * BigInt(b) * sign, BigInt(c) * sign, mode));
}

function divRoundSafe(n: number, d: number, mode: RoundingMode): number {
  const q = Math.floor(n / d);
  // Math.floor on doubles is exact here because |n| < 2^52 and the remainder is recomputed.
  let floor = q;
  let rem = n - floor * d;
  if (rem < 0) { floor -= 1; rem += d; }
  if (rem >= d) { floor += 1; rem -= d; }
  if (rem === 0) return floor;
  switch (mode) {
    case 'floor': return floor;
    case 'ceil': return floor + 1;
    case 'down': return n < 0 ? floor + 1 : floor;
    case 'halfUp': {
      // Half away from zero, as 四舍五入 is read for negative amounts too.
      const twice = rem * 2;
      if (twice > d) return floor + 1;
      if (twice < d) return floor;
      return n < 0 ? floor : floor + 1;
    }
    case 'halfEven': {
      const twice = rem * 2;
      if (twice > d) return floor + 1;
      if (twice < d) return floor;
      return floor % 2 === 0 ? floor : floor + 1;
    }
  }
}

function divRoundBig(n: bigint, d: bigint, mode: RoundingMode): bigint {
  let floor = n / d;
  let rem = n % d;
  if (rem < 0n) { floor -= 1n; rem += d; }
  if (rem === 0n) return floor;
  switch (mode) {
    case 'floor': return floor;
    case 'ceil': return floor + 1n;
    case 'down': return n < 0n ? floor + 1n : floor;
    case 'halfUp': {
      const twice = rem * 2n;
      if (twice > d) return floor + 1n;
      if (twice < d) return floor;
      return n < 0n ? floor : floor + 1n;
    }
    case 'halfEven': {
      const twice = rem * 2n;
      if (twice > d) return floor + 1n;
      if (twice < d) return floor;
      return floor % 2n === 0n ? floor : floor + 1n;
    }
  }
}

/**
 * A percentage with two decimals as text, rounded half up: 34/38 → "89.47".
 * Pass rates are published this way (周村 2014 通报：占89.47%).
 */
export function percentText(part: number, whole: number): string {
  if (whole === 0) return '0.00';
  const basisPoints = divRound(part * 10_000, whole, 'halfUp');
  return formatFixed2(basisPoints);
}

/** Integer hundredths as text with exactly two decimals: 8947 → "89.47". */
export function formatFixed2(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
