import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addHours, addMonths, chinaDateOf, daysBetween, isLocalDate } from '../../../../src/domain/ledgers/shared/dates.ts';
import { formatPercent, rateHundredths } from '../../../../src/domain/ledgers/shared/rate.ts';

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
  ])('isLocalDate(%s) = %s', (d, ok) => {
    expect(isLocalDate(d)).toBe(ok);
  });

  it.each([
    ['2024-03-31T15:59:59Z', '2024-03-31'],
    ['2024-03-31T16:00:00Z', '2024-04-01'],
    ['2024-12-31T16:00:00Z', '2025-01-01'],
  ])('chinaDateOf(%s) = %s (UTC+8)', (i, d) => {
    expect(chinaDateOf(i)).toBe(d);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-01-15', 6, '2024-07-15'],
    ['2024-12-10', 1, '2025-01-10'],
    ['2024-06-10', -36, '2021-06-10'],
  ])('addMonths(%s, %i) = %s', (d, n, r) => {
    expect(addMonths(d, n)).toBe(r);
  });

  it('addDays and daysBetween agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -3000, max: 3000 }), (offset, n) => {
        const d = addDays('1990-01-01', offset);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it('addHours is exact', () => {
    expect(addHours('2024-05-01T02:00:00Z', 48)).toBe('2024-05-03T02:00:00.000Z');
  });
});

describe('rates in integer hundredths of a percent, half up', () => {
  it.each([
    [1, 3, 3333],
    [2, 3, 6667],
    [1, 8, 1250],
    [1, 16, 625], // 6.25 exactly
    [1, 32, 313], // 3.125 → 3.13 (half up)
    [20, 21, 9524],
    [0, 5, 0],
    [5, 5, 10000],
  ])('%i/%i = %i', (n, d, h) => {
    expect(rateHundredths(n, d)).toBe(h);
  });

  it('refuses a zero or negative denominator', () => {
    expect(() => rateHundredths(0, 0)).toThrow(RangeError);
    expect(() => rateHundredths(1, -1)).toThrow(RangeError);
  });

  it('property: within half a hundredth of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (d, nRaw) => {
        const n = nRaw % (d + 1);
        const h = rateHundredths(n, d);
        expect(Math.abs(h - (n * 10000) / d)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it.each([
    [9524, '95.24%'],
    [5, '0.05%'],
    [10000, '100.00%'],
  ])('formatPercent(%i) = %s', (h, s) => {
    expect(formatPercent(h)).toBe(s);
  });
});
