/**
 * Monthly indicator reports (primer §2): units report the month's figures commonly within
 * 2 days of month end. The deadline rule (月报报送期限，月末后 N 日内) is a campaign setting the
 * office sets; the clock is passed in.
 */
export type ReportStatus = 'notDue' | 'due' | 'onTime' | 'late' | 'missing';

export const reportStatusLabels: Record<ReportStatus, string> = {
  notDue: '未到报送期',
  due: '待报送',
  onTime: '按时报送',
  late: '迟报',
  missing: '未报送',
};

/** The rule a campaign starts with, as the primer's district has it (月末后 2 日内). */
export const defaultGraceDays = 2;

/**
 * 0 to 15 days after month end. 0 is the strictest rule an office can set: the month's figures
 * are complete only on its last day, so they cannot be due earlier. 15 is half a month: later
 * than that the report would run into the next month's own reporting and the 安委办's monthly
 * analysis of the figures (月度安全生产形势分析) would already be done without them.
 */
export const graceDaysRange = { min: 0, max: 15 } as const;

/** Whether `days` is an allowed rule (an integer of graceDaysRange). */
export function validGraceDays(days: unknown): days is number {
  return typeof days === 'number' && Number.isInteger(days) && days >= graceDaysRange.min && days <= graceDaysRange.max;
}

/** The rule in words: 月末后 2 日内, 月末后当日 for 0. */
export function graceDaysText(days: number): string {
  return days === 0 ? '月末后当日' : `月末后 ${days} 日内`;
}

/** Last day (ISO date) to report month `month` (1–12) of `year`: month end + grace days. */
export function reportDeadline(year: number, month: number, graceDays: number): string {
  const monthEnd = Date.UTC(year, month, 0); // day 0 of the next month = last day of this one
  return new Date(monthEnd + graceDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Status of one month's report. Dates compare as calendar days in the campaign's time zone,
 * which the caller applies to `submittedOn` and `today` (both ISO dates). `graceDays` is the
 * rule that applies to that month (graceDaysOf).
 */
export function reportStatus(year: number, month: number, submittedOn: string | null, today: string, graceDays: number): ReportStatus {
  const monthEnd = reportDeadline(year, month, 0);
  const deadline = reportDeadline(year, month, graceDays);
  if (submittedOn) return submittedOn.slice(0, 10) <= deadline ? 'onTime' : 'late';
  if (today <= monthEnd) return 'notDue';
  return today <= deadline ? 'due' : 'missing';
}

/**
 * When the rule may change, and for which months. A month's report falls due the day after the
 * month ends; from then on the unit is working to a deadline (待报送), has met it or missed it,
 * and reminders and to-dos have named that day. Changing the rule for such a month would move a
 * deadline already announced and could turn an on-time report late, or a missed one on time. So
 * a change of rule applies only to the months not yet ended on the day of the change; each month
 * that had ended keeps the rule it fell due under (stored with the campaign when the rule changes,
 * see monthsToFix). Users expect this of a notice that changes the reporting rule mid-year: it
 * governs the reports still to come, never those already judged. Fixing the rule for the whole
 * year once execution starts would instead stop the office from correcting it at all.
 */
export function monthEnded(year: number, month: number, today: string): boolean {
  return today > reportDeadline(year, month, 0);
}

/** The rule for one month: the one it was fixed at when the rule changed after it ended, else the current one. */
export function graceDaysOf(month: number, current: number, fixed: ReadonlyMap<number, number>): number {
  return fixed.get(month) ?? current;
}

/** The months that a change of rule on `today` must keep at the old rule: those ended and not fixed already. */
export function monthsToFix(year: number, today: string, fixed: ReadonlyMap<number, number>): number[] {
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => monthEnded(year, m, today) && !fixed.has(m));
}

/**
 * The first month a change of rule on `today` governs: the first not yet ended. Null once
 * December has ended (changeCampaignDates refuses a change then).
 */
export function firstOpenMonth(year: number, today: string): number | null {
  return Array.from({ length: 12 }, (_, i) => i + 1).find((m) => !monthEnded(year, m, today)) ?? null;
}
