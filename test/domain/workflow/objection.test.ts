import { describe, expect, it } from 'vitest';
import { publishBlockers, transitionCampaign, type CampaignFacts } from '../../../src/domain/workflow/campaign-state';
import { awaitsRevision, objectionStatus, revisionUnderWay, type ObjectionFacts } from '../../../src/domain/workflow/objection';

const o = (over: Partial<ObjectionFacts> = {}): ObjectionFacts => ({ answer: '经复核……', decision: null, revisedAt: null, ...over });

describe('objection decisions (申诉成立 / 不成立)', () => {
  it.each([
    ['not answered', o({ answer: null }), '待答复', false],
    ['answered before decisions were recorded', o(), '已答复', false],
    ['dismissed', o({ decision: 'dismissed' }), '申诉不成立', false],
    ['upheld, results not yet returned', o({ decision: 'upheld' }), '申诉成立，待退回重新评分', true],
    ['upheld, results returned for re-scoring', o({ decision: 'upheld', revisedAt: '2015-01-20T02:00:00.000Z' }), '申诉成立，已退回重新评分', false],
  ] as const)('%s: %s', (_name, facts, status, holdsUp) => {
    expect(objectionStatus(facts)).toBe(status);
    expect(awaitsRevision(facts)).toBe(holdsUp);
  });

  it.each([
    ['publicity', false],
    ['published', false],
    ['assessment', true],
    ['officeReview', true],
    ['committeeApproval', true],
  ] as const)('an objection upheld in %s is covered by re-scoring under way: %s', (state, covered) => {
    expect(revisionUnderWay(state)).toBe(covered);
  });
});

describe('publication after an upheld objection', () => {
  const ends = '2015-01-15T08:00:00.000Z';
  const after = '2015-01-16T08:00:00.000Z';
  const upheld = '1 件申诉经复核成立，须先退回重新评分，更正结果后重新审定并公示，不能按本次公示的结果发布';
  it.each([
    ['nothing upheld', { openObjections: 0, upheldObjections: 0 }, after, []],
    ['the count left out (no upheld objection known)', { openObjections: 0 }, after, []],
    ['one upheld, term over', { openObjections: 0, upheldObjections: 1 }, after, [upheld]],
    ['two upheld', { openObjections: 0, upheldObjections: 2 }, after, [upheld.replace('1 件', '2 件')]],
    ['upheld, one open, term running: every reason', { openObjections: 1, upheldObjections: 1 }, '2015-01-14T08:00:00.000Z', [
      '公示期至 2015-01-15 16:00 结束，期满后方可发布', '尚有 1 件申诉未答复，不能发布', upheld,
    ]],
  ] as const)('%s', (_name, facts, now, waiting) => {
    expect(publishBlockers({ publicityEndsAt: ends, ...facts }, now)).toEqual(waiting);
  });

  const facts = (over: Partial<CampaignFacts>): CampaignFacts => ({ state: 'publicity', publicityEndsAt: ends, openObjections: 0, unscoredUnits: 0, unsignedAgreements: 0, ...over });
  it('refuses publication with the same words, and offers the return for re-scoring from publicity', () => {
    expect(transitionCampaign(facts({ upheldObjections: 1 }), { action: 'publish', role: 'committeeAdmin', now: after })).toEqual({ ok: false, code: 'precondition', message: upheld });
    expect(transitionCampaign(facts({ upheldObjections: 1 }), { action: 'returnForRevision', role: 'committeeAdmin', now: after, reason: '王村镇申诉成立' }))
      .toMatchObject({ ok: true, to: 'assessment' });
    expect(transitionCampaign(facts({ upheldObjections: 0 }), { action: 'publish', role: 'committeeAdmin', now: after })).toMatchObject({ ok: true, to: 'published' });
  });
});
