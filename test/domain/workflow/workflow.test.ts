import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/access/roles';
import { loadCase } from '../../../src/cli/load-case';
import { checkAccidentUpdate } from '../../../src/domain/workflow/accident-update';
import { transitionAgreement } from '../../../src/domain/workflow/agreement-state';
import {
  campaignStates, campaignTransitions, chinaMinute, objectionRefusal, publicityEnd, publishBlockers, transitionCampaign, type CampaignAction, type CampaignFacts,
} from '../../../src/domain/workflow/campaign-state';
import {
  firstOpenMonth, graceDaysOf, graceDaysText, monthEnded, monthsToFix, reportDeadline, reportStatus, validGraceDays,
} from '../../../src/domain/workflow/monthly-report';
import { selfAssessmentEditable, transitionSelfAssessment } from '../../../src/domain/workflow/self-assessment-state';
import { vetoProposals } from '../../../src/domain/workflow/veto-proposals';

const facts = (over: Partial<CampaignFacts> = {}): CampaignFacts => ({ state: 'preparation', openObjections: 0, unscoredUnits: 0, unsignedAgreements: 0, ...over });
const now = '2015-01-10T08:00:00.000Z';

describe('campaign life cycle', () => {
  it('walks every state from preparation to published', () => {
    const path: [CampaignAction, Record<string, unknown>][] = [
      ['openSigning', {}], ['startYear', {}], ['openSelfAssessment', {}], ['startAssessment', {}], ['submitForReview', {}],
      ['submitForApproval', {}], ['approve', { meeting: '区安委会2015年第1次会议', publicityDays: 5 }], ['publish', {}],
    ];
    let state = facts();
    const visited = [state.state];
    for (const [action, extra] of path) {
      const outcome = transitionCampaign(state, { action, role: 'committeeAdmin', now, ...extra });
      expect(outcome).toMatchObject({ ok: true });
      if (!outcome.ok) return;
      state = { ...state, state: outcome.to };
      visited.push(outcome.to);
    }
    expect(visited).toEqual([...campaignStates]);
  });

  it.each(['leader', 'assessor', 'unitLiaison'] as Role[])('refuses every transition to %s', (role) => {
    for (const [action, rule] of Object.entries(campaignTransitions)) {
      const outcome = transitionCampaign(facts({ state: rule.from[0]! }), { action: action as CampaignAction, role, now, meeting: 'x', publicityDays: 5, reason: 'x' });
      expect(outcome).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('refuses out of order with the states named', () => {
    expect(transitionCampaign(facts(), { action: 'publish', role: 'committeeAdmin', now })).toEqual({
      ok: false, code: 'invalidState', message: '当前状态为“准备”，不能发布通报（只能在“结果公示”时进行）',
    });
  });

  it.each([
    [facts({ state: 'signing', unsignedAgreements: 3 }), { action: 'startYear' }, '尚有 3 个单位未签订责任书'],
    [facts({ state: 'assessment', unscoredUnits: 2 }), { action: 'submitForReview' }, '尚有 2 个单位未完成考核组评分确认'],
    [facts({ state: 'committeeApproval' }), { action: 'approve', publicityDays: 5 }, '请填写审定会议'],
    [facts({ state: 'committeeApproval' }), { action: 'approve', meeting: '会议', publicityDays: 0 }, '公示天数应为 1 至 30 的整数'],
    [facts({ state: 'publicity', publicityEndsAt: '2015-01-15T08:00:00.000Z' }), { action: 'publish' }, '公示期至 2015-01-15 16:00 结束'],
    [facts({ state: 'publicity', openObjections: 1 }), { action: 'publish' }, '尚有 1 件申诉未答复'],
    [facts({ state: 'publicity' }), { action: 'returnForRevision' }, '请填写退回理由'],
  ] as const)('checks preconditions: %#', (state, input, message) => {
    const outcome = transitionCampaign(state, { role: 'committeeAdmin', now, ...input } as Parameters<typeof transitionCampaign>[1]);
    expect(outcome).toMatchObject({ ok: false, code: 'precondition' });
    if (!outcome.ok) expect(outcome.message).toContain(message);
  });

  it('names every reason publication waits, the same words the refusal gives', () => {
    const ends = '2015-01-15T08:00:00.000Z';
    expect(transitionCampaign(facts({ state: 'publicity', publicityEndsAt: ends, openObjections: 2 }), { action: 'publish', role: 'committeeAdmin', now })).toEqual({
      ok: false, code: 'precondition', message: '公示期至 2015-01-15 16:00 结束，期满后方可发布；尚有 2 件申诉未答复，不能发布',
    });
    expect(publishBlockers({ publicityEndsAt: ends, openObjections: 0 }, now)).toEqual(['公示期至 2015-01-15 16:00 结束，期满后方可发布']);
    expect(publishBlockers({ publicityEndsAt: ends, openObjections: 1 }, ends)).toEqual(['尚有 1 件申诉未答复，不能发布']);
    expect(publishBlockers({ publicityEndsAt: ends, openObjections: 0 }, ends)).toEqual([]);
    expect(publishBlockers({ publicityEndsAt: null, openObjections: 0 }, now)).toEqual([]);
  });

  it.each([
    ['publicity', '2015-01-15T08:00:00.000Z', '2015-01-15T07:59:59.999Z', null],
    ['publicity', '2015-01-15T08:00:00.000Z', '2015-01-15T08:00:00.000Z', '公示期已于 2015-01-15 16:00 结束，不能再提出申诉'],
    ['publicity', null, now, null],
    ['committeeApproval', null, now, '只能在结果公示期间提出申诉'],
    ['published', '2015-01-15T08:00:00.000Z', '2015-01-10T08:00:00.000Z', '只能在结果公示期间提出申诉'],
  ] as const)('申诉 may be filed in %s until its term ends: %#', (state, ends, at, refusal) => {
    expect(objectionRefusal(state, ends, at)).toBe(refusal);
  });

  it('shows instants in China time, across midnight', () => {
    expect(chinaMinute('2015-01-15T16:30:00.000Z')).toBe('2015-01-16 00:30');
  });

  it('publishes once publicity has run its term', () => {
    const ends = publicityEnd('2015-01-05T08:00:00.000Z', 5);
    expect(ends).toBe('2015-01-10T08:00:00.000Z');
    expect(transitionCampaign(facts({ state: 'publicity', publicityEndsAt: ends }), { action: 'publish', role: 'committeeAdmin', now: ends })).toMatchObject({ ok: true, to: 'published' });
  });
});

describe('agreements', () => {
  const signing = { signedOn: '2014-01-20', unitPrincipal: '张某', unitDeputy: '李某', governmentSignatory: '王某', scannedFileId: 'f1' };
  it('signs with every signatory, the date and the scanned copy', () => {
    expect(transitionAgreement('issued', 'sign', 'unitLiaison', signing, 2014)).toMatchObject({ ok: true, to: 'signed' });
    const outcome = transitionAgreement('issued', 'sign', 'committeeAdmin', { signedOn: '2014-01-20' }, 2014);
    expect(outcome).toMatchObject({ ok: false, message: '登记签订还缺少：单位主要负责人、单位分管负责人、政府方签订人、签订文本扫描件' });
    expect(transitionAgreement('issued', 'sign', 'committeeAdmin', { ...signing, signedOn: '2011-01-01' }, 2014)).toMatchObject({ ok: false });
  });
  it('gates issue and archive to the office', () => {
    expect(transitionAgreement('drafted', 'issue', 'unitLiaison')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(transitionAgreement('signed', 'archive', 'committeeAdmin')).toMatchObject({ ok: true, to: 'archived' });
    expect(transitionAgreement('drafted', 'archive', 'committeeAdmin')).toMatchObject({ ok: false, code: 'invalidState' });
  });
});

describe('self-assessment lock', () => {
  it('locks on submit and unlocks when returned', () => {
    expect(transitionSelfAssessment('draft', 'submit', 'unitLiaison')).toMatchObject({ ok: true, to: 'submitted' });
    expect(selfAssessmentEditable('submitted')).toEqual({ ok: false, message: '自评已提交并锁定，如需修改请联系安委办退回' });
    expect(transitionSelfAssessment('submitted', 'return', 'unitLiaison')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(transitionSelfAssessment('submitted', 'return', 'committeeAdmin')).toMatchObject({ ok: true, to: 'returned' });
    expect(selfAssessmentEditable('returned')).toEqual({ ok: true });
  });
});

describe('monthly reports: due N days after month end (月报报送期限)', () => {
  it.each([
    // N = 0: the month's last day itself; February of a leap year (2016) and of a common one (2014, 2100).
    [2014, 1, 0, '2014-01-31'], [2014, 2, 0, '2014-02-28'], [2016, 2, 0, '2016-02-29'], [2100, 2, 0, '2100-02-28'], [2014, 12, 0, '2014-12-31'],
    [2014, 1, 2, '2014-02-02'], [2014, 2, 2, '2014-03-02'], [2016, 2, 2, '2016-03-02'], [2014, 4, 2, '2014-05-02'], [2014, 12, 2, '2015-01-02'],
    [2014, 2, 5, '2014-03-05'], [2016, 2, 5, '2016-03-05'], [2014, 4, 5, '2014-05-05'], [2014, 12, 5, '2015-01-05'], [2014, 12, 15, '2015-01-15'],
  ])('%i-%i with %i days → %s', (year, month, grace, expected) => {
    expect(reportDeadline(year, month, grace)).toBe(expected);
  });
  it.each([
    [2, null, '2014-05-31', 'notDue'], [2, null, '2014-06-01', 'due'], [2, null, '2014-06-02', 'due'], [2, null, '2014-06-03', 'missing'],
    [2, '2014-06-02', '2014-07-01', 'onTime'], [2, '2014-06-03', '2014-07-01', 'late'],
    [0, null, '2014-05-31', 'notDue'], [0, null, '2014-06-01', 'missing'], [0, '2014-05-31', '2014-06-01', 'onTime'], [0, '2014-06-01', '2014-06-01', 'late'],
    [5, null, '2014-06-05', 'due'], [5, null, '2014-06-06', 'missing'], [5, '2014-06-05', '2014-07-01', 'onTime'], [5, '2014-06-06', '2014-07-01', 'late'],
  ])('May report with %i days, submitted %s, today %s → %s', (grace, submitted, today, status) => {
    expect(reportStatus(2014, 5, submitted, today, grace)).toBe(status);
  });
  it.each([
    // December's report falls due in January of the next year.
    [2, null, '2014-12-31', 'notDue'], [2, null, '2015-01-02', 'due'], [2, null, '2015-01-03', 'missing'], [2, '2015-01-02', '2015-02-01', 'onTime'],
    [0, null, '2015-01-01', 'missing'], [5, '2015-01-05', '2015-02-01', 'onTime'], [5, '2015-01-06', '2015-02-01', 'late'],
  ])('December report with %i days, submitted %s, today %s → %s', (grace, submitted, today, status) => {
    expect(reportStatus(2014, 12, submitted, today, grace)).toBe(status);
  });
  it('leaves 2016-02 (leap) due on 03-01 with one day, 2014-02 on 03-01 too', () => {
    expect(reportStatus(2016, 2, null, '2016-03-01', 1)).toBe('due');
    expect(reportStatus(2016, 2, null, '2016-02-29', 1)).toBe('notDue');
    expect(reportStatus(2014, 2, null, '2014-03-01', 1)).toBe('due');
    expect(reportStatus(2014, 2, null, '2014-03-02', 1)).toBe('missing');
  });
  it('says the rule in words', () => {
    expect([0, 2, 5].map(graceDaysText)).toEqual(['月末后当日', '月末后 2 日内', '月末后 5 日内']);
    expect([0, 15, 2].every(validGraceDays)).toBe(true);
    expect([-1, 16, 1.5, null, '2'].some(validGraceDays)).toBe(false);
  });
  it('keeps each ended month at the rule it fell due under', () => {
    // Changed on 2014-03-01: January and February have ended (February is still 待报送 under 2 days) and keep it.
    expect(monthsToFix(2014, '2014-03-01', new Map())).toEqual([1, 2]);
    expect(monthsToFix(2014, '2014-02-28', new Map())).toEqual([1]);
    expect(monthsToFix(2014, '2014-06-15', new Map([[1, 2], [2, 2]]))).toEqual([3, 4, 5]);
    expect(monthsToFix(2015, '2014-12-20', new Map())).toEqual([]);
    expect(monthsToFix(2014, '2015-01-01', new Map())).toHaveLength(12);
    const fixed = new Map([[1, 2], [2, 2]]);
    expect([1, 2, 3].map((m) => graceDaysOf(m, 5, fixed))).toEqual([2, 2, 5]);
    expect(monthEnded(2014, 2, '2014-02-28')).toBe(false);
    // The first month the new rule governs: the first not yet ended, none once December has.
    expect(firstOpenMonth(2014, '2014-03-01')).toBe(3);
    expect(firstOpenMonth(2014, '2013-12-31')).toBe(1);
    expect(firstOpenMonth(2014, '2014-12-31')).toBe(12);
    expect(firstOpenMonth(2014, '2015-01-01')).toBeNull();
    expect(monthEnded(2014, 2, '2014-03-01')).toBe(true);
  });
});

describe('accident figure updates (国务院令第493号第十三条)', () => {
  it.each([
    ['construction', '2014-07-01', false], ['construction', '2014-07-02', true],
    ['road-traffic', '2014-06-08', false], ['road-traffic', '2014-06-09', true], ['fire', '2014-06-09', true],
  ])('%s accident of 2014-06-01 changed on %s: late %s', (sector, changed, late) => {
    expect(checkAccidentUpdate('2014-06-01', changed, sector).late).toBe(late);
  });
});

describe('veto proposals from accidents', () => {
  it('proposes the four 周村 vetoes from the two 较大 accidents', () => {
    const input = loadCase(new URL('../../../examples/zhoucun-2014', import.meta.url).pathname);
    const proposals = vetoProposals(input, input.accidents);
    expect(proposals.map((p) => [p.unitName, p.accidentIds])).toEqual([
      ['南郊镇政府', ['ZC-2014-001']],
      ['大街街道办事处', ['ZC-2014-002']],
      ['区住建局', ['ZC-2014-001']],
      ['周村国土资源分局', ['ZC-2014-002']],
    ]);
    expect(vetoProposals(input, input.accidents.filter((a) => a.deaths < 3))).toEqual([]);
  });
});
