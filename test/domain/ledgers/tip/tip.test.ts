import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tipDeadlines, tipReplyStatus } from '../../../../src/domain/ledgers/tip/tip-deadlines.ts';
import type { TipRewardInput } from '../../../../src/domain/ledgers/tip/tip-reward.ts';
import {
  checkDecidedReward,
  computeTipReward,
  fifteenPercentRounded,
  firstValidReport,
  rewardRegimeOn,
} from '../../../../src/domain/ledgers/tip/tip-reward.ts';

const base: TipRewardInput = { tipDate: '2018-01-04', subject: 'majorHazard', verified: true, firstValidReporter: true, fineYuan: 100000 };

describe('which rules apply on the tip date', () => {
  it.each([
    ['2012-05-01', null],
    ['2012-05-02', 'rules2012'],
    ['2017-12-31', 'rules2012'],
    ['2018-01-03', 'rules2012'],
    ['2018-01-04', 'rules2018'],
    ['2024-06-01', 'rules2018'],
  ])('%s → %s', (date, regime) => {
    expect(rewardRegimeOn(date)).toBe(regime);
  });
});

describe('rewards since 2018-01-04: 15% of the fine, 3000 to 300000', () => {
  it.each([
    // fine → 15% (half up) → clamped
    [0, 3000, '举报重大事故隐患，罚款0元的15%为0元（四舍五入到元），低于最低额，按3000元。'],
    [19999, 3000, '举报重大事故隐患，罚款19999元的15%为3000元（四舍五入到元）。'], // 2999.85 → 3000
    [19996, 3000, '举报重大事故隐患，罚款19996元的15%为2999元（四舍五入到元），低于最低额，按3000元。'], // 2999.4 → 2999
    [20000, 3000, '举报重大事故隐患，罚款20000元的15%为3000元（四舍五入到元）。'],
    [20010, 3002, '举报重大事故隐患，罚款20010元的15%为3002元（四舍五入到元）。'], // 3001.5 → 3002
    [100000, 15000, '举报重大事故隐患，罚款100000元的15%为15000元（四舍五入到元）。'],
    [2000000, 300000, '举报重大事故隐患，罚款2000000元的15%为300000元（四舍五入到元）。'],
    [2000004, 300000, '举报重大事故隐患，罚款2000004元的15%为300001元（四舍五入到元），超过最高额，按300000元。'], // 300000.6 → 300001
  ])('fine %i → %i', (fineYuan, amount, detailZh) => {
    expect(computeTipReward({ ...base, fineYuan })).toEqual({
      ok: true,
      regime: 'rules2018',
      eligible: true,
      amountYuan: amount,
      minYuan: amount,
      maxYuan: amount,
      detailZh,
      basisZh: '安全生产领域举报奖励办法（安监总财〔2018〕19号）',
    });
  });

  it.each([
    ['general', 1, 30000],
    ['larger', 3, 120000],
    ['major', 5, 250000],
    ['major', 6, 300000], // 300000 exactly
    ['major', 7, 300000], // 350000 capped
    ['especiallyMajor', 5, 300000],
    ['especiallyMajor', 4, 240000],
  ] as const)('concealed %s accident, %i deaths → %i', (accidentGrade, concealedDeaths, amount) => {
    const r = computeTipReward({ ...base, subject: 'concealedAccident', accidentGrade, concealedDeaths });
    expect(r.ok && r.eligible && r.amountYuan).toBe(amount);
  });

  it('explains a capped concealed-death reward', () => {
    const r = computeTipReward({ ...base, subject: 'concealedAccident', accidentGrade: 'major', concealedDeaths: 7 });
    expect(r.ok && r.eligible && r.detailZh).toBe('重大事故每查实瞒报、谎报1人奖励50000元，7人计350000元，超过最高额，按300000元。');
  });

  it('no concealed death verified → no amount', () => {
    const r = computeTipReward({ ...base, subject: 'concealedAccident', accidentGrade: 'general', concealedDeaths: 0 });
    expect(r).toMatchObject({ ok: true, eligible: false });
  });

  it.each([
    [{ ...base, fineYuan: undefined }, 'tip.missingData'],
    [{ ...base, fineYuan: -1 }, 'tip.missingData'],
    [{ ...base, fineYuan: 100.5 }, 'tip.missingData'],
    [{ ...base, subject: 'concealedAccident' as const, fineYuan: undefined, concealedDeaths: 2 }, 'tip.missingData'],
    [{ ...base, subject: 'concealedAccident' as const, accidentGrade: 'general' as const }, 'tip.missingData'],
    [{ ...base, tipDate: '2018-02-30' }, 'tip.invalidDate'],
  ])('refuses incomplete input %#', (input, code) => {
    expect(computeTipReward(input)).toMatchObject({ ok: false, code });
  });

  it('property: the amount is a whole number of yuan within [3000, 300000] and never decreases with the fine', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1000 }), (fine, more) => {
        const a = computeTipReward({ ...base, fineYuan: fine });
        const b = computeTipReward({ ...base, fineYuan: fine + more });
        if (!a.ok || !a.eligible || !b.ok || !b.eligible) throw new Error('expected rewards');
        expect(Number.isInteger(a.amountYuan)).toBe(true);
        expect(a.amountYuan!).toBeGreaterThanOrEqual(3000);
        expect(a.amountYuan!).toBeLessThanOrEqual(300000);
        expect(b.amountYuan!).toBeGreaterThanOrEqual(a.amountYuan!);
        expect(Math.abs(fifteenPercentRounded(fine) - fine * 0.15)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

describe('rewards before 2018 (安监总财〔2012〕63号)', () => {
  it('a verified 重大隐患 or illegal production on 2018-01-03: a range of 1000 to 10000', () => {
    for (const subject of ['majorHazard', 'illegalProduction'] as const) {
      const r = computeTipReward({ ...base, tipDate: '2018-01-03', subject });
      expect(r).toMatchObject({ ok: true, regime: 'rules2012', eligible: true, minYuan: 1000, maxYuan: 10000 });
      expect(r.ok && r.eligible && r.amountYuan).toBeUndefined();
    }
  });

  it.each([
    ['general', 3000, 5000],
    ['larger', 5000, 10000],
    ['major', 10000, 20000],
    ['especiallyMajor', 30000, 30000],
  ] as const)('concealed %s accident: %i to %i', (accidentGrade, min, max) => {
    const r = computeTipReward({ ...base, tipDate: '2014-07-01', subject: 'concealedAccident', accidentGrade });
    expect(r).toMatchObject({ ok: true, regime: 'rules2012', eligible: true, minYuan: min, maxYuan: max });
  });

  it('the same tip is worth 1000–10000 on 2018-01-03 and 15000 on 2018-01-04', () => {
    const before = computeTipReward({ ...base, tipDate: '2018-01-03' });
    const after = computeTipReward({ ...base, tipDate: '2018-01-04' });
    expect(before.ok && before.eligible && [before.minYuan, before.maxYuan]).toEqual([1000, 10000]);
    expect(after.ok && after.eligible && after.amountYuan).toBe(15000);
  });

  it.each([
    [999, false],
    [1000, true],
    [10000, true],
    [10001, false],
    [5000.5, false],
  ])('a decided amount of %s is within the range: %s', (amount, within) => {
    const r = computeTipReward({ ...base, tipDate: '2015-03-01' });
    expect(checkDecidedReward(r, amount) === null).toBe(within);
  });

  it('refuses tips before the 2012 rules took effect', () => {
    expect(computeTipReward({ ...base, tipDate: '2012-05-01' })).toMatchObject({ ok: false, code: 'tip.rulesNotCovered' });
  });
});

describe('who is paid', () => {
  it.each([
    [{ verified: false }, '举报事项未经核查属实，不予奖励。'],
    [{ firstValidReporter: false }, '同一事项已有最先有效举报人，仅奖励最先有效举报的举报人。'],
  ])('no reward: %j', (over, reasonZh) => {
    expect(computeTipReward({ ...base, ...over })).toEqual({ ok: true, regime: 'rules2018', eligible: false, reasonZh });
  });

  it('firstValidReport picks the earliest valid report, ties by id', () => {
    expect(
      firstValidReport([
        { id: 't3', receivedAt: '2024-01-01T01:00:00Z', valid: false },
        { id: 't2', receivedAt: '2024-01-01T02:00:00Z', valid: true },
        { id: 't1', receivedAt: '2024-01-01T02:00:00Z', valid: true },
        { id: 't0', receivedAt: '2024-01-02T00:00:00Z', valid: true },
      ]),
    ).toBe('t1');
    expect(firstValidReport([{ id: 'x', receivedAt: '2024-01-01T00:00:00Z', valid: false }])).toBeNull();
  });
});

describe('reply deadlines', () => {
  it.each([
    // received, extension, verified → handling due, reply due
    [{ receivedOn: '2024-01-01' }, '2024-03-01', '2024-03-01'], // 2024 is a leap year: 01-01 + 60 = 03-01
    [{ receivedOn: '2024-01-01', extensionApproved: true }, '2024-03-31', '2024-03-31'],
    [{ receivedOn: '2024-01-01', verifiedOn: '2024-01-15' }, '2024-03-01', '2024-01-25'],
    [{ receivedOn: '2024-01-01', verifiedOn: '2024-02-25' }, '2024-03-01', '2024-03-01'],
  ])('%j', (tip, handlingDueOn, replyDueOn) => {
    expect(tipDeadlines(tip)).toEqual({ handlingDueOn, replyDueOn });
  });

  it.each([
    [{ receivedOn: '2024-01-01', verifiedOn: '2024-01-15', repliedOn: '2024-01-25' }, '2024-02-01T00:00:00Z', 'answeredOnTime'],
    [{ receivedOn: '2024-01-01', verifiedOn: '2024-01-15', repliedOn: '2024-01-26' }, '2024-02-01T00:00:00Z', 'answeredLate'],
    [{ receivedOn: '2024-01-01', verifiedOn: '2024-01-15' }, '2024-01-25T15:59:59Z', 'pending'],
    [{ receivedOn: '2024-01-01', verifiedOn: '2024-01-15' }, '2024-01-25T16:00:00Z', 'overdue'],
    [{ receivedOn: '2024-01-01', reporterReachable: false }, '2024-12-01T00:00:00Z', 'noReplyNeeded'],
  ])('%j at %s → %s', (tip, now, status) => {
    expect(tipReplyStatus(tip, now)).toBe(status);
  });

  it('takes local rules as a parameter', () => {
    expect(tipDeadlines({ receivedOn: '2024-01-01' }, { handleWithinDays: 15, extensionDays: 15, replyWithinDaysAfterVerification: 3 })).toEqual({
      handlingDueOn: '2024-01-16',
      replyDueOn: '2024-01-16',
    });
  });
});
