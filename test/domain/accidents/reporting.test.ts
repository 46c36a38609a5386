import { describe, expect, it } from 'vitest';
import type { AccidentGrade } from '../../../src/domain/accidents/grade';
import {
  checkReportTimes, chinaOccurrence, occurrenceInFuture, reportingStatus, reportInstantMs, reportStateText, requiredReportLevels,
} from '../../../src/domain/accidents/reporting';
import type { ReportLevel, ReportTimes } from '../../../src/domain/accidents/reporting';

// 国务院令第493号第十条：一般事故上报至设区的市级，较大事故至省级，重大、特别重大事故至国务院.
describe('requiredReportLevels (国务院令第493号第十条)', () => {
  it.each<[AccidentGrade, ReportLevel[]]>([
    ['general', ['county', 'city']],
    ['larger', ['county', 'city', 'province']],
    ['major', ['county', 'city', 'province', 'stateCouncil']],
    ['especiallyMajor', ['county', 'city', 'province', 'stateCouncil']],
  ])('%s', (grade, levels) => {
    expect(requiredReportLevels(grade)).toEqual(levels);
  });
});

describe('reportInstantMs', () => {
  it.each<[string, string | null]>([
    ['2026-03-01T08:30', '2026-03-01T00:30:00.000Z'], // no offset: China time
    ['2026-03-01T08:30:15', '2026-03-01T00:30:15.000Z'],
    ['2026-03-01T00:30Z', '2026-03-01T00:30:00.000Z'],
    ['2026-03-01T08:30+08:00', '2026-03-01T00:30:00.000Z'],
    ['2026-03-01T00:30-02:00', '2026-03-01T02:30:00.000Z'],
    ['2026-02-30T08:30', null],
    ['2026-03-01T24:30', null],
    ['2026-03-01', null], // a report time must have hours and minutes
    ['nonsense', null],
  ])('%s', (value, expected) => {
    const ms = reportInstantMs(value);
    expect(Number.isNaN(ms) ? null : new Date(ms).toISOString()).toBe(expected);
  });
});

const now = new Date('2026-03-01T04:00:00Z'); // 12:00 China time
type Row = [string, AccidentGrade, string, ReportTimes, [ReportLevel, string | null, string | null, string, number | null][]];

// [label, grade, occurredAt, reports, expected rows: level, deadline, reportedAt, state, minutesLate]
const cases: Row[] = [
  ['一般事故, nothing reported yet, within the hour', 'general', '2026-03-01T11:30', {}, [
    ['county', '2026-03-01T12:30', null, 'pending', null],
    ['city', '2026-03-01T14:30', null, 'pending', null],
  ]],
  ['一般事故, unit reported exactly at the hour: on time', 'general', '2026-03-01T08:00', { county: '2026-03-01T09:00' }, [
    ['county', '2026-03-01T09:00', '2026-03-01T09:00', 'onTime', null],
    ['city', '2026-03-01T11:00', null, 'overdue', 60],
  ]],
  ['one minute past the hour is 迟报 1 分钟; the city’s 2 hours run from the actual report', 'general', '2026-03-01T08:00',
    { county: '2026-03-01T09:01', city: '2026-03-01T11:01' }, [
      ['county', '2026-03-01T09:00', '2026-03-01T09:01', 'late', 1],
      ['city', '2026-03-01T11:01', '2026-03-01T11:01', 'onTime', null],
    ]],
  ['seconds past the deadline round up to a minute', 'general', '2026-03-01T08:00', { county: '2026-03-01T09:00:20' }, [
    ['county', '2026-03-01T09:00', '2026-03-01T09:00', 'late', 1],
    ['city', '2026-03-01T11:00', null, 'overdue', 60],
  ]],
  ['a missing county report does not stop the clock: the city’s deadline runs from the county’s deadline', 'general', '2026-03-01T07:00', {}, [
    ['county', '2026-03-01T08:00', null, 'overdue', 240],
    ['city', '2026-03-01T10:00', null, 'overdue', 120],
  ]],
  ['较大事故 goes up to the province', 'larger', '2026-03-01T08:00',
    { county: '2026-03-01T08:40', city: '2026-03-01T10:00', province: '2026-03-01T12:30' }, [
      ['county', '2026-03-01T09:00', '2026-03-01T08:40', 'onTime', null],
      ['city', '2026-03-01T10:40', '2026-03-01T10:00', 'onTime', null],
      ['province', '2026-03-01T12:00', '2026-03-01T12:30', 'late', 30],
    ]],
  ['重大事故 goes up to the State Council', 'major', '2026-03-01T09:00', { county: '2026-03-01T09:30', city: '2026-03-01T10:30' }, [
    ['county', '2026-03-01T10:00', '2026-03-01T09:30', 'onTime', null],
    ['city', '2026-03-01T11:30', '2026-03-01T10:30', 'onTime', null],
    ['province', '2026-03-01T12:30', null, 'pending', null],
    ['stateCouncil', '2026-03-01T14:30', null, 'pending', null],
  ]],
  ['a level the grade does not require is kept when recorded, without a deadline', 'general', '2026-03-01T08:00',
    { county: '2026-03-01T08:30', city: '2026-03-01T09:00', province: '2026-03-01T10:00' }, [
      ['county', '2026-03-01T09:00', '2026-03-01T08:30', 'onTime', null],
      ['city', '2026-03-01T10:30', '2026-03-01T09:00', 'onTime', null],
      ['province', null, '2026-03-01T10:00', 'notRequired', null],
    ]],
  ['a time written in UTC is shown in China time', 'general', '2026-03-01T08:00', { county: '2026-03-01T00:45:00Z' }, [
    ['county', '2026-03-01T09:00', '2026-03-01T08:45', 'onTime', null],
    ['city', '2026-03-01T10:45', null, 'overdue', 75],
  ]],
  ['an occurrence recorded as a day runs from 24:00 of it: only certain lateness counts', 'general', '2026-02-27', { county: '2026-02-27T23:50' }, [
    ['county', '2026-02-28T01:00', '2026-02-27T23:50', 'onTime', null],
    ['city', '2026-02-28T01:50', null, 'overdue', 2050],
  ]],
];

describe('reportingStatus (国务院令第493号第九条、第十条)', () => {
  it.each(cases)('%s', (_label, grade, occurredAt, reports, expected) => {
    const status = reportingStatus({ grade, occurredAt, reports, now });
    expect(status.levels.map((l) => [l.level, l.deadline, l.reportedAt, l.state, l.minutesLate])).toEqual(expected);
  });

  it('the required levels follow the current grade: a 补报 raising 一般 to 较大 asks for the province', () => {
    const reports = { county: '2026-03-01T08:30', city: '2026-03-01T10:00' };
    const before = reportingStatus({ grade: 'general', occurredAt: '2026-03-01T08:00', reports, now });
    const after = reportingStatus({ grade: 'larger', occurredAt: '2026-03-01T08:00', reports, now });
    expect(before.levels.map((l) => l.level)).toEqual(['county', 'city']);
    expect(after.levels.map((l) => [l.level, l.deadline, l.state])).toEqual([
      ['county', '2026-03-01T09:00', 'onTime'], ['city', '2026-03-01T10:30', 'onTime'], ['province', '2026-03-01T12:00', 'pending'],
    ]);
  });

  it('says whether the occurrence has a time', () => {
    expect(reportingStatus({ grade: 'general', occurredAt: '2026-03-01T08:00', reports: {}, now }).occurredAtExact).toBe(true);
    expect(reportingStatus({ grade: 'general', occurredAt: '2026-03-01', reports: {}, now }).occurredAtExact).toBe(false);
  });

  it('limits are 1 hour for the unit and 2 hours for each level above', () => {
    const { levels } = reportingStatus({ grade: 'major', occurredAt: '2026-03-01T08:00', reports: {}, now });
    expect(levels.map((l) => l.limitHours)).toEqual([1, 2, 2, 2]);
  });
});

describe('checkReportTimes', () => {
  it.each<[string, string, ReportTimes, string | null]>([
    ['times in order', '2026-03-01T08:00', { county: '2026-03-01T08:30', city: '2026-03-01T10:00' }, null],
    ['equal times are in order', '2026-03-01T08:00', { county: '2026-03-01T08:00', city: '2026-03-01T08:00' }, null],
    ['nothing recorded', '2026-03-01T08:00', {}, null],
    ['before the accident', '2026-03-01T08:00', { county: '2026-03-01T07:59' }, '县级报告时间不能早于事故发生时间。'],
    ['before the level below', '2026-03-01T08:00', { county: '2026-03-01T09:00', city: '2026-03-01T08:30' }, '市级报告时间不能早于县级报告时间（逐级上报）。'],
    ['before the nearest recorded level below', '2026-03-01T08:00', { county: '2026-03-01T09:00', province: '2026-03-01T08:59' }, '省级报告时间不能早于县级报告时间（逐级上报）。'],
    ['after now', '2026-03-01T08:00', { county: '2026-03-01T12:01' }, '县级报告时间不能晚于现在。'],
    ['not a time', '2026-03-01T08:00', { stateCouncil: '2026-13-01T08:00' }, '国务院报告时间不是有效的时间。'],
    ['a day-only occurrence: earlier that day is fine', '2026-02-27', { county: '2026-02-27T00:10' }, null],
    ['a day-only occurrence: the day before is not', '2026-02-27', { county: '2026-02-26T23:59' }, '县级报告时间不能早于事故发生时间。'],
  ])('%s', (_label, occurredAt, reports, expected) => {
    expect(checkReportTimes(occurredAt, reports, now)).toBe(expected);
  });
});

describe('reportStateText', () => {
  it.each<[Parameters<typeof reportStateText>[0], string]>([
    [{ state: 'onTime', minutesLate: null }, '按时'],
    [{ state: 'late', minutesLate: 25 }, '迟报 25 分钟'],
    [{ state: 'pending', minutesLate: null }, '未报告'],
    [{ state: 'overdue', minutesLate: 90 }, '已超时'],
    [{ state: 'notRequired', minutesLate: null }, '本等级不要求'],
  ])('%o', (report, text) => {
    expect(reportStateText(report)).toBe(text);
  });
});

// The register files an accident under a year and month by the text of its time, in China time.
describe('chinaOccurrence', () => {
  it.each([
    ['2014-06-17', '2014-06-17'],
    ['2014-06-17T08:30', '2014-06-17T08:30'],
    ['2014-06-17T08:30:15', '2014-06-17T08:30:15'],
    ['2013-12-31T20:00Z', '2014-01-01T04:00'],
    ['2013-12-31T20:00:05Z', '2014-01-01T04:00:05'],
    ['2013-12-31T20:00:05.250Z', '2014-01-01T04:00:05.250'],
    ['2014-01-01T01:00+09:00', '2014-01-01T00:00'],
    ['2014-01-01T03:00-05:00', '2014-01-01T16:00'],
  ])('%s → %s', (given, stored) => {
    expect(chinaOccurrence(given)).toBe(stored);
  });

  it.each(['2014-02-30', '2014-13-01T08:00', '2014-06-17T24:00', '17/06/2014'])('refuses %s', (given) => {
    expect(() => chinaOccurrence(given)).toThrow(RangeError);
  });
});

describe('occurrenceInFuture', () => {
  // 2026-12-07 01:30 China time is still 2026-12-06 in UTC.
  const now = new Date('2026-12-06T17:30:00Z');
  it.each<[string, string | null]>([
    ['2026-12-07', null],
    ['2026-12-07T01:00', null],
    ['2026-12-07T01:30', null],
    ['2026-12-07T01:31', '事故发生时间不能晚于现在。'],
    ['2026-12-08', '事故发生时间不能晚于今天。'],
    ['2026-12-06T17:00Z', null],
    ['2026-12-06T18:00Z', '事故发生时间不能晚于现在。'],
  ])('%s', (occurredAt, problem) => {
    expect(occurrenceInFuture(occurredAt, now)).toBe(problem);
  });
});
