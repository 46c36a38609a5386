import { describe, expect, it } from 'vitest';
import { chinaDay, reminderOf, type Reminder } from '../../../src/domain/workflow/reminder';

describe('reminderOf', () => {
  const table: Array<[string, string | null, string, number | undefined, Reminder]> = [
    ['no deadline, no reminder', null, '2015-01-10', undefined, null],
    ['well ahead', '2015-01-20', '2015-01-10', undefined, null],
    ['four days ahead, outside the default three', '2015-01-14', '2015-01-10', undefined, null],
    ['three days ahead', '2015-01-13', '2015-01-10', undefined, 'dueSoon'],
    ['on the deadline day', '2015-01-10', '2015-01-10', undefined, 'dueSoon'],
    ['the day after', '2015-01-10', '2015-01-11', undefined, 'overdue'],
    ['a date-time deadline counts by its China day', '2015-01-13T08:00:00.000Z', '2015-01-10T10:00:00.000Z', undefined, 'dueSoon'],
    ['across a month end', '2015-02-02', '2015-01-30', undefined, 'dueSoon'],
    ['a longer lead', '2015-01-20', '2015-01-10', 10, 'dueSoon'],
    ['no lead: only the day itself', '2015-01-11', '2015-01-10', 0, null],
    // Midnight in China is 16:00 UTC the day before: the clock's China day decides.
    ['15:59:59 UTC is still the 10th in China: the 10th deadline is due', '2015-01-10', '2015-01-10T15:59:59.999Z', undefined, 'dueSoon'],
    ['16:00 UTC is 00:00 on the 11th in China: the 10th deadline is overdue', '2015-01-10', '2015-01-10T16:00:00.000Z', undefined, 'overdue'],
    ['00:30 China on the 11th (16:30 UTC on the 10th) is four days before the 15th', '2015-01-15', '2015-01-10T16:30:00.000Z', 3, null],
    ['23:30 China on the 10th is five days before the 15th, with a lead of five', '2015-01-15', '2015-01-10T15:30:00.000Z', 5, 'dueSoon'],
    ['23:30 China on the 10th is five days before the 15th, outside a lead of four', '2015-01-15', '2015-01-10T15:30:00.000Z', 4, null],
    // A deadline instant counts by its China day too: publicity ending 00:30 on the 13th China time.
    ['a deadline at 00:30 China time on the 13th, three days from the 10th', '2015-01-12T16:30:00.000Z', '2015-01-10T02:00:00.000Z', 3, 'dueSoon'],
    ['a deadline at 00:30 China time on the 13th is not yet due on the 9th', '2015-01-12T16:30:00.000Z', '2015-01-09T02:00:00.000Z', 3, null],
    ['a deadline at 23:59 China time on the 12th is overdue from 00:00 on the 13th', '2015-01-12T15:59:00.000Z', '2015-01-12T16:00:00.000Z', undefined, 'overdue'],
    ['a date-time with an offset counts in China too', '2015-01-10', '2015-01-11T00:10:00+08:00', undefined, 'overdue'],
  ];
  it.each(table)('%s', (_name, due, today, lead, expected) => {
    expect(reminderOf(due, today, lead)).toBe(expected);
  });
});

describe('chinaDay', () => {
  it.each([
    ['2015-01-10', '2015-01-10'],
    ['2015-01-10T15:59:59.999Z', '2015-01-10'],
    ['2015-01-10T16:00:00.000Z', '2015-01-11'],
    ['2015-12-31T16:00:00.000Z', '2016-01-01'],
    ['2015-01-11T00:10:00+08:00', '2015-01-11'],
    ['2015-01-10T20:00:00-05:00', '2015-01-11'],
    // No zone: read as UTC, as the platform stores instants, whatever the machine's zone.
    ['2015-01-10T16:00:00', '2015-01-11'],
  ])('%s is %s in China', (input, day) => {
    expect(chinaDay(input)).toBe(day);
  });
});
