/**
 * 《生产安全事故报告和调查处理条例》（国务院令第493号）第十三条：自事故发生之日起30日内，
 * 事故造成的伤亡人数发生变化的，应当及时补报；道路交通事故、火灾事故自发生之日起7日内，
 * 伤亡人数发生变化的，应当及时补报. Changes after the window are kept but flagged.
 */
export const shortWindowSectors = ['road-traffic', 'fire'] as const;

export function updateWindowDays(sector: string | undefined): number {
  return sector && (shortWindowSectors as readonly string[]).includes(sector) ? 7 : 30;
}

export interface UpdateCheck {
  windowDays: number;
  /** last day (ISO date) a casualty change counts as a timely 补报 */
  windowEnds: string;
  late: boolean;
  message: string | null;
}

export function checkAccidentUpdate(occurredAt: string, changedAt: string, sector: string | undefined): UpdateCheck {
  const windowDays = updateWindowDays(sector);
  const start = Date.parse(`${occurredAt.slice(0, 10)}T00:00:00Z`);
  const windowEnds = new Date(start + windowDays * 86_400_000).toISOString().slice(0, 10);
  const late = changedAt.slice(0, 10) > windowEnds;
  return {
    windowDays,
    windowEnds,
    late,
    message: late ? `伤亡人数变化超出事故发生之日起${windowDays}日的补报期限（至 ${windowEnds}），已标记为逾期补报` : null,
  };
}
