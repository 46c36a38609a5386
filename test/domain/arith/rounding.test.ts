import { describe, expect, it } from 'vitest';
import { divRound, formatFixed2, mulDivRound, percentText, type RoundingMode } from '../../../src/domain/arith/rounding';
import { formatPoints, toCenti } from '../../../src/domain/arith/points';

describe('divRound: one test per rounding rule', () => {
  const table: [number, number, RoundingMode, number][] = [
    [5, 2, 'halfUp', 3], [-5, 2, 'halfUp', -3], [7, 3, 'halfUp', 2], [8, 3, 'halfUp', 3],
    [5, 2, 'halfEven', 2], [7, 2, 'halfEven', 4], [-5, 2, 'halfEven', -2], [11, 4, 'halfEven', 3],
    [7, 2, 'floor', 3], [-7, 2, 'floor', -4],
    [7, 2, 'ceil', 4], [-7, 2, 'ceil', -3],
    [7, 2, 'down', 3], [-7, 2, 'down', -3],
    [6, 3, 'halfUp', 2], [6, -3, 'halfUp', -2], [0, 7, 'ceil', 0],
  ];
  it.each(table)('%i / %i (%s) = %i', (n, d, mode, expected) => {
    expect(divRound(n, d, mode)).toBe(expected);
  });

  it('stays exact beyond 2^53 through BigInt', () => {
    expect(mulDivRound(9_007_199_254_740_991, 3, 3, 'halfUp')).toBe(9_007_199_254_740_991);
    expect(mulDivRound(123_456_789_012, 987_654_321, 1_000_000_000_000, 'halfUp')).toBe(121_932_631);
    expect(mulDivRound(123_456_789_012, 987_654_321, 1_000_000_000_000, 'ceil')).toBe(121_932_632);
  });

  it('refuses non-integers and zero denominators', () => {
    expect(() => divRound(1.5, 2, 'halfUp')).toThrow(RangeError);
    expect(() => divRound(1, 0, 'halfUp')).toThrow(RangeError);
  });
});

describe('percentText (pass rate to two decimals, half up)', () => {
  it.each([
    [34, 38, '89.47'], [1, 3, '33.33'], [2, 3, '66.67'], [1, 8, '12.50'], [0, 5, '0.00'], [5, 5, '100.00'], [0, 0, '0.00'],
  ])('%i/%i = %s%%', (part, whole, expected) => {
    expect(percentText(part, whole)).toBe(expected);
  });
  it('formats hundredths', () => expect(formatFixed2(-105)).toBe('-1.05'));
});

describe('points as integer hundredths', () => {
  it.each([[95, 9500], [92.5, 9250], [0.1 + 0.2, 30], [92.25, 9225]])('%d → %i', (v, c) => expect(toCenti(v)).toBe(c));
  it('refuses a third decimal', () => expect(toCenti(92.125)).toBeNull());
  it.each([[9500, '95'], [9250, '92.5'], [9225, '92.25'], [5, '0.05'], [-150, '-1.5']])('%i → %s', (c, t) => expect(formatPoints(c)).toBe(t));
});
