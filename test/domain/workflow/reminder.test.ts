import { describe, expect, it } from 'vitest';
import { reminderOf, type Reminder } from '../../../src/domain/workflow/reminder';

describe('reminderOf', () => {
  const table: Array<[string, string | null, string, number | undefined, Reminder]> = [
    ['no deadline, no reminder', null, '2015-01-10', undefined, null],
    ['well ahead', '2015-01-20', '2015-01-10', undefined, null],
    ['four days ahead, outside the default three', '2015-01-14', '2015-01-10', undefined, null],
    ['three days ahead', '2015-01-13', '2015-01-10', undefined, 'dueSoon'],
    ['on the deadline day', '2015-01-10', '2015-01-10', undefined, 'dueSoon'],
    ['the day after', '2015-01-10', '2015-01-11', undefined, 'overdue'],
    ['a date-time deadline counts by its day', '2015-01-13T08:00:00.000Z', '2015-01-10T23:00:00.000Z', undefined, 'dueSoon'],
    ['across a month end', '2015-02-02', '2015-01-30', undefined, 'dueSoon'],
    ['a longer lead', '2015-01-20', '2015-01-10', 10, 'dueSoon'],
    ['no lead: only the day itself', '2015-01-11', '2015-01-10', 0, null],
  ];
  it.each(table)('%s', (_name, due, today, lead, expected) => {
    expect(reminderOf(due, today, lead)).toBe(expected);
  });
});
