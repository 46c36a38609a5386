import { describe, expect, test } from 'vitest';
import type { UnitCriteria, UnitCriterion } from '../../src/shared/schemas/criteria';
import { emptyEntry } from '../../src/web/pages/assessment/items';
import {
  chosenEntries, compareChoice, confirmationBody, initialChoices, meanText, refusalOf, type MemberScores,
} from '../../src/web/pages/assessment/team-confirm';

const leaf = (id: string, points: number, method: UnitCriterion['method']): UnitCriterion => ({
  id, name: `第${id}项`, parentId: '1', depth: 1, points, childScale: points, leaf: true, method, notApplicableAllowed: true, description: null,
});
const manual = leaf('1.1', 5, { type: 'manual', label: '直接评分' });
const deduct = leaf('1.2', 10, { type: 'deduction', label: '每次扣 2 分', perOccurrence: 2, variable: false });
const pass = leaf('1.3', 4, { type: 'passFail', label: '达标得分' });
const formula = leaf('1.4', 6, { type: 'formula', label: '按指标', metric: 'm', metricName: '指标' });
const criteria: UnitCriteria = {
  unitId: 'u1', category: 'town', categoryName: '镇', scale: 25, notApplicableMode: 'zero',
  items: [{ ...manual, id: '1', parentId: null, depth: 0, leaf: false, method: null, points: 25, childScale: 25 }, manual, deduct, pass, formula],
};
const members: MemberScores[] = [
  { accountId: 'a', displayName: '甲', items: { '1.1': 3, '1.2': { deductions: [{ times: 1, reason: '缺记录' }] }, '1.3': { passed: true } } },
  { accountId: 'b', displayName: '乙', items: { '1.1': { score: 4, note: '基本齐全' }, '1.2': { deductions: [{ times: 2, reason: '缺两次' }] }, '1.3': { passed: true } } },
];

describe('compareChoice', () => {
  test('a member whose score is not the mean differs; an own entry at the mean does not', () => {
    // 1.1: 3 and 4, mean 3.5 (350 hundredths).
    expect(compareChoice(manual, members, { kind: 'member', accountId: 'a' })).toMatchObject({ memberEarned: [300, 400], mean: 350, confirmed: 300, differs: true });
    expect(compareChoice(manual, members, { kind: 'own', entry: { ...emptyEntry, score: 3.5 } })).toMatchObject({ mean: 350, confirmed: 350, differs: false });
    // 1.2: 10 − 2 = 8 and 10 − 4 = 6, mean 7; the leader's one deduction of 2 gives 8.
    expect(compareChoice(deduct, members, { kind: 'own', entry: { ...emptyEntry, times: 1, note: 'x' } })).toMatchObject({ mean: 700, confirmed: 800, differs: true });
  });

  test('nothing chosen compares as not differing, with the mean still given', () => {
    expect(compareChoice(deduct, members, undefined)).toMatchObject({ mean: 700, confirmed: null, differs: false });
    expect(meanText(350)).toBe('3.5');
    expect(meanText(null)).toBe('—');
  });

  test('the mean is rounded half up to hundredths, as on the server', () => {
    const three = [...members, { accountId: 'c', displayName: '丙', items: { '1.1': 4 } }];
    // (3 + 4 + 4) / 3 = 3.666… → 3.67
    expect(compareChoice(manual, three, { kind: 'own', entry: { ...emptyEntry, score: 3.67 } })).toMatchObject({ mean: 367, differs: false });
  });
});

describe('initialChoices', () => {
  test('before a confirmation only agreed criteria are chosen; formula items never', () => {
    expect(initialChoices(criteria, members, null)).toEqual({ '1.3': { kind: 'member', accountId: 'a' } });
  });

  test('after one, a member’s exact input is theirs, anything else the leader’s own', () => {
    const choices = initialChoices(criteria, members, { '1.1': { score: 4, note: '基本齐全' }, '1.2': { deductions: [{ times: 1, reason: '另计' }] }, '1.3': { passed: true } });
    expect(choices['1.1']).toEqual({ kind: 'member', accountId: 'b' });
    expect(choices['1.2']).toMatchObject({ kind: 'own', entry: { times: 1, note: '另计' } });
  });
});

describe('confirmationBody', () => {
  test('unchosen disagreements and missing reasons are refused, agreed items left to the server', () => {
    const { problems, body } = confirmationBody(criteria, members, { '1.1': { kind: 'member', accountId: 'b' } }, {}, 0);
    expect(problems).toEqual({ '1.1': '确认得分与组员平均分 3.5 不同，须写明理由', '1.2': '组员评分不一致，请选择采用的评分或由组长录入' });
    expect(body.items).toEqual({});
  });

  test('a complete confirmation: reasons only where the score differs', () => {
    const { problems, body } = confirmationBody(criteria, members, {
      '1.1': { kind: 'member', accountId: 'b' },
      '1.2': { kind: 'own', entry: { ...emptyEntry, times: 1, note: '一次未记录' } },
      '1.3': { kind: 'member', accountId: 'a' },
    }, { '1.1': ' 乙核实了记录 ', '1.2': '复核台账只缺一次', '1.3': '不需要' }, 2);
    expect(problems).toEqual({});
    expect(body).toEqual({
      version: 2,
      items: {
        '1.1': { fromMember: 'b', reason: '乙核实了记录' },
        '1.2': { input: { deductions: [{ times: 1, reason: '一次未记录' }] }, reason: '复核台账只缺一次' },
        '1.3': { fromMember: 'a' },
      },
    });
  });

  test('the leader’s incomplete entry is named', () => {
    const { problems } = confirmationBody(criteria, members, { '1.2': { kind: 'own', entry: { ...emptyEntry } } }, {}, 0);
    expect(problems['1.2']).toBe('请录入组长评分');
  });
});

describe('chosenEntries', () => {
  test('the chosen inputs become entries for the totals', () => {
    const entries = chosenEntries(criteria, members, { '1.1': { kind: 'member', accountId: 'a' }, '1.3': { kind: 'own', entry: { ...emptyEntry, passed: false } } });
    expect(entries['1.1']?.score).toBe(3);
    expect(entries['1.2']?.times).toBeNull();
    expect(entries['1.3']?.passed).toBe(false);
  });
});

describe('refusalOf', () => {
  test('the criterion the refusal names is found', () => {
    expect(refusalOf('细则 1.2：所选组员未评此项。')).toEqual({ text: '细则 1.2：所选组员未评此项。', criterionId: '1.2' });
    expect(refusalOf('细则 2.1 的确认得分 8 与组员平均分 7 不同，请填写理由。'))
      .toEqual({ text: '细则 2.1 的确认得分 8 与组员平均分 7 不同，请填写理由。', criterionId: '2.1' });
    expect(refusalOf('只有组长可以确认考核组评分。')).toEqual({ text: '只有组长可以确认考核组评分。', criterionId: null });
  });
});
