import { parseCase, type AssessmentCase, type CaseParts } from '../../../src/domain/assessment/case';

/** A small valid scheme: two categories, a 100-point tree, grades, 周村-style vetoes and rewards. */
export function baseScheme(): Record<string, unknown> {
  return {
    format: 1,
    campaign: { name: '测试考核', year: 2024 },
    scale: 100,
    categories: [
      { id: 'town', name: '属地', responsibility: 'territorial' },
      { id: 'dept', name: '部门', responsibility: 'sectoral' },
    ],
    criteria: [
      {
        id: 'A', name: '组织领导', points: 40, children: [
          { id: 'A1', name: '会议', points: 20, method: { type: 'deduction', perOccurrence: 5 } },
          { id: 'A2', name: '责任制', points: 20, method: { type: 'manual' }, notApplicableAllowed: true },
        ],
      },
      { id: 'B', name: '隐患治理', points: 60, method: { type: 'manual' } },
    ],
    grades: { bands: [{ name: '合格', range: '[80, +∞)' }, { name: '不合格', range: '(-∞, 80)' }] },
    veto: {
      effect: 'blankScore',
      rules: [
        { id: 'area', type: 'accident', scope: 'area', appliesTo: ['town'], minGrade: 'larger', reason: '辖区发生较大事故' },
        { id: 'sector', type: 'accident', scope: 'sector', appliesTo: ['dept'], minGrade: 'larger', fatal: true, reason: '监管行业发生较大死亡事故' },
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
    stats: { threshold: 80 },
  };
}

export type Scores = Record<string, Record<string, unknown>>;

/** Full marks for a unit under baseScheme, with overrides. */
export function fullScores(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { A1: { deductions: [] }, A2: 20, B: 60, ...overrides };
}

export function buildCase(parts: Partial<CaseParts> & { scheme?: unknown }, options?: { requireComplete?: boolean }): AssessmentCase {
  return parseCase(
    {
      scheme: parts.scheme ?? baseScheme(),
      units: parts.units ?? { units: [{ id: 't1', name: '甲镇', category: 'town' }] },
      scores: parts.scores,
      adjustments: parts.adjustments,
      accidents: parts.accidents,
      metrics: parts.metrics,
    },
    {},
    options,
  );
}

/** Deep-merges plain objects (arrays replaced), for scheme variations in tests. */
export function merge<T>(base: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    const cur = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)
      ? merge(cur, v as Record<string, unknown>)
      : v;
  }
  return out as T;
}
