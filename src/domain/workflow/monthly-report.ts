/**
 * Monthly indicator reports (primer §2): units report the month's figures commonly within
 * 2 days of month end. The deadline rule is data (grace days); the clock is passed in.
 */
export type ReportStatus = 'notDue' | 'due' | 'onTime' | 'late' | 'missing';

export const reportStatusLabels: Record<ReportStatus, string> = {
  notDue: '未到报送期',
  due: '待报送',
  onTime: '按时报送',
  late: '迟报',
  missing: '未报送',
};

/** Last day (ISO date) to report month `month` (1–12) of `year`: month end + grace days. */
export function reportDeadline(year: number, month: number, graceDays = 2): string {
  const monthEnd = Date.UTC(year, month, 0); // day 0 of the next month = last day of this one
  return new Date(monthEnd + graceDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Status of one month's report. Dates compare as calendar days in the campaign's time zone,
 * which the caller applies to `submittedOn` and `today` (both ISO dates).
 */
export function reportStatus(year: number, month: number, submittedOn: string | null, today: string, graceDays = 2): ReportStatus {
  const monthEnd = reportDeadline(year, month, 0);
  const deadline = reportDeadline(year, month, graceDays);
  if (submittedOn) return submittedOn.slice(0, 10) <= deadline ? 'onTime' : 'late';
  if (today <= monthEnd) return 'notDue';
  return today <= deadline ? 'due' : 'missing';
}
