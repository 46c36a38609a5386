import type { CaseParts } from '../../src/domain/assessment/case';

/** A deterministic pseudo-random source (mulberry32), so every run measures the same data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A campaign of `units` units × 100 items (10 groups of 10: manual, deduction, pass/fail and
 * formula items) with `accidents` accidents, 周村-style vetoes and linear rewards.
 */
export function generateCase(units: number, accidents: number, seed = 2014): CaseParts {
  const random = seeded(seed);
  const int = (n: number) => Math.floor(random() * n);
  const methods = (g: number, k: number) => {
    if (k < 6) return { type: 'manual' };
    if (k < 8) return { type: 'deduction', perOccurrence: 0.5 };
    if (k < 9) return { type: 'passFail' };
    return { type: 'formula', metric: `m${g}`, rule: { kind: 'perUnitShortfall', direction: 'atLeast', target: 95, perUnit: 0.1, unit: 1, partial: 'exact' } };
  };
  const criteria = Array.from({ length: 10 }, (_, g) => ({
    id: `G${g}`,
    name: `第${g + 1}部分`,
    points: 10,
    children: Array.from({ length: 10 }, (_, k) => ({
      id: `G${g}.${k}`,
      name: `条目${g + 1}.${k + 1}`,
      points: 1,
      notApplicableAllowed: k === 5,
      method: methods(g, k),
    })),
  }));
  const scheme = {
    format: 1,
    campaign: { name: '基准测试考核', year: 2024 },
    scale: 100,
    categories: [
      { id: 'town', name: '属地', responsibility: 'territorial' },
      { id: 'dept', name: '部门', responsibility: 'sectoral' },
    ],
    metrics: Object.fromEntries(Array.from({ length: 10 }, (_, g) => [`m${g}`, { name: `指标${g + 1}`, unit: '%' }])),
    criteria,
    grades: { bands: [{ name: '合格', range: '[80, +∞)' }, { name: '不合格', range: '(-∞, 80)' }] },
    veto: {
      effect: 'blankScore',
      rules: [
        { id: 'area', type: 'accident', scope: 'area', appliesTo: ['town'], minGrade: 'larger', reason: '辖区发生较大生产安全事故，实施一票否决' },
        { id: 'sector', type: 'accident', scope: 'sector', appliesTo: ['dept'], minGrade: 'larger', fatal: true, reason: '监管行业领域发生较大生产安全死亡事故，实施一票否决' },
      ],
    },
    reward: {
      rounding: 'halfUp',
      requireNoBreach: true,
      rules: [
        { type: 'linear', appliesTo: ['town'], threshold: 80, perPoint: 400 },
        { type: 'linear', appliesTo: ['dept'], threshold: 80, perPoint: 100 },
      ],
    },
    ranking: { scope: 'category', method: 'competition' },
    stats: { threshold: 80 },
  };
  const towns = Math.round(units * 0.3);
  const unitList = Array.from({ length: units }, (_, i) => ({
    id: `u${i}`,
    name: `单位${i}`,
    category: i < towns ? 'town' : 'dept',
    controlIndicators: [{ kind: 'deaths', ceiling: 3 }, { kind: 'accidents', minGrade: 'larger', ceiling: 0 }],
  }));
  const scores: Record<string, Record<string, unknown>> = {};
  const metrics: Record<string, Record<string, number>> = {};
  for (const unit of unitList) {
    const items: Record<string, unknown> = {};
    for (let g = 0; g < 10; g += 1) {
      for (let k = 0; k < 10; k += 1) {
        const id = `G${g}.${k}`;
        if (k === 5 && random() < 0.05) items[id] = { notApplicable: true, reason: '无此项工作' };
        else if (k < 6) items[id] = int(5) === 0 ? 0.5 : 1;
        else if (k < 8) items[id] = { deductions: int(4) === 0 ? [{ times: 1, reason: '抽查发现问题' }] : [] };
        else if (k < 9) items[id] = { passed: random() < 0.9 };
      }
    }
    scores[unit.id] = items;
    metrics[unit.id] = Object.fromEntries(Array.from({ length: 10 }, (_, g) => [`m${g}`, 85 + int(15)]));
  }
  const accidentList = Array.from({ length: accidents }, (_, i) => ({
    id: `A${i}`,
    occurredAt: '2024-06-01',
    territorialUnit: `u${int(towns)}`,
    regulatingUnit: `u${towns + int(units - towns)}`,
    deaths: random() < 0.01 ? 3 : int(2),
    seriousInjuries: int(3),
    directLoss: int(2_000_000),
    liability: true,
  }));
  return {
    scheme,
    units: { units: unitList },
    scores: { scores },
    accidents: { accidents: accidentList },
    metrics: { metrics },
  };
}
