/**
 * Reminders in the app ahead of each deadline (issue 4 item 11: 待办 with deadlines; no
 * outside messaging). A to-do is 已逾期 after its deadline day, 即将到期 within
 * `leadDays` days of it (the deadline day included), else it waits without a reminder.
 */
export type Reminder = 'overdue' | 'dueSoon' | null;

export const reminderLabels: Record<Exclude<Reminder, null>, string> = { overdue: '已逾期', dueSoon: '即将到期' };

export const defaultLeadDays = 3;

/**
 * `due` and `today` are ISO dates or date-times; only the day counts. A date-time (an instant,
 * such as the end of publicity or the server's clock) counts by its calendar day in China
 * (Asia/Shanghai, UTC+8 all year, no daylight saving), the day the district's offices live in:
 * 00:30 on the 11th China time is still the 10th in UTC. A plain date is that day already.
 */
export function reminderOf(due: string | null, today: string, leadDays = defaultLeadDays): Reminder {
  if (!due) return null;
  const dueDay = Date.parse(`${chinaDay(due)}T00:00:00Z`);
  const day = Date.parse(`${chinaDay(today)}T00:00:00Z`);
  const daysLeft = Math.round((dueDay - day) / 86_400_000);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= leadDays ? 'dueSoon' : null;
}

const chinaOffsetMs = 8 * 3_600_000;

/**
 * The China calendar day (YYYY-MM-DD) of an ISO date-time; a plain ISO date as it is. The
 * platform stores instants in UTC (`toISOString`), so a date-time without a zone is read as UTC,
 * never in the zone of whatever machine runs this.
 */
export function chinaDay(dateOrInstant: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant)) return dateOrInstant;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(dateOrInstant) ? dateOrInstant : `${dateOrInstant}Z`;
  const instant = Date.parse(zoned);
  if (Number.isNaN(instant)) return dateOrInstant.slice(0, 10);
  return new Date(instant + chinaOffsetMs).toISOString().slice(0, 10);
}
