import { describe, expect, it } from 'vitest';
import type { TipProgress } from '../../../../src/domain/ledgers/tip/tip-handling.ts';
import {
  checkTipExtension, checkTipReply, checkTipRewardDecision, checkTipVerification, tipStage,
} from '../../../../src/domain/ledgers/tip/tip-handling.ts';

const received: TipProgress = {
  receivedOn: '2026-03-01', assignedUnitId: null, extensionApproved: false, verifiedOn: null, verified: null,
  repliedOn: null, reporterReachable: true, rewardDecided: false,
};
const assigned: TipProgress = { ...received, assignedUnitId: 'town' };
const verified: TipProgress = { ...assigned, verifiedOn: '2026-03-20', verified: true };
const replied: TipProgress = { ...verified, repliedOn: '2026-03-25' };

describe('the stage of a tip', () => {
  it.each([
    [received, 'received'], [assigned, 'assigned'], [verified, 'verified'], [replied, 'replied'],
  ] as const)('%#: %s', (tip, stage) => expect(tipStage(tip)).toBe(stage));
});

describe('extension: once, before verification, within the 60 days (安监总财〔2012〕63号第十一条第六项)', () => {
  it('is allowed on the last day of the handling period and refused the day after', () => {
    expect(checkTipExtension(assigned, '2026-04-30')).toBeNull();
    expect(checkTipExtension(assigned, '2026-05-01')).toMatchObject({ code: 'tip.timeOrder', messageZh: expect.stringContaining('2026-04-30') });
  });
  it('is refused a second time and after verification', () => {
    expect(checkTipExtension({ ...assigned, extensionApproved: true }, '2026-03-10')).toMatchObject({ code: 'tip.wrongOrder', messageZh: expect.stringContaining('只能延期一次') });
    expect(checkTipExtension(verified, '2026-03-21')).toMatchObject({ code: 'tip.wrongOrder' });
  });
});

describe('verification', () => {
  it('needs the tip assigned first', () => {
    expect(checkTipVerification(received, '2026-03-10')).toMatchObject({ code: 'tip.wrongOrder', messageZh: '举报尚未交办，不能登记核查结果。' });
    expect(checkTipVerification(assigned, '2026-03-10')).toBeNull();
  });
  it('is recorded once and not before the day of receipt', () => {
    expect(checkTipVerification(verified, '2026-03-21')).toMatchObject({ code: 'tip.wrongOrder', messageZh: expect.stringContaining('2026-03-20') });
    expect(checkTipVerification(assigned, '2026-02-28')).toMatchObject({ code: 'tip.timeOrder' });
    expect(checkTipVerification(assigned, '2026-03-01')).toBeNull();
  });
});

describe('reply: the result of the verification (第十条第三项)', () => {
  it('follows the verification, once, not before it', () => {
    expect(checkTipReply(assigned, '2026-03-10')).toMatchObject({ code: 'tip.wrongOrder', messageZh: expect.stringContaining('尚未核查') });
    expect(checkTipReply(verified, '2026-03-19')).toMatchObject({ code: 'tip.timeOrder' });
    expect(checkTipReply(verified, '2026-03-20')).toBeNull();
    expect(checkTipReply(replied, '2026-03-26')).toMatchObject({ code: 'tip.wrongOrder' });
  });
  it('cannot reach an anonymous reporter who left no contact', () => {
    expect(checkTipReply({ ...verified, reporterReachable: false }, '2026-03-21')).toMatchObject({ code: 'tip.wrongOrder', messageZh: expect.stringContaining('匿名') });
  });
});

describe('reward decision', () => {
  it('is taken after verification, once', () => {
    expect(checkTipRewardDecision(assigned)).toMatchObject({ code: 'tip.wrongOrder' });
    expect(checkTipRewardDecision(verified)).toBeNull();
    expect(checkTipRewardDecision({ ...verified, rewardDecided: true })).toMatchObject({ code: 'tip.wrongOrder' });
  });
});
