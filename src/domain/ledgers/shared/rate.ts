// Rates are kept as integer hundredths of a percent (9524 = 95.24%) so that comparisons against a
// scheme threshold are exact; they are rounded half up (四舍五入) in integer arithmetic, once.

/** numerator / denominator as integer hundredths of a percent, rounded half up. */
export function rateHundredths(numerator: number, denominator: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError(`比率的分子、分母必须为非负整数且分母大于0：${numerator}/${denominator}`);
  }
  // round(n * 10000 / d) half up == floor((2 * n * 10000 + d) / (2 * d))
  return Math.floor((2 * numerator * 10_000 + denominator) / (2 * denominator));
}

/** Integer hundredths of a percent → percentage with two decimals (9524 → 95.24). */
export function hundredthsToPercent(hundredths: number): number {
  return hundredths / 100;
}

/** '95.24%' */
export function formatPercent(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}
