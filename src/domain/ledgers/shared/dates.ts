// Calendar arithmetic for ledger deadlines. Pure: every "now" is passed in by the caller.
//
// Two kinds of time are used:
// - LocalDate ('YYYY-MM-DD'): a calendar day in China (UTC+8, no daylight saving). Periods counted
//   in days or months use it. Per 民法典 第二百零一条 the day on which a period starts is not
//   counted, so a 10-day period starting on 03-01 ends at the close of 03-11: the deadline date is
//   start + 10 and an act on that date is on time.
// - Instant (ISO-8601 UTC string): periods counted in hours (24 h prior notice, 48 h decision).
//
// Not modelled: 民法典 第二百零三条 moves a deadline falling on a public holiday to the next
// working day; that needs the State Council's yearly holiday calendar, which the caller would have
// to pass in. Deadlines here are the plain calendar dates.

export type LocalDate = string;
export type Instant = string;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function dateToUtcMs(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`不是有效的日期：${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** The China calendar day on which an instant falls. */
export function chinaDateOf(instant: Instant | Date): LocalDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`不是有效的时间：${String(instant)}`);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

/**
 * Calendar months (民法典 第二百零二条: a period in months ends on the corresponding day of the
 * last month; with no such day, on the last day of that month).
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  dateToUtcMs(date);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addHours(instant: Instant, hours: number): Instant {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`不是有效的时间：${instant}`);
  return new Date(ms + hours * HOUR_MS).toISOString();
}

export function toInstant(value: Date | Instant): Instant {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`不是有效的时间：${String(value)}`);
  return new Date(ms).toISOString();
}

export function instantMs(value: Instant): number {
  return Date.parse(value);
}

/** Hours (fractional) from `from` to `to`. */
export function hoursBetween(from: Instant, to: Instant): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR_MS;
}
