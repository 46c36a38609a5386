/**
 * Reminders in the app ahead of each deadline (issue 4 item 11: 待办 with deadlines; no
 * outside messaging). A to-do is 已逾期 after its deadline day, 即将到期 within
 * `leadDays` days of it (the deadline day included), else it waits without a reminder.
 */
export type Reminder = 'overdue' | 'dueSoon' | null;

export const reminderLabels: Record<Exclude<Reminder, null>, string> = { overdue: '已逾期', dueSoon: '即将到期' };

export const defaultLeadDays = 3;

/** `due` and `today` are ISO dates or date-times; only the day counts. */
export function reminderOf(due: string | null, today: string, leadDays = defaultLeadDays): Reminder {
  if (!due) return null;
  const dueDay = Date.parse(`${due.slice(0, 10)}T00:00:00Z`);
  const day = Date.parse(`${today.slice(0, 10)}T00:00:00Z`);
  const daysLeft = Math.round((dueDay - day) / 86_400_000);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= leadDays ? 'dueSoon' : null;
}
