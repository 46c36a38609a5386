import { describe, expect, it } from 'vitest';
import { graceDaysText } from '../../src/domain/workflow/monthly-report';
import { ruleSummary } from '../../src/web/pages/monthly-reports/figures';

/** The list as the server gives it: each month's rule (fixed ones first), the campaign's current rule. */
function list(current: number, fixed: Record<number, number>) {
  const months = Array.from({ length: 12 }, (_, i) => {
    const graceDays = fixed[i + 1] ?? current;
    return { month: i + 1, graceDays, rule: graceDaysText(graceDays) };
  });
  return { graceDays: current, rule: graceDaysText(current), items: [{ months }] } as unknown as Parameters<typeof ruleSummary>[0];
}

describe('ruleSummary: the 月报报送期限 on the 月度指标 page', () => {
  it.each([
    [2, {}, '月末后 2 日内'],
    [0, {}, '月末后当日'],
    [5, { 1: 2, 2: 2, 3: 2 }, '月末后 5 日内（1至3月在修改前已结束，仍按月末后 2 日内）'],
    [5, { 1: 2 }, '月末后 5 日内（1月在修改前已结束，仍按月末后 2 日内）'],
    [0, { 1: 2, 2: 5, 3: 5 }, '月末后当日（1至3月在修改前已结束，仍按各自原期限）'],
  ])('rule %i with months fixed %o → %s', (current, fixed, expected) => {
    expect(ruleSummary(list(current, fixed))).toBe(expected);
  });
  it('says only the rule when there are no units', () => {
    expect(ruleSummary({ graceDays: 3, rule: '月末后 3 日内', items: [] })).toBe('月末后 3 日内');
  });
});
