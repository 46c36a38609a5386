import { describe, expect, it } from 'vitest';
import { loadCase } from '../../../src/cli/load-case';
import { assess } from '../../../src/domain/assessment/assess';
import { explainUnit, renderTrace } from '../../../src/domain/assessment/explain';
import { toPublishedTable } from '../../../src/domain/assessment/published-table';
import { unitGroups, unitItems } from '../../../src/domain/assessment/unit-items';

const run = (name: string) => {
  const input = loadCase(new URL(`../../../examples/${name}`, import.meta.url).pathname);
  const result = assess(input);
  const table = toPublishedTable(result);
  const row = (unit: string) => table.rows.find((r) => r.unit === unit)!;
  const unit = (n: string) => result.units.find((u) => u.name === n)!;
  const trace = (n: string) => renderTrace(explainUnit(input, unit(n)));
  const items = (n: string) => unitItems(input, unit(n));
  const groups = (n: string) => unitGroups(input, unit(n));
  return { result, table, row, unit, trace, items, groups };
};

describe('东阳 2008：200分制、折算、缺项、最高级别加分、分数段 × 保证金', () => {
  const { table, row, unit, trace, groups: groupsOf } = run('dongyang-2008');

  it('rescales the fire-safety part (scored of 100, worth 30) and normalises a 缺项 inside it', () => {
    // 南马镇: 3.1 = 38 of 40 applicable (3.2 缺项) → 38 ÷ 40 × 30 = 28.5
    const g = groupsOf('南马镇').find((x) => x.id === '3')!;
    expect(g).toMatchObject({ earnedRaw: 3800, applicable: 4000, notApplicable: 6000, contribution: 2850, rescaled: true });
    expect(row('南马镇').score).toBe(180.5);
  });

  it('counts an adoption once at the highest level and caps a per-occurrence bonus', () => {
    expect(unit('吴宁街道').bonus.total).toBe(500); // 市级 +1 and 国家级 +5 → +5
    expect(row('吴宁街道').score).toBe(198.5);
    expect(unit('市建设局').bonus.lines[0]).toMatchObject({ raw: 600, points: 400, capped: true });
    expect(trace('吴宁街道')).toContain('取最高级别：国家级');
  });

  it('pays band × base: ≥190 → 150%, [170,190) → 100%, [150,170) → 70%, [120,150) → none', () => {
    expect(row('吴宁街道').reward).toBe(30000); // 20000 × 150%
    expect(row('南马镇').reward).toBe(20000); // 20000 × 100%
    expect(row('市安监局').reward).toBe(12000); // 12000 × 100%
    expect(row('市交通局').reward).toBe(8400); // 12000 × 70%
    expect(row('横店镇').reward).toBe(14000); // 151 → 20000 × 70%
  });

  it('keeps the score of a vetoed unit and forces the lowest grade (lowestGrade effect)', () => {
    const r = row('歌山镇');
    expect(r.vetoed).toBe(true);
    expect(r.score).not.toBeNull();
    expect(r.grade).toBe('不合格');
    expect(r.reward).toBeNull();
    expect(r.remark).toBe('辖区发生重大及以上生产安全事故，实施一票否决');
    expect(table.rows.at(-1)!.unit).toBe('歌山镇');
  });
});

describe('阿坝 2013：按名次评定先进、按等次定额奖励、奖金分配到人、死亡人数突破指标否决', () => {
  const { table, row, unit } = run('aba-2013');

  it('grades the top 6 counties and top 10 departments among 合格 as 先进', () => {
    const counties = table.rows.filter((r) => r.category === '县');
    expect(counties.filter((r) => r.grade === '先进')).toHaveLength(6);
    expect(table.rows.filter((r) => r.category === '州级部门' && r.grade === '先进')).toHaveLength(10);
    expect(row('茂县')).toMatchObject({ grade: '先进', rank: 6 });
    expect(row('小金县')).toMatchObject({ grade: '合格', rank: 7 });
    expect(row('壤塘县')).toMatchObject({ grade: '不合格', reward: null });
  });

  it('pays a fixed amount per grade and splits it to named persons, the rest to the unit', () => {
    expect(row('马尔康县').reward).toBe(10000);
    expect(row('小金县').reward).toBe(8000);
    expect(unit('马尔康县').reward.splits).toEqual([
      { role: '主要负责人', name: '王某', percent: 20, amount: 2000 },
      { role: '分管负责人', name: '赵某某', percent: 15, amount: 1500 },
      { role: '安监局长', name: '朱某', percent: 10, amount: 1000 },
    ]);
    expect(unit('马尔康县').reward.remainder).toBe(5500);
    expect(unit('州安监局').reward.splits.map((s) => s.amount)).toEqual([1000, 750]);
  });

  it('normalises 缺项: earned ÷ (100 − 缺项分) × 100, rounded half up to 0.01', () => {
    const u = unit('汶川县'); // no mines: 2.2 (15 points) is 缺项
    expect(u).toMatchObject({ baseRaw: 7750, baseApplicable: 8500, base: 9118, baseRounded: true }); // 77.5 ÷ 85 × 100 = 91.176…
  });

  it('vetoes by a single accident with ≥ 3 deaths outside mines and chemicals, not by a 2-death mine accident', () => {
    expect(row('若尔盖县').remark).toBe('辖区其他行业领域发生一次死亡3人以上事故，实施一票否决');
    expect(row('金川县').vetoed).toBe(false);
  });

  it('vetoes a department whose regulated sector exceeded its death ceiling', () => {
    expect(row('州公安局')).toMatchObject({ vetoed: true, remark: '生产安全事故死亡人数突破控制指标，实施一票否决' });
    expect(unit('州公安局').indicators[0]).toMatchObject({ actual: 4, breached: true });
  });
});

describe('遵义 2015：排除端点的等次表、低于80分否决、指标自动计分、减分项、指标否决', () => {
  const { row, unit, trace, table, items: itemsOf } = run('zunyi-2015');

  it('grades with explicit ends: 99 优秀, 90 良好, 87.5 达标', () => {
    expect(row('红花岗区')).toMatchObject({ score: 99, grade: '优秀', reward: 5000 });
    expect(row('市交通运输局')).toMatchObject({ score: 90, grade: '良好', reward: 3000 });
    expect(row('汇川区')).toMatchObject({ score: 87.5, grade: '达标', reward: null });
  });

  it('scores formula items from ledger metrics and cites their source records', () => {
    const items = itemsOf('汇川区');
    expect(items.find((i) => i.id === '2.1')!.earned).toBe(1750); // 92.5% → 20 − 2.5
    expect(items.find((i) => i.id === '2.2')!.earned).toBe(1500); // 90% on 60→100 linear
    expect(trace('汇川区')).toContain('YH-2015-0117');
  });

  it('applies a penalty item', () => {
    expect(unit('市交通运输局').penalty.total).toBe(200);
  });

  it('vetoes below 80 keeping the score, and an overdue major hazard by metric', () => {
    expect(row('桐梓县')).toMatchObject({ vetoed: true, score: 51, grade: '不达标', remark: '考核得分低于80分，实施一票否决' });
    expect(row('播州区')).toMatchObject({ vetoed: true, grade: '不达标' });
    expect(trace('播州区')).toContain('YH-2015-0208');
    expect(table.stats).toEqual({ assessed: 6, atOrAboveThreshold: 4, passRatePercent: '66.67' });
  });

  it('splits 20% of the award to the person who signed the agreement', () => {
    expect(unit('红花岗区').reward.splits).toEqual([{ role: '责任书签订人', name: '赵某', percent: 20, amount: 1000 }]);
  });
});
