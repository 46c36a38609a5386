import { describe, expect, it } from 'vitest';
import type { HazardCard } from '../../../../src/domain/ledgers/hazard/hazard-card.ts';
import type { HazardEscalationConfig } from '../../../../src/domain/ledgers/hazard/hazard-deadlines.ts';
import { hazardDeadlineStatus, hazardEscalation } from '../../../../src/domain/ledgers/hazard/hazard-deadlines.ts';

function card(over: Partial<HazardCard>): HazardCard {
  return {
    id: 'hz-1',
    enterpriseId: 'ent-1',
    territorialUnitId: 'town-1',
    regulatingUnitId: 'dept-1',
    sector: '建筑施工',
    foundOn: '2024-03-01',
    foundWay: 'inspection',
    foundBy: '张三',
    place: '塔吊',
    description: '塔吊限位失效',
    photosBefore: [],
    state: 'rectifying',
    grade: 'general',
    gradedOn: '2024-03-02',
    rectification: { measures: 'm', responsiblePerson: 'p', deadline: '2024-03-31' },
    photosAfter: [],
    enforcementDocumentNumbers: [],
    returnCount: 0,
    lastActionAt: '2024-03-02T00:00:00.000Z',
    ...over,
  };
}

const config: HazardEscalationConfig = {
  supervisionWhenOverdueDays: 1,
  listedSupervision: { governmentLevel: 'county', whenOverdueDays: 15, onceGradedMajor: false },
};

describe('hazardDeadlineStatus', () => {
  it.each([
    // China time: 2024-03-31T15:59:59Z is still 03-31; 16:00Z is 04-01.
    ['on the deadline day', 'rectifying', '2024-03-31T15:59:59Z', false, 0],
    ['first minute of the day after (China time)', 'rectifying', '2024-03-31T16:00:00Z', true, 1],
    ['ten days after', 'rectifying', '2024-04-10T01:00:00Z', true, 10],
    ['waiting for acceptance stops the clock', 'acceptanceApplied', '2024-04-10T01:00:00Z', false, 0],
    ['graded, no deadline yet', 'graded', '2024-04-10T01:00:00Z', false, 0],
  ] as const)('%s', (_label, state, now, overdue, days) => {
    const c = state === 'graded' ? card({ state, rectification: undefined }) : card({ state });
    const s = hazardDeadlineStatus(c, now);
    expect(s.rectificationOverdue).toBe(overdue);
    expect(s.daysOverdue).toBe(days);
  });

  it('flags acceptance not made within 10 days of the application', () => {
    const c = card({ state: 'acceptanceApplied', acceptanceAppliedOn: '2024-03-20', acceptanceDueOn: '2024-03-30' });
    expect(hazardDeadlineStatus(c, '2024-03-30T10:00:00Z')).toMatchObject({ acceptanceOverdue: false, acceptanceDaysOverdue: 0 });
    expect(hazardDeadlineStatus(c, '2024-04-02T10:00:00Z')).toMatchObject({ acceptanceOverdue: true, acceptanceDaysOverdue: 3 });
  });
});

describe('hazardEscalation', () => {
  it.each([
    ['general, not overdue', 'general', '2024-03-31T08:00:00Z', 'none', undefined],
    ['general, 1 day overdue → 督办', 'general', '2024-04-01T08:00:00Z', 'supervision', '2024-04-01'],
    ['general, 40 days overdue stays 督办', 'general', '2024-05-10T08:00:00Z', 'supervision', '2024-04-01'],
    ['major, 14 days overdue → 督办', 'major', '2024-04-14T08:00:00Z', 'supervision', '2024-04-01'],
    ['major, 15 days overdue → 挂牌督办', 'major', '2024-04-15T08:00:00Z', 'listedSupervision', '2024-04-15'],
  ] as const)('%s', (_label, grade, now, level, sinceOn) => {
    const e = hazardEscalation(card({ grade }), now, config);
    expect(e.level).toBe(level);
    expect(e.sinceOn).toBe(sinceOn);
  });

  it('names the government level from the config', () => {
    const e = hazardEscalation(card({ grade: 'major' }), '2024-04-20T08:00:00Z', {
      ...config,
      listedSupervision: { ...config.listedSupervision, governmentLevel: 'city' },
    });
    expect(e).toEqual({
      level: 'listedSupervision',
      sinceOn: '2024-04-15',
      byZh: '设区的市级人民政府挂牌督办',
      reasonZh: '重大隐患整改期限为2024-03-31，已逾期20日（满15日挂牌督办）。',
    });
  });

  it('lists a major hazard from its grading day when the config says so, even before its deadline', () => {
    const e = hazardEscalation(card({ grade: 'major' }), '2024-03-05T08:00:00Z', {
      ...config,
      listedSupervision: { ...config.listedSupervision, onceGradedMajor: true },
    });
    expect(e).toMatchObject({ level: 'listedSupervision', sinceOn: '2024-03-02', byZh: '县级人民政府挂牌督办' });
  });

  it('supervision can wait a number of days after the deadline', () => {
    const c = { ...config, supervisionWhenOverdueDays: 3 };
    expect(hazardEscalation(card({}), '2024-04-02T08:00:00Z', c).level).toBe('none');
    expect(hazardEscalation(card({}), '2024-04-03T08:00:00Z', c)).toMatchObject({ level: 'supervision', sinceOn: '2024-04-03' });
  });

  it('no escalation once accepted or closed', () => {
    expect(hazardEscalation(card({ state: 'closed', grade: 'major' }), '2024-09-01T00:00:00Z', config).level).toBe('none');
    expect(hazardEscalation(card({ state: 'accepted', grade: 'major' }), '2024-09-01T00:00:00Z', config).level).toBe('none');
  });

  it('rejects a config with a day count below 1', () => {
    expect(() => hazardEscalation(card({}), '2024-04-02T08:00:00Z', { ...config, supervisionWhenOverdueDays: 0 })).toThrow(RangeError);
  });
});
