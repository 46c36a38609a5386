import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/domain/assessment/assess';
import { toPublishedTable } from '../../../src/domain/assessment/published-table';
import { rankScores } from '../../../src/domain/assessment/ranking';
import { unitItems } from '../../../src/domain/assessment/unit-items';
import { applyFormula } from '../../../src/domain/assessment/score-item';
import type { CompiledFormula } from '../../../src/domain/scheme/compile-scheme';
import { parseInterval, type Interval } from '../../../src/domain/scheme/interval';
import { baseScheme, buildCase, fullScores, merge } from './build-case';

const towns = (n: number) => ({ units: Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, name: `${i + 1}号镇`, category: 'town' })) });
const withScores = (bs: number[]) => ({ scores: Object.fromEntries(bs.map((b, i) => [`t${i + 1}`, fullScores({ B: b })])) });

describe('ranking', () => {
  it.each([
    [[95, 93, 93, 90], 'competition', [1, 2, 2, 4]],
    [[95, 93, 93, 90], 'dense', [1, 2, 2, 3]],
    [[80, 90, 90, 85, 90], 'competition', [5, 1, 1, 4, 1]],
    [[70], 'competition', [1]],
  ] as const)('%j %s → %j', (scores, method, expected) => {
    expect(rankScores([...scores], method)).toEqual(expected);
  });

  it('publishes 12, 12, 14 for a tie (洛阳 2012 Q3 practice)', () => {
    const bs = [60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 49, 48];
    const result = assess(buildCase({ units: towns(bs.length), ...{ scores: withScores(bs) } }));
    expect(result.units.map((u) => u.rank).slice(10)).toEqual([11, 12, 12, 14]);
  });

  it('ranks per category when the scheme says so', () => {
    const scheme = merge(baseScheme(), { ranking: { scope: 'category', method: 'competition' } });
    const units = { units: [
      { id: 't1', name: '甲镇', category: 'town' }, { id: 'd1', name: '甲局', category: 'dept' },
      { id: 't2', name: '乙镇', category: 'town' }, { id: 'd2', name: '乙局', category: 'dept' },
    ] };
    const scores = { scores: { t1: fullScores({ B: 50 }), d1: fullScores({ B: 55 }), t2: fullScores({ B: 45 }), d2: fullScores({ B: 40 }) } };
    const ranks = Object.fromEntries(assess(buildCase({ scheme, units, scores })).units.map((u) => [u.name, u.rank]));
    expect(ranks).toEqual({ 甲局: 1, 甲镇: 1, 乙镇: 2, 乙局: 2 });
  });
});

describe('grades', () => {
  // 毕节 quarterly: 非常满意 ≥ 95, 满意 90–<95, 较满意 85–<90, 基本满意 80–<85, 不满意 < 80.
  const bijie = merge(baseScheme(), {
    campaign: { name: '第三季度考核', year: 2016, period: '第三季度' },
    grades: { bands: [
      { name: '非常满意', range: '[95, +∞)' }, { name: '满意', range: '[90, 95)' }, { name: '较满意', range: '[85, 90)' },
      { name: '基本满意', range: '[80, 85)' }, { name: '不满意', range: '(-∞, 80)' },
    ] },
  });
  it.each([
    [55, '非常满意'], [54.99, '满意'], [50, '满意'], [49.5, '较满意'], [45, '较满意'], [44.99, '基本满意'], [40, '基本满意'], [39.99, '不满意'],
  ])('B = %d → %s', (b, grade) => {
    const result = assess(buildCase({ scheme: bijie, scores: { scores: { t1: fullScores({ B: b }) } } }));
    expect(result.units[0]!.grade).toBe(grade);
  });

  it('gives a rank grade to every unit tied at the boundary (福州: top 3 per category)', () => {
    const scheme = merge(baseScheme(), {
      grades: { bands: [{ name: '合格', range: '[80, +∞)' }, { name: '不合格', range: '(-∞, 80)' }], byRank: [{ name: '先进', top: 3, scope: 'category', among: ['合格'] }] },
    });
    const result = assess(buildCase({ scheme, units: towns(5), scores: withScores([60, 59, 58, 58, 30]) }));
    expect(result.units.map((u) => u.grade)).toEqual(['先进', '先进', '先进', '先进', '不合格']);
  });
});

describe('vetoes', () => {
  const units = { units: [
    { id: 't1', name: '甲镇', category: 'town', controlIndicators: [{ kind: 'deaths', ceiling: 2 }] },
    { id: 'd1', name: '住建局', category: 'dept', regulates: ['construction'] },
    { id: 'd2', name: '交通局', category: 'dept', regulates: ['road'] },
  ] };
  const scores = { scores: { t1: fullScores(), d1: fullScores(), d2: fullScores() } };
  const accident = (over: Record<string, unknown>) => ({ id: 'A1', occurredAt: '2024-05-01', deaths: 3, ...over });

  it('attributes an accident to the department regulating its sector when none is named', () => {
    const result = assess(buildCase({ units, scores, accidents: { accidents: [accident({ territorialUnit: 't1', sector: 'construction' })] } }));
    const table = toPublishedTable(result);
    expect(table.rows.filter((r) => r.vetoed).map((r) => r.unit)).toEqual(['甲镇', '住建局']);
  });

  it('does not veto a department for a non-fatal 较大 accident when the rule asks for deaths', () => {
    const result = assess(buildCase({ units, scores, accidents: { accidents: [accident({ deaths: 0, seriousInjuries: 12, sector: 'construction' })] } }));
    expect(result.units.find((u) => u.name === '住建局')!.vetoed).toBe(false);
  });

  it('vetoes on deaths over the ceiling, counting only liability accidents when asked', () => {
    const scheme = merge(baseScheme(), { veto: { effect: 'blankScore', rules: [
      { id: 'breach', type: 'indicatorBreach', indicators: ['deaths'], reason: '死亡人数突破控制指标' },
    ] } });
    const two = [accident({ id: 'A1', deaths: 2, territorialUnit: 't1' }), accident({ id: 'A2', deaths: 1, territorialUnit: 't1', liability: false })];
    const r1 = assess(buildCase({ scheme, units, scores, accidents: { accidents: two } }));
    expect(r1.units.find((u) => u.name === '甲镇')).toMatchObject({ vetoed: true, breached: true });
    const liabilityUnits = { units: [{ ...units.units[0], controlIndicators: [{ kind: 'deaths', ceiling: 2, liabilityOnly: true }] }, ...units.units.slice(1)] };
    const r2 = assess(buildCase({ scheme, units: liabilityUnits, scores, accidents: { accidents: two } }));
    expect(r2.units.find((u) => u.name === '甲镇')).toMatchObject({ vetoed: false, breached: false });
  });

  it('needs two 重大 accidents when minCount is 2', () => {
    const scheme = merge(baseScheme(), { veto: { effect: 'lowestGrade', rules: [
      { id: 'two', type: 'accident', scope: 'sector', minGrade: 'major', minCount: 2, reason: '发生2起以上重大事故' },
    ] } });
    const one = [accident({ id: 'A1', deaths: 10, sector: 'road' })];
    const two = [...one, accident({ id: 'A2', deaths: 12, sector: 'road' })];
    const pick = (accidents: unknown[]) => assess(buildCase({ scheme, units, scores, accidents: { accidents } })).units.find((u) => u.name === '交通局')!;
    expect(pick(one).vetoed).toBe(false);
    expect(pick(two)).toMatchObject({ vetoed: true, grade: '不合格', publishedScore: 10000 });
  });

  it('records a manual veto with the committee reason', () => {
    const scheme = merge(baseScheme(), { veto: { effect: 'blankScore', rules: [{ id: 'm', type: 'manual', reason: '经研究决定否决' }] } });
    const result = assess(buildCase({ scheme, units, scores, adjustments: { vetoes: [{ unit: 'd2', rule: 'm', reason: '瞒报事故' }] } }));
    const row = toPublishedTable(result).rows.find((r) => r.unit === '交通局')!;
    expect(row).toMatchObject({ vetoed: true, score: null, reward: null, remark: '瞒报事故' });
  });

  it('withholds the reward on a breach without a veto when the scheme requires no breach, and says why', () => {
    const breachOnly = assess(buildCase({
      units: { units: [{ id: 't1', name: '甲镇', category: 'town', controlIndicators: [{ kind: 'deaths', ceiling: 0 }] }] },
      scores: { scores: { t1: fullScores() } },
      accidents: { accidents: [accident({ deaths: 1, territorialUnit: 't1' })] },
    }));
    const row = toPublishedTable(breachOnly).rows[0]!;
    expect(row).toMatchObject({ vetoed: false, score: 100, reward: null });
    expect(row.remark).toContain('突破控制指标');
  });
});

describe('bonuses, penalties and totals', () => {
  const scheme = merge(baseScheme(), {
    bonus: { cap: 3, items: [{ id: 'b', name: '表彰', mode: 'perOccurrence', points: 2 }] },
    penalty: { items: [{ id: 'p', name: '通报批评', mode: 'perOccurrence', points: 30 }] },
  });
  it('caps the bonus total', () => {
    const r = assess(buildCase({ scheme, scores: { scores: { t1: fullScores() } }, adjustments: { bonuses: [{ unit: 't1', item: 'b', times: 3 }] } }));
    expect(r.units[0]!.total).toBe(10300);
  });
  it('never lets the total go below zero', () => {
    const r = assess(buildCase({ scheme, scores: { scores: { t1: fullScores({ B: 0, A2: 0 }) } }, adjustments: { penalties: [{ unit: 't1', item: 'p', times: 2 }] } }));
    expect(r.units[0]).toMatchObject({ total: 0, totalFloored: true });
  });
  it('floors a deduction item at zero (扣完为止)', () => {
    const c = buildCase({ scores: { scores: { t1: fullScores({ A1: { deductions: [{ times: 5, reason: '缺会' }] } }) } } });
    expect(unitItems(c, assess(c).units[0]!).find((i) => i.id === 'A1')).toMatchObject({ earned: 0, input: { total: 2500, floored: true } });
  });
});

describe('缺项 modes', () => {
  const scores = { scores: { t1: fullScores({ A2: { notApplicable: true, reason: '无此项工作' }, B: 48 }) } };
  it.each([
    ['normalise', 8500], // (20 + 48) ÷ 80 × 100 = 85
    ['fullMarks', 8800], // 20 + 20 + 48
    ['zero', 6800], // 20 + 0 + 48
  ])('%s → %i', (mode, total) => {
    const r = assess(buildCase({ scheme: merge(baseScheme(), { notApplicable: { mode } }), scores }));
    expect(r.units[0]!.total).toBe(total);
  });
});

describe('formula items', () => {
  const iv = (t: string) => parseInterval(t) as Interval;
  it.each([
    [{ kind: 'linear', zeroAt: 60, fullAt: 100 } as CompiledFormula, 80, 1000],
    [{ kind: 'linear', zeroAt: 60, fullAt: 100 } as CompiledFormula, 50, 0],
    [{ kind: 'linear', zeroAt: 60, fullAt: 100 } as CompiledFormula, 120, 2000],
    [{ kind: 'linear', zeroAt: 60, fullAt: 100 } as CompiledFormula, 61, 50],
    [{ kind: 'linear', zeroAt: 10, fullAt: 0 } as CompiledFormula, 2.5, 1500], // fewer is better
    [{ kind: 'linear', zeroAt: 0, fullAt: 3 } as CompiledFormula, 1, 667], // 20 × 1/3 rounded half up
    [{ kind: 'bands', bands: [{ interval: iv('[95, +∞)'), range: '', points: 2000 }, { interval: iv('[90, 95)'), range: '', points: 1500 }] } as CompiledFormula, 94.99, 1500],
    [{ kind: 'bands', bands: [{ interval: iv('[95, +∞)'), range: '', points: 2000 }] } as CompiledFormula, 80, 0],
    [{ kind: 'perUnitShortfall', direction: 'atLeast', target: 95, perUnit: 100, unit: 1, partial: 'exact' } as CompiledFormula, 93.5, 1850],
    [{ kind: 'perUnitShortfall', direction: 'atLeast', target: 95, perUnit: 100, unit: 1, partial: 'ceil' } as CompiledFormula, 93.5, 1800],
    [{ kind: 'perUnitShortfall', direction: 'atMost', target: 0, perUnit: 500, unit: 1, partial: 'exact' } as CompiledFormula, 5, 0],
  ])('%j at %d → %i', (rule, value, expected) => {
    expect(applyFormula(rule, value, 2000, 'halfUp').points).toBe(expected);
  });
});
