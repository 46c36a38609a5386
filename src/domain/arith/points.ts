/**
 * Points are exact: integer hundredths of a point (`Centi`). 95 points = 9500; 0.5 = 50.
 * Scheme files and score inputs use ordinary decimals with at most two places.
 */
export type Centi = number;

export const CENTI_PER_POINT = 100;

/** Converts a decimal with at most two places to hundredths; returns null if it has more. */
export function toCenti(value: number): Centi | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.round(value * 100);
  // Accept binary noise (0.1 + 0.2) but refuse a real third decimal (92.125).
  if (Math.abs(scaled - value * 100) > 1e-6 * Math.max(1, Math.abs(value))) return null;
  return scaled;
}

/** 9500 → "95", 9250 → "92.5", 9225 → "92.25". */
export function formatPoints(centi: Centi): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  if (frac % 10 === 0) return `${sign}${whole}.${frac / 10}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0')}`;
}

/** The number a person reads (9250 → 92.5), for JSON output. */
export function centiToNumber(centi: Centi): number {
  return centi / 100;
}
