import { z } from 'zod';
import { accidentGrades } from '../accidents/grade';
import { roundingModes } from '../arith/rounding';
import { indicatorKinds } from '../indicators/control-indicator';

/**
 * The scheme file format (考核方案), format version 1. Documented in docs/scheme-format.md.
 * Everything a local 考核办法 varies on is data here: categories, the criteria tree and its
 * scoring methods, bonuses and penalties, 缺项, grades, vetoes, rewards, ranking and the order
 * of the published table. Points are decimals with at most two places.
 */

const id = z.string().regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, '标识只能包含字母、数字、汉字、下划线、点和连字符').min(1);
const text = z.string().trim().min(1);
const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
const points = z.number().refine(twoDecimals, '分值最多两位小数');
const positivePoints = points.refine((n) => n > 0, '分值应大于 0');
const nonNegativePoints = points.refine((n) => n >= 0, '分值不能为负');
const intervalText = z.string().min(1);
const categoryRefs = z.array(id).min(1);

export const categorySchema = z.strictObject({
  id,
  name: text,
  /**
   * territorial: answers for everything in its area (镇/街道/开发区);
   * sectoral: answers for the sectors it regulates (departments). Decides which accidents
   * count against the unit (primer §4).
   */
  responsibility: z.enum(['territorial', 'sectoral']),
  description: z.string().optional(),
});

const formulaRuleSchema = z.discriminatedUnion('kind', [
  /** value at zeroAt → 0 points, at fullAt → full points, linear between, clamped. */
  z.strictObject({ kind: z.literal('linear'), zeroAt: z.number(), fullAt: z.number() }),
  /** The first band (highest first) whose range contains the value gives its points; none → 0. */
  z.strictObject({
    kind: z.literal('bands'),
    bands: z.array(z.strictObject({ range: intervalText, points: nonNegativePoints })).min(1),
  }),
  /** Full points at or beyond the target; otherwise perUnit points off for each unit of shortfall (floored at 0). */
  z.strictObject({
    kind: z.literal('perUnitShortfall'),
    direction: z.enum(['atLeast', 'atMost']),
    target: z.number(),
    perUnit: positivePoints,
    /** size of one unit of the metric, default 1 */
    unit: z.number().positive().default(1),
    /** how a partial unit counts: exact (proportional), ceil (any part counts as a whole), floor */
    partial: z.enum(['exact', 'ceil', 'floor']).default('exact'),
  }),
]);

const methodSchema = z.discriminatedUnion('type', [
  /** The assessor enters a score between 0 and the standard points. */
  z.strictObject({ type: z.literal('manual') }),
  /** 扣完为止: a fixed deduction per occurrence, the item never below zero. */
  z.strictObject({
    type: z.literal('deduction'),
    perOccurrence: positivePoints,
    /** allow a deduction entry to state its own points (e.g. 视情节扣0.5–2分) */
    variable: z.boolean().default(false),
  }),
  /** 达标得满分，不达标不得分. */
  z.strictObject({ type: z.literal('passFail') }),
  /** Points computed from a named metric (e.g. hazardOnTimeClosureRate) fed by the ledgers. */
  z.strictObject({ type: z.literal('formula'), metric: id, rule: formulaRuleSchema }),
]);

export interface CriterionInput {
  id: string;
  name: string;
  points: number;
  description?: string | undefined;
  appliesTo?: string[] | undefined;
  notApplicableAllowed?: boolean | undefined;
  method?: z.infer<typeof methodSchema> | undefined;
  scoredOutOf?: number | undefined;
  children?: CriterionInput[] | undefined;
}

export const criterionSchema: z.ZodType<CriterionInput> = z.lazy(() =>
  z.strictObject({
    id,
    name: text,
    /** Standard points this item contributes to its parent. */
    points: positivePoints,
    /** 评分标准 text shown to assessors */
    description: z.string().optional(),
    /** categories the item applies to; default all */
    appliesTo: categoryRefs.optional(),
    /** whether a unit may mark it 缺项 */
    notApplicableAllowed: z.boolean().optional(),
    /** leaf items: how they are scored */
    method: methodSchema.optional(),
    /**
     * Group items: the scale its children are scored on when it differs from `points`
     * (折算: e.g. fire safety scored out of 100 and converted to 30).
     */
    scoredOutOf: positivePoints.optional(),
    children: z.array(criterionSchema).min(1).optional(),
  }),
);

const adjustmentItemSchema = z.strictObject({
  id,
  name: text,
  appliesTo: categoryRefs.optional(),
  /**
   * perOccurrence: `points` each time, up to `cap`;
   * highestLevel: counted once, at the highest level reached (e.g. 市级+1/省级+3/国家级+5).
   */
  mode: z.enum(['perOccurrence', 'highestLevel']),
  points: positivePoints.optional(),
  levels: z.array(z.strictObject({ id, name: text, points: positivePoints })).min(1).optional(),
  /** cap for this item */
  cap: positivePoints.optional(),
});

const vetoRuleSchema = z.discriminatedUnion('type', [
  /** An accident attributed to the unit (by area or by regulated sector) meets the filters. */
  z.strictObject({
    id,
    type: z.literal('accident'),
    reason: text,
    appliesTo: categoryRefs.optional(),
    /** area: the accident happened in the unit's area; sector: in a sector the unit regulates */
    scope: z.enum(['area', 'sector']),
    minGrade: z.enum(accidentGrades).optional(),
    /** only accidents with at least one death (死亡事故) */
    fatal: z.boolean().default(false),
    /** a single accident with at least this many deaths */
    minDeaths: z.number().int().positive().optional(),
    /** only 责任事故 */
    liabilityOnly: z.boolean().default(false),
    sectors: z.array(id).min(1).optional(),
    exceptSectors: z.array(id).min(1).optional(),
    /** how many such accidents fire the veto (e.g. 2 重大 accidents) */
    minCount: z.number().int().positive().default(1),
  }),
  /** Actual exceeds a control indicator of the unit (突破控制指标). */
  z.strictObject({
    id,
    type: z.literal('indicatorBreach'),
    reason: text,
    appliesTo: categoryRefs.optional(),
    /** which indicator kinds count; default all of the unit's indicators */
    indicators: z.array(z.enum(indicatorKinds)).min(1).optional(),
  }),
  /** The total is below a line (低于X分). */
  z.strictObject({
    id,
    type: z.literal('scoreBelow'),
    reason: text,
    appliesTo: categoryRefs.optional(),
    line: nonNegativePoints,
  }),
  /** A named metric is above a limit (e.g. overdueMajorHazards > 0). */
  z.strictObject({
    id,
    type: z.literal('metricAbove'),
    reason: text,
    appliesTo: categoryRefs.optional(),
    metric: id,
    limit: z.number(),
  }),
  /** A veto the committee decides with a recorded reason (facts: vetoes). */
  z.strictObject({
    id,
    type: z.literal('manual'),
    reason: text,
    appliesTo: categoryRefs.optional(),
  }),
]);

const rewardRuleSchema = z.discriminatedUnion('type', [
  /** 周村: perPoint × (score − threshold) yuan for score ≥ threshold. */
  z.strictObject({
    type: z.literal('linear'),
    appliesTo: categoryRefs.optional(),
    threshold: nonNegativePoints,
    perPoint: z.number().int().nonnegative(),
  }),
  /** 东阳: a percentage of the unit's base (e.g. 安全保证金) by score band. */
  z.strictObject({
    type: z.literal('bandBase'),
    appliesTo: categoryRefs.optional(),
    bands: z.array(z.strictObject({ range: intervalText, percent: z.number().nonnegative() })).min(1),
  }),
  /** 阿坝/吐鲁番: a fixed amount per grade. */
  z.strictObject({
    type: z.literal('perGrade'),
    appliesTo: categoryRefs.optional(),
    amounts: z.record(z.string(), z.number().int().nonnegative()),
  }),
]);

export const schemeSchema = z.strictObject({
  /** file format version */
  format: z.literal(1),
  campaign: z.strictObject({
    name: text,
    year: z.number().int().min(1990).max(2100),
    /** e.g. "第三季度" for quarterly rounds */
    period: z.string().optional(),
    organisation: z.string().optional(),
  }),
  /** where the rules come from (e.g. the 考核奖惩办法 cited in the notice) */
  source: z.string().optional(),
  /** parts of the scheme that stand in for unpublished rules */
  illustrative: z.array(z.string()).optional(),
  /** version of this scheme's content, e.g. "2014-1" */
  version: z.string().min(1).default('1'),
  /** the total scale: 100, 200, 1000 … */
  scale: positivePoints,
  categories: z.array(categorySchema).min(1),
  /** named metrics fed by the ledgers, with the Chinese name shown in traces (e.g. 隐患按期整改率, unit %) */
  metrics: z.record(id, z.strictObject({ name: text, unit: z.string().optional() })).default({}),
  criteria: z.array(criterionSchema).min(1),
  /** 缺项: normalise (score ÷ (full − 缺项分) × full), fullMarks (count as earned) or zero */
  notApplicable: z.strictObject({ mode: z.enum(['normalise', 'fullMarks', 'zero']) }).default({ mode: 'normalise' }),
  bonus: z.strictObject({ cap: positivePoints.optional(), items: z.array(adjustmentItemSchema).min(1) }).optional(),
  penalty: z.strictObject({ cap: positivePoints.optional(), items: z.array(adjustmentItemSchema).min(1) }).optional(),
  grades: z.strictObject({
    bands: z.array(z.strictObject({ name: text, range: intervalText })).min(1),
    /** grade of a vetoed unit; default the lowest band */
    vetoGrade: text.optional(),
    /** rank-based grades (阿坝: top 6 counties among 合格 = 先进) */
    byRank: z.array(z.strictObject({
      name: text,
      /** top N, either one number or per category */
      top: z.union([z.number().int().positive(), z.record(z.string(), z.number().int().nonnegative())]),
      scope: z.enum(['category', 'overall']),
      /** base grades a unit must hold to compete */
      among: z.array(text).min(1),
    })).optional(),
  }),
  veto: z.strictObject({
    /** blankScore: no score in the table (周村); lowestGrade: keep the score, force the veto grade */
    effect: z.enum(['blankScore', 'lowestGrade']),
    rules: z.array(vetoRuleSchema),
  }).default({ effect: 'blankScore', rules: [] }),
  reward: z.strictObject({
    /** explicit rounding to whole yuan */
    rounding: z.enum(roundingModes),
    /** 周村: only units that did not breach a control indicator are rewarded */
    requireNoBreach: z.boolean().default(false),
    rules: z.array(rewardRuleSchema).min(1),
    /** shares to named persons (阿坝: 20% 主要负责人, 15% 分管负责人 …); the rest stays with the unit */
    splits: z.array(z.strictObject({
      role: text,
      percent: z.number().positive().max(100),
      appliesTo: categoryRefs.optional(),
    })).optional(),
  }).optional(),
  ranking: z.strictObject({
    scope: z.enum(['category', 'overall']),
    /** competition: 1, 2, 2, 4 (published practice); dense: 1, 2, 2, 3 */
    method: z.enum(['competition', 'dense']).default('competition'),
  }).default({ scope: 'overall', method: 'competition' }),
  /** rounding of computed points (缺项 normalisation, 折算, formula items) to hundredths */
  pointsRounding: z.enum(roundingModes).default('halfUp'),
  stats: z.strictObject({
    /** "考核分数在80分以上" — inclusive */
    threshold: nonNegativePoints,
  }),
  table: z.strictObject({
    /** sort keys applied in order; registry order breaks remaining ties */
    order: z.array(z.enum(['vetoedLast', 'scoreDesc', 'scoreAsc', 'category', 'registry'])).min(1),
    /** show the category of each unit as a column */
    showCategory: z.boolean().default(false),
  }).default({ order: ['vetoedLast', 'scoreDesc', 'registry'], showCategory: false }),
});

export type SchemeInput = z.input<typeof schemeSchema>;
export type Scheme = z.output<typeof schemeSchema>;
export type Criterion = CriterionInput;
export type Method = z.infer<typeof methodSchema>;
export type FormulaRule = z.infer<typeof formulaRuleSchema>;
export type VetoRule = z.infer<typeof vetoRuleSchema>;
export type RewardRule = z.infer<typeof rewardRuleSchema>;
export type AdjustmentItem = z.infer<typeof adjustmentItemSchema>;
