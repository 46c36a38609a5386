import { describe, expect, it } from 'vitest';
import type { TipView } from '../../src/shared/schemas/tip';
import { tipActions } from '../../src/web/pages/tips/tip-actions';

const base: TipView = {
  id: 't', channel: 'phoneLine', channelLabel: '举报电话', anonymous: false, reporter: null, receivedAt: '2026-03-01T01:00:00.000Z', receivedOn: '2026-03-01',
  subject: 'illegalProduction', enterpriseId: null, place: null, description: '举报', assignedUnitId: null, handlingDueOn: '2026-04-30', replyDueOn: '2026-04-30',
  replyStatus: 'pending', stage: 'received', stageLabel: '已受理', extension: null, verification: null, reply: null, hazardId: null, reward: null, version: 1,
};
const office = { office: true, mayManage: true };
const unit = { office: false, mayManage: true };
const verification = { verified: true, verifiedOn: '2026-03-05', findings: '属实', fineYuan: null, accidentGrade: null, concealedDeaths: null };

describe('the handling steps a tip offers', () => {
  it('received: only the office assigns it', () => {
    expect(tipActions(base, office, '2026-03-02')).toEqual(['assign']);
    expect(tipActions(base, unit, '2026-03-02')).toEqual([]);
  });

  it('assigned: the office may reassign or extend (within the 60 days), the unit verifies', () => {
    const assigned = { ...base, assignedUnitId: 'u', stage: 'assigned' as const };
    expect(tipActions(assigned, office, '2026-03-02')).toEqual(['assign', 'extend', 'verify']);
    expect(tipActions(assigned, office, '2026-05-01')).toEqual(['assign', 'verify']);
    expect(tipActions(assigned, unit, '2026-03-02')).toEqual(['verify']);
  });

  it('verified: the reply and the reward; an anonymous reporter gets no reply', () => {
    const verified = { ...base, assignedUnitId: 'u', stage: 'verified' as const, verification };
    expect(tipActions(verified, office, '2026-03-06')).toEqual(['reply', 'reward']);
    expect(tipActions(verified, unit, '2026-03-06')).toEqual(['reply']);
    expect(tipActions({ ...verified, anonymous: true, replyStatus: 'noReplyNeeded' }, office, '2026-03-06')).toEqual(['reward']);
  });

  it('replied with the reward decided: nothing is left', () => {
    const done = {
      ...base, assignedUnitId: 'u', stage: 'replied' as const, verification, reply: { repliedOn: '2026-03-07', text: '已答复' },
      reward: { decided: true, eligible: false, amountYuan: null, minYuan: null, maxYuan: null, detail: '', basis: null, decidedOn: '2026-03-08' },
    };
    expect(tipActions(done, office, '2026-03-09')).toEqual([]);
  });
});
