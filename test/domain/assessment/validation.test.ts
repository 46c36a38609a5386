import { describe, expect, it } from 'vitest';
import { CaseValidationError, formatIssue } from '../../../src/domain/scheme/validation-error';
import { baseScheme, buildCase, fullScores, merge } from './build-case';

function messages(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof CaseValidationError) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('scheme validation names the bad field in Chinese', () => {
  it.each([
    ['points not a number', { criteria: [{ id: 'A', name: '甲', points: '十', method: { type: 'manual' } }] }, 'criteria[0].points：应为数字，实际为文本“十”'],
    ['three decimals', { scale: 100.125 }, 'scale：分值最多两位小数'],
    ['unknown method', { criteria: [{ id: 'A', name: '甲', points: 100, method: { type: 'guess' } }] }, 'criteria[0].method.type'],
    ['unknown field', { scael: 100 }, '（根）：未知字段：scael'],
    ['bad range', { grades: { bands: [{ name: '合格', range: '80以上' }] } }, 'grades.bands[0].range：区间“80以上”格式无效'],
    ['grade gap', { grades: { bands: [{ name: '合格', range: '[80, +∞)' }, { name: '不合格', range: '(-∞, 79]' }] } }, '之间有空档'],
    ['grade overlap', { grades: { bands: [{ name: '合格', range: '[80, +∞)' }, { name: '不合格', range: '(-∞, 80]' }] } }, '重叠'],
    ['unknown category', { reward: { rounding: 'halfUp', rules: [{ type: 'linear', appliesTo: ['county'], threshold: 80, perPoint: 1 }] } }, 'reward.rules[0].appliesTo[0]：未定义的单位类别“county”'],
    ['two reward rules for one category', { reward: { rounding: 'halfUp', rules: [{ type: 'linear', threshold: 80, perPoint: 1 }, { type: 'linear', appliesTo: ['town'], threshold: 80, perPoint: 1 }] } }, '一个类别只能适用一条奖励规则'],
    ['splits over 100%', { reward: { rounding: 'halfUp', rules: [{ type: 'linear', threshold: 80, perPoint: 1 }], splits: [{ role: '甲', percent: 60 }, { role: '乙', percent: 50 }] } }, '合计 110%，超过 100%'],
  ])('%s', (_label, patch, expected) => {
    const scheme = merge(baseScheme(), patch as Record<string, unknown>);
    expect(messages(() => buildCase({ scheme })).join('\n')).toContain(expected);
  });

  it('asks for an explicit rounding of rewards', () => {
    const scheme = { ...baseScheme(), reward: { rules: [{ type: 'linear', threshold: 80, perPoint: 1 }] } };
    expect(messages(() => buildCase({ scheme })).join('\n')).toContain('reward.rounding：缺少必填项');
  });

  it('checks that applicable points add up per category', () => {
    const scheme = merge(baseScheme(), { criteria: [
      { id: 'A', name: '甲', points: 60, method: { type: 'manual' } },
      { id: 'B', name: '乙', points: 30, method: { type: 'manual' }, appliesTo: ['town'] },
    ] });
    expect(messages(() => buildCase({ scheme }))).toContain('criteria：类别“属地”适用的总分下级条目标准分合计 90，应为 100');
  });

  it('refuses a leaf without a method and a group with one', () => {
    const scheme = merge(baseScheme(), { criteria: [
      { id: 'A', name: '甲', points: 100, method: { type: 'manual' }, children: [{ id: 'A1', name: '子', points: 100 }] },
    ] });
    const text = messages(() => buildCase({ scheme })).join('\n');
    expect(text).toContain('criteria[0].method：含下级条目的条目不能设评分方法');
    expect(text).toContain('criteria[0].children[0].method：末级条目缺少评分方法');
  });
});

describe('facts validation', () => {
  it.each([
    ['unknown unit in scores', { scores: { scores: { t1: fullScores(), ghost: fullScores() } } }, 'scores.ghost：未知单位“ghost”'],
    ['score above the item points', { scores: { scores: { t1: fullScores({ B: 61 }) } } }, 'scores.t1.B：得分 61 超过本条标准分 60'],
    ['negative score', { scores: { scores: { t1: fullScores({ B: -1 }) } } }, 'scores.t1.B'],
    ['deduction on a manual item', { scores: { scores: { t1: fullScores({ B: { deductions: [] } }) } } }, '评分方法是直接评分，不能填扣分'],
    ['缺项 not allowed', { scores: { scores: { t1: fullScores({ B: { notApplicable: true, reason: '无' } }) } } }, '不允许标记缺项'],
    ['missing item', { scores: { scores: { t1: { A1: { deductions: [] }, A2: 1 } } } }, '尚有 1 个条目未评分：B'],
    ['negative deaths', { scores: { scores: { t1: fullScores() } }, accidents: { accidents: [{ id: 'A', occurredAt: '2024-01-01', deaths: -1 }] } }, 'accidents[0].deaths：应不小于 0，实际为 -1'],
    ['accident in an unknown town', { scores: { scores: { t1: fullScores() } }, accidents: { accidents: [{ id: 'A', occurredAt: '2024-01-01', deaths: 1, territorialUnit: 'x' }] } }, 'accidents[0].territorialUnit：未知单位“x”'],
    ['bonus item not in the scheme', { scores: { scores: { t1: fullScores() } }, adjustments: { bonuses: [{ unit: 't1', item: 'nope' }] } }, '方案中没有加分条目“nope”'],
  ])('%s', (_label, parts, expected) => {
    expect(messages(() => buildCase(parts as Parameters<typeof buildCase>[0])).join('\n')).toContain(expected);
  });

  it('accepts an incomplete case when partial results are asked for', () => {
    const c = buildCase({ scores: { scores: { t1: { B: 50 } } } }, { requireComplete: false });
    expect(c.units).toHaveLength(1);
  });
});

describe('a formula item before its metric is known', () => {
  const scheme = () => merge(baseScheme(), {
    metrics: { closure: { name: '隐患按期整改率', unit: '%' } },
    criteria: [
      { id: 'A', name: '组织领导', points: 40, method: { type: 'manual' } },
      { id: 'B', name: '隐患治理', points: 60, method: { type: 'formula', metric: 'closure', rule: { kind: 'linear', zeroAt: 60, fullAt: 100 } } },
    ],
  });

  it('is an error in a final assessment, naming the unit and the metric', () => {
    expect(messages(() => buildCase({ scheme: scheme(), scores: { scores: { t1: { A: 40 } } } })).join('\n'))
      .toContain('metrics.t1.closure：条目“B 隐患治理”按指标“closure”计分，缺少单位');
  });

  it('leaves the item unscored while results are partial (a campaign created before the figures are in)', () => {
    const c = buildCase({ scheme: scheme(), scores: { scores: { t1: { A: 40 } } } }, { requireComplete: false });
    expect(c.metrics.t1?.closure).toBeUndefined();
  });
});
