/**
 * The ledgers count days and hours in China time (docs/ledgers.md §1), so the web app shows
 * instants and "today" in China time whatever the browser's time zone.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** An instant as `YYYY-MM-DD HH:mm` China time; a day (`YYYY-MM-DD`) is returned as it is. */
export function chinaTimeText(value: string): string {
  if (value.length <= 10) return value;
  return new Date(Date.parse(value) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Today's day in China time. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
