import { describe, expect, it } from 'vitest';
import { compareTeamScore } from '../../../src/domain/assessment/team-score';
import { transitionCampaign } from '../../../src/domain/workflow/campaign-state';
import { buildCase } from './build-case';

describe('compareTeamScore', () => {
  const input = buildCase({}, { requireComplete: false });
  type Row = [string, Record<string, unknown>[], Record<string, unknown>, { mean: number | null; confirmed: number | null; differs: boolean }];
  // Points are hundredths; A1 is a deduction item (5 per occurrence), A2 manual with 缺项 allowed, B manual.
  const table: Row[] = [
    ['the mean of two manual scores needs no reason', [{ B: 60 }, { B: 50 }], { B: 55 }, { mean: 5500, confirmed: 5500, differs: false }],
    ['one member’s score, away from the mean, does', [{ B: 60 }, { B: 50 }], { B: 50 }, { mean: 5500, confirmed: 5000, differs: true }],
    ['a mean is rounded half up to hundredths', [{ B: 60 }, { B: 59.99 }, { B: 59.99 }], { B: 59.99 }, { mean: 5999, confirmed: 5999, differs: false }],
    ['deductions compare by their points, not their wording', [{ A1: { deductions: [{ times: 1, reason: '缺会议记录' }] } }, { A1: { deductions: [] } }],
      { A1: { deductions: [{ times: 1, reason: '会议记录不全' }] } }, { mean: 1750, confirmed: 1500, differs: true }],
    ['the same deductions in other words need no reason', [{ A1: { deductions: [{ times: 2, reason: '缺会议记录' }] } }, { A1: { deductions: [{ times: 2, reason: '记录不全' }] } }],
      { A1: { deductions: [{ times: 2, reason: '会议记录缺失两次' }] } }, { mean: 1000, confirmed: 1000, differs: false }],
    ['a member who did not score the item is left out of the mean', [{ B: 40 }, {}], { B: 40 }, { mean: 4000, confirmed: 4000, differs: false }],
    ['缺项 by every member and confirmed as 缺项', [{ A2: { notApplicable: true, reason: '无' } }, { A2: { notApplicable: true, reason: '无' } }],
      { A2: { notApplicable: true, reason: '无' } }, { mean: null, confirmed: null, differs: false }],
    ['缺项 confirmed where members gave points', [{ A2: 20 }, { A2: 10 }], { A2: { notApplicable: true, reason: '不适用' } },
      { mean: 1500, confirmed: null, differs: true }],
  ];
  it.each(table)('%s', (_name, members, confirmed, expected) => {
    const [row] = compareTeamScore(input, 't1', members as never, confirmed as never);
    expect(row).toMatchObject(expected);
  });

  it('ignores unknown units and criteria', () => {
    expect(compareTeamScore(input, 'nobody', [{ B: 1 }] as never, { B: 1 } as never)).toEqual([]);
    expect(compareTeamScore(input, 't1', [{ B: 1 }] as never, { Z: 1 } as never)).toEqual([]);
  });
});

describe('approval with undecided veto proposals', () => {
  const facts = { openObjections: 0, unscoredUnits: 0, unsignedAgreements: 0, pendingVetoProposals: [{ unitName: '王村镇政府', accidents: ['2014-06-17 某工地事故'] }] };
  const input = { role: 'committeeAdmin' as const, now: '2015-01-08T01:00:00.000Z', meeting: '区安委会2015年第1次会议', publicityDays: 7 };

  it('refuses approval and the request for it, naming the unit and the accident', () => {
    const approve = transitionCampaign({ ...facts, state: 'committeeApproval' }, { ...input, action: 'approve' });
    expect(approve).toMatchObject({ ok: false, code: 'precondition' });
    expect(!approve.ok && approve.message).toContain('王村镇政府（2014-06-17 某工地事故）');
    const submit = transitionCampaign({ ...facts, state: 'officeReview' }, { ...input, action: 'submitForApproval' });
    expect(submit).toMatchObject({ ok: false, code: 'precondition' });
  });

  it('allows them once every proposal is decided', () => {
    expect(transitionCampaign({ ...facts, pendingVetoProposals: [], state: 'committeeApproval' }, { ...input, action: 'approve' })).toMatchObject({ ok: true, to: 'publicity' });
  });
});
