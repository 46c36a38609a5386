import type { AccidentGrade } from './grade';

/**
 * 事故报告时限 per 《生产安全事故报告和调查处理条例》（国务院令第493号）:
 * - 第九条: 事故发生后，单位负责人接到报告后应当于1小时内向事故发生地县级以上人民政府安全生产
 *   监督管理部门和负有安全生产监督管理职责的有关部门报告.
 * - 第十条: 安全生产监督管理部门和有关部门接到事故报告后，应当逐级上报：特别重大事故、重大事故
 *   上报至国务院安全生产监督管理部门；较大事故上报至省级；一般事故上报至设区的市级；
 *   第十条第二款：每级上报的时间不得超过2小时.
 *
 * Each level's deadline runs from the moment the level below received the report: the
 * county's from the occurrence (1 hour), every upward level's from the report to the level
 * below (2 hours) — or from that level's own deadline when its report is not recorded, so a
 * missing report does not stop the clock of the levels above it.
 *
 * Times: a date-time without an offset is China time (UTC+8), as everywhere in the register;
 * one with `Z` or an offset is taken as written. An occurrence recorded as a day only is
 * taken to have happened at the end of that day (the latest it can have happened), so only a
 * report that is late in any case counts as 迟报.
 */
export const reportLevels = ['county', 'city', 'province', 'stateCouncil'] as const;
export type ReportLevel = (typeof reportLevels)[number];

export const reportLevelLabels: Record<ReportLevel, string> = {
  county: '县级',
  city: '市级',
  province: '省级',
  stateCouncil: '国务院',
};

/** The authority a level's report goes to. */
export const reportLevelAuthorities: Record<ReportLevel, string> = {
  county: '县级安全生产监督管理部门和有关部门',
  city: '设区的市级安全生产监督管理部门',
  province: '省级安全生产监督管理部门',
  stateCouncil: '国务院安全生产监督管理部门',
};

/** Who owes the report to the level. */
export const reportLevelReporters: Record<ReportLevel, string> = {
  county: '事故单位负责人',
  city: '县级安全生产监督管理部门',
  province: '市级安全生产监督管理部门',
  stateCouncil: '省级安全生产监督管理部门',
};

/** 第十条第一款: the highest level an accident of each grade is reported up to. */
const topLevel: Record<AccidentGrade, ReportLevel> = {
  general: 'city',
  larger: 'province',
  major: 'stateCouncil',
  especiallyMajor: 'stateCouncil',
};

/** The levels an accident of this grade must reach, lowest first. */
export function requiredReportLevels(grade: AccidentGrade): ReportLevel[] {
  return reportLevels.slice(0, reportLevels.indexOf(topLevel[grade]) + 1);
}

/** 第九条 1 hour for the unit's report to the county; 第十条 2 hours for each level above. */
export function reportLimitHours(level: ReportLevel): 1 | 2 {
  return level === 'county' ? 1 : 2;
}

export const reportBasis: Record<ReportLevel, string> = {
  county: '国务院令第493号第九条',
  city: '国务院令第493号第十条',
  province: '国务院令第493号第十条',
  stateCouncil: '国务院令第493号第十条',
};

/** 按时 / 迟报 / 未报告（未到时限）/ 已超时（过了时限仍未报告）/ 本等级不要求. */
export type ReportState = 'onTime' | 'late' | 'pending' | 'overdue' | 'notRequired';

export type ReportTimes = Partial<Record<ReportLevel, string>>;

export interface LevelReport {
  level: ReportLevel;
  required: boolean;
  limitHours: 1 | 2;
  /** China time 'YYYY-MM-DDTHH:mm'; null for a level the grade does not require. */
  deadline: string | null;
  /** China time 'YYYY-MM-DDTHH:mm'; null when not recorded. */
  reportedAt: string | null;
  state: ReportState;
  /** Whole minutes past the deadline: of the report (迟报) or, unreported, up to now (已超时). */
  minutesLate: number | null;
}

export interface ReportingStatus {
  /** False when the occurrence is recorded as a day only (deadlines then run from 24:00 of it). */
  occurredAtExact: boolean;
  levels: LevelReport[];
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const CHINA_OFFSET_MS = 8 * HOUR_MS;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:\d{2})?$/;

function validParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
    && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s;
}

/** Milliseconds of a date-time (China time when it has no offset); NaN when it is none. */
export function reportInstantMs(value: string): number {
  const m = DATE_TIME.exec(value);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!validParts(y, mo, d, h, mi, s)) return Number.NaN;
  const local = Date.UTC(y, mo - 1, d, h, mi, s, Number((m[7] ?? '0').padEnd(3, '0')));
  const zone = m[8];
  if (zone === undefined) return local - CHINA_OFFSET_MS;
  if (zone === 'Z') return local;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [zh, zm] = zone.slice(1).split(':').map(Number) as [number, number];
  return local - sign * (zh * HOUR_MS + zm * MINUTE_MS);
}

/** The occurrence as [earliest, latest] instants: one instant, or the whole China day of a date. */
function occurrenceRange(occurredAt: string): [number, number] {
  const day = DATE_ONLY.exec(occurredAt);
  if (day) {
    const [y, mo, d] = [day[1], day[2], day[3]].map(Number) as [number, number, number];
    if (!validParts(y, mo, d)) throw new RangeError(`不是有效的发生时间：${occurredAt}`);
    const start = Date.UTC(y, mo - 1, d) - CHINA_OFFSET_MS;
    return [start, start + 24 * HOUR_MS];
  }
  const at = reportInstantMs(occurredAt);
  if (Number.isNaN(at)) throw new RangeError(`不是有效的发生时间：${occurredAt}`);
  return [at, at];
}

/**
 * The occurrence as the register stores it: a day or a China wall time, never an offset. The
 * register assigns an accident to a year and a month by the text of its time (an accident at
 * 2027-01-01 04:00 China time belongs to 2027's assessment, however it was written), so a time
 * given with `Z` or an offset is turned into China time first. Throws on a time that is none.
 */
export function chinaOccurrence(occurredAt: string): string {
  if (DATE_ONLY.test(occurredAt)) {
    occurrenceRange(occurredAt);
    return occurredAt;
  }
  const m = DATE_TIME.exec(occurredAt);
  const at = reportInstantMs(occurredAt);
  if (!m || Number.isNaN(at)) throw new RangeError(`不是有效的发生时间：${occurredAt}`);
  if (m[8] === undefined) return occurredAt;
  const china = new Date(at + CHINA_OFFSET_MS).toISOString();
  return m[6] === undefined ? china.slice(0, 16) : china.slice(0, m[7] === undefined ? 19 : 23);
}

/**
 * Why an occurrence cannot have happened yet at `now`, or null: a day after today (China time),
 * or a moment later than now.
 */
export function occurrenceInFuture(occurredAt: string, now: Date): string | null {
  const [earliest] = occurrenceRange(occurredAt);
  if (earliest <= now.getTime()) return null;
  return DATE_ONLY.test(occurredAt) ? '事故发生时间不能晚于今天。' : '事故发生时间不能晚于现在。';
}

/** An instant as China time 'YYYY-MM-DDTHH:mm'. */
export function chinaMinute(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

const lateMinutes = (at: number, deadline: number) => Math.ceil((at - deadline) / MINUTE_MS);

/**
 * The state of each level an accident of `grade` must be reported to, at `now`, plus any
 * level recorded beyond what the grade requires (kept, marked 本等级不要求). The grade is the
 * current one: when a 补报 raises it, the new levels become required from then on.
 */
export function reportingStatus(input: { grade: AccidentGrade; occurredAt: string; reports: ReportTimes; now: Date }): ReportingStatus {
  const [, latest] = occurrenceRange(input.occurredAt);
  const required = new Set(requiredReportLevels(input.grade));
  const nowMs = input.now.getTime();
  const levels: LevelReport[] = [];
  // When the level below received the report (or should have): the start of this level's limit.
  let received = latest;
  for (const level of reportLevels) {
    const recorded = input.reports[level];
    const reportedMs = recorded === undefined ? undefined : reportInstantMs(recorded);
    if (reportedMs !== undefined && Number.isNaN(reportedMs)) throw new RangeError(`${reportLevelLabels[level]}报告时间不是有效的时间：${recorded}`);
    const deadlineMs = received + reportLimitHours(level) * HOUR_MS;
    received = reportedMs ?? deadlineMs;
    const base = { level, limitHours: reportLimitHours(level), reportedAt: reportedMs === undefined ? null : chinaMinute(reportedMs) };
    if (!required.has(level)) {
      if (reportedMs !== undefined) levels.push({ ...base, required: false, deadline: null, state: 'notRequired', minutesLate: null });
      continue;
    }
    const deadline = chinaMinute(deadlineMs);
    if (reportedMs !== undefined) {
      const late = reportedMs > deadlineMs;
      levels.push({ ...base, required: true, deadline, state: late ? 'late' : 'onTime', minutesLate: late ? lateMinutes(reportedMs, deadlineMs) : null });
    } else {
      const overdue = nowMs > deadlineMs;
      levels.push({ ...base, required: true, deadline, state: overdue ? 'overdue' : 'pending', minutesLate: overdue ? lateMinutes(nowMs, deadlineMs) : null });
    }
  }
  return { occurredAtExact: !DATE_ONLY.test(input.occurredAt), levels };
}

/**
 * Why a set of report times cannot be right, naming the level, or null. A report cannot come
 * before the accident, before the report to the level below it (逐级上报, 第十条), or after now.
 */
export function checkReportTimes(occurredAt: string, reports: ReportTimes, now: Date): string | null {
  const [earliest] = occurrenceRange(occurredAt);
  let below: { level: ReportLevel; at: number } | undefined;
  for (const level of reportLevels) {
    const recorded = reports[level];
    if (recorded === undefined) continue;
    const label = reportLevelLabels[level];
    const at = reportInstantMs(recorded);
    if (Number.isNaN(at)) return `${label}报告时间不是有效的时间。`;
    if (at < earliest) return `${label}报告时间不能早于事故发生时间。`;
    if (below && at < below.at) return `${label}报告时间不能早于${reportLevelLabels[below.level]}报告时间（逐级上报）。`;
    if (at > now.getTime()) return `${label}报告时间不能晚于现在。`;
    below = { level, at };
  }
  return null;
}

/** The tag a level's state shows: 按时、迟报 X 分钟、未报告、已超时. */
export function reportStateText(report: Pick<LevelReport, 'state' | 'minutesLate'>): string {
  switch (report.state) {
    case 'onTime': return '按时';
    case 'late': return `迟报 ${report.minutesLate ?? 0} 分钟`;
    case 'pending': return '未报告';
    case 'overdue': return '已超时';
    case 'notRequired': return '本等级不要求';
  }
}
