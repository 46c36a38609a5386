import { describe, expect, it } from 'vitest';
import { loadCase } from '../../../src/cli/load-case';
import { assess } from '../../../src/domain/assessment/assess';
import { diffTables } from '../../../src/domain/assessment/diff';
import { explainUnit, renderTrace } from '../../../src/domain/assessment/explain';
import { toPublishedTable } from '../../../src/domain/assessment/published-table';
import { applyChanges, whatIf } from '../../../src/domain/assessment/what-if';
import { parseCase } from '../../../src/domain/assessment/case';
import { CaseValidationError } from '../../../src/domain/scheme/validation-error';

const input = loadCase(new URL('../../../examples/zhoucun-2014', import.meta.url).pathname);
const real = JSON.stringify(toPublishedTable(assess(input)));

describe('what-if on the 周村 case', () => {
  it('raises the threshold: fewer rewarded, smaller amounts, and the real results untouched', () => {
    const { before, after, diff } = whatIf(input, [{ kind: 'threshold', value: 90 }]);
    expect(JSON.stringify(before)).toBe(real);
    expect(after.stats).toEqual({ assessed: 38, atOrAboveThreshold: 25, passRatePercent: '65.79' });
    expect(after.rows.find((r) => r.unit === '王村镇政府')!.reward).toBe(2000); // 400 × (95 − 90)
    expect(after.rows.find((r) => r.unit === '区农业局')!.reward).toBeNull(); // 89 < 90
    expect(diff.rewardTotal.before).toBe(59600);
    expect(diff.rewardTotal.after).toBeLessThan(diff.rewardTotal.before);
    expect(JSON.stringify(toPublishedTable(assess(input)))).toBe(real);
  });

  it('changes a reward rate for one category only', () => {
    const { diff } = whatIf(input, [{ kind: 'rewardRate', category: 'department', perPoint: 200 }]);
    const changedUnits = diff.rows.map((r) => r.unit);
    expect(changedUnits).toContain('区发改局');
    expect(changedUnits).not.toContain('王村镇政府');
    expect(diff.rows.find((r) => r.unit === '区发改局')!.changes).toEqual([{ field: 'reward', label: '奖励金额（元）', before: 1100, after: 2200 }]);
  });

  it('rejects a veto proposal: the unit gets its score, grade, rank and reward back; the trace keeps the rejected hit', () => {
    const { after, diff } = whatIf(input, [{ kind: 'rejectVeto', unit: 'zhujian', rule: 'sector-larger-fatal-accident', reason: '事故工程不属住建部门监管' }]);
    const row = after.rows.find((r) => r.unit === '区住建局')!;
    expect(row).toMatchObject({ vetoed: false, grade: '合格' });
    // 区住建局 also breached its death ceiling, and 周村 requires no breach for a reward
    expect(row.score).toBe(86);
    expect(row.reward).toBeNull();
    expect(row.remark).toContain('突破控制指标');
    expect(diff.rows.find((r) => r.unit === '区住建局')!.changes.map((c) => c.field)).toContain('score');
    const changed = parseCase(applyChanges(input, [{ kind: 'rejectVeto', unit: 'zhujian', rule: 'sector-larger-fatal-accident', reason: '事故工程不属住建部门监管' }]));
    const unit = assess(changed).units.find((u) => u.name === '区住建局')!;
    expect(renderTrace(explainUnit(changed, unit))).toContain('否决建议已驳回：监管行业领域发生较大生产安全死亡事故，实施一票否决');
  });

  it('re-attributes an accident to another town', () => {
    const { after } = whatIf(input, [{ kind: 'reattributeAccident', accident: 'ZC-2014-001', territorialUnit: 'wangcun' }]);
    expect(after.rows.find((r) => r.unit === '南郊镇政府')!.vetoed).toBe(false);
    expect(after.rows.find((r) => r.unit === '王村镇政府')!).toMatchObject({ vetoed: true, remark: '辖区发生较大生产安全事故，实施一票否决' });
  });

  it('refuses an unknown accident or unit with a Chinese message and leaves the case as it was', () => {
    expect(() => whatIf(input, [{ kind: 'reattributeAccident', accident: 'X', territorialUnit: 'wangcun' }])).toThrow(CaseValidationError);
    expect(() => whatIf(input, [{ kind: 'reattributeAccident', accident: 'ZC-2014-001', territorialUnit: 'ghost' }])).toThrow('未知单位“ghost”');
    expect(JSON.stringify(toPublishedTable(assess(input)))).toBe(real);
  });
});

describe('diff between result versions', () => {
  it('lists changed fields, added and removed units and statistics', () => {
    const a = toPublishedTable(assess(input));
    const b = structuredClone(a);
    b.rows[0]!.score = 94;
    b.rows[0]!.reward = 5600;
    b.rows.pop();
    b.stats.assessed = 37;
    const diff = diffTables(a, b);
    expect(diff.rows[0]).toEqual({ unit: '王村镇政府', kind: 'changed', changes: [
      { field: 'score', label: '考核分数', before: 95, after: 94 },
      { field: 'reward', label: '奖励金额（元）', before: 6000, after: 5600 },
    ] });
    expect(diff.rows.at(-1)).toMatchObject({ unit: '周村国土资源分局', kind: 'removed' });
    expect(diff.stats).toEqual([{ field: '被考核单位', before: 38, after: 37 }]);
    expect(diffTables(a, a).rows).toEqual([]);
  });
});

describe('diff across a rename', () => {
  it('matches rows by unit identifier and reports the new name', () => {
    const a = toPublishedTable(assess(input));
    const b = structuredClone(a);
    const row = b.rows.find((r) => r.unitId === 'anjian')!;
    row.unit = '区应急管理局';
    expect(diffTables(a, b).rows).toEqual([{ unit: '区应急管理局', kind: 'changed', changes: [{ field: 'unit', label: '单位名称', before: '区安监局', after: '区应急管理局' }] }]);
  });
});
