import { describe, expect, it } from 'vitest';
import { loadCase } from '../../../src/cli/load-case';
import { assess } from '../../../src/domain/assessment/assess';
import { explainUnit, renderTrace } from '../../../src/domain/assessment/explain';
import { toPublishedTable } from '../../../src/domain/assessment/published-table';
import { zhoucunExpected } from '../../support/acceptance';

const expected = zhoucunExpected();
const input = loadCase(new URL('../../../examples/zhoucun-2014', import.meta.url).pathname);
const result = assess(input);
const table = toPublishedTable(result);

describe('周村区 2014 年度考核通报附件，由方案与事实计算得出', () => {
  it('has the published number of rows', () => {
    expect(table.rows).toHaveLength(expected.rows.length);
  });

  it.each(expected.rows.map((row) => [row.seq, row.unit, row] as const))('row %i %s equals the published row', (seq, _unit, row) => {
    const got = table.rows[seq - 1]!;
    expect({ seq: got.seq, unit: got.unit, category: got.category, score: got.score, reward: got.reward, remark: got.remark }).toEqual(row);
  });

  it('reproduces the statistics sentence figures (38 assessed, 34 at or above 80, 89.47%)', () => {
    expect(table.stats).toEqual({
      assessed: expected.stats.assessed,
      atOrAboveThreshold: expected.stats.atOrAbove80,
      passRatePercent: expected.stats.passRatePercent,
    });
  });

  it('totals the rewards by category', () => {
    const byCategory = Object.fromEntries(result.stats.rewardByCategory.map((c) => [c.categoryName, c.total]));
    const sum = (cat: string) => expected.rows.filter((r) => r.category === cat).reduce((s, r) => s + (r.reward ?? 0), 0);
    expect(byCategory['属地']).toBe(sum('属地'));
    expect(byCategory['部门']).toBe(sum('部门'));
    expect(result.stats.rewardTotal).toBe(sum('属地') + sum('部门'));
  });

  it('traces a veto to the accident that fired it', () => {
    const unit = result.units.find((u) => u.name === '区住建局')!;
    const text = renderTrace(explainUnit(input, unit));
    expect(text).toContain('监管行业领域发生较大生产安全死亡事故，实施一票否决');
    expect(text).toContain('事故 ZC-2014-001');
    expect(text).toContain('较大事故');
    expect(text).toContain('死亡3人 ≥ 3人');
  });

  it('traces a reward to its formula and the items to their scores', () => {
    const unit = result.units.find((u) => u.name === '区农业局')!;
    const text = renderTrace(explainUnit(input, unit));
    expect(text).toContain('100元/分 × (89 − 80) = 900元');
    expect(text).toContain('2.1 隐患排查治理台账');
    expect(text).toMatch(/排名：部门内第 \d+ 名/);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(assess(input))).toBe(JSON.stringify(result));
  });
});
