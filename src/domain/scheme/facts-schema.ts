import { z } from 'zod';
import { accidentGrades } from '../accidents/grade';
import { indicatorKinds } from '../indicators/control-indicator';

/**
 * The facts a scheme is applied to: the assessed units, their item scores, bonus and
 * penalty events, accidents, metrics from the ledgers, and manual vetoes.
 * In an example directory each part is its own file (units.yaml, scores.yaml …).
 */

const id = z.string().min(1);
const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
const score = z.number().refine(twoDecimals, '分值最多两位小数').refine((n) => n >= 0, '分值不能为负');
const count = z.number().int().nonnegative();

export const controlIndicatorSchema = z.strictObject({
  kind: z.enum(indicatorKinds),
  ceiling: count,
  minGrade: z.enum(accidentGrades).optional(),
  sector: id.optional(),
  liabilityOnly: z.boolean().optional(),
});

export const unitSchema = z.strictObject({
  id,
  name: z.string().trim().min(1),
  category: id,
  /** sectors a department regulates; an accident in one is attributed to it when the accident names no regulating unit */
  regulates: z.array(id).optional(),
  /** base amount for band rewards (e.g. 安全保证金, yuan) */
  rewardBase: z.number().int().nonnegative().optional(),
  persons: z.array(z.strictObject({ role: z.string().min(1), name: z.string().min(1) })).optional(),
  controlIndicators: z.array(controlIndicatorSchema).optional(),
  divisionCode: z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码应为6位或9位数字').optional(),
});

export const unitsFileSchema = z.strictObject({ source: z.string().optional(), notes: z.array(z.string()).optional(), units: z.array(unitSchema).min(1) });

const deductionSchema = z.strictObject({
  times: z.number().int().positive().default(1),
  /** points for each time, where the method allows a variable deduction */
  points: score.optional(),
  reason: z.string().min(1),
});

/** One item's input. A bare number is a manual score. */
export const itemInputSchema = z.union([
  score,
  z.strictObject({ score, note: z.string().optional() }),
  z.strictObject({ deductions: z.array(deductionSchema), note: z.string().optional() }),
  z.strictObject({ passed: z.boolean(), note: z.string().optional() }),
  z.strictObject({ notApplicable: z.literal(true), reason: z.string().min(1) }),
]);

/** Where the data comes from; `illustrative` marks figures that stand in for unpublished records. */
const provenance = {
  source: z.string().optional(),
  illustrative: z.boolean().optional(),
  notes: z.array(z.string()).optional(),
};

export const scoresFileSchema = z.strictObject({
  ...provenance,
  /** unit id → criterion id → input */
  scores: z.record(z.string(), z.record(z.string(), itemInputSchema)),
});

const adjustmentEventSchema = z.strictObject({
  unit: id,
  item: id,
  level: id.optional(),
  times: z.number().int().positive().default(1),
  note: z.string().optional(),
});

export const adjustmentsFileSchema = z.strictObject({
  ...provenance,
  bonuses: z.array(adjustmentEventSchema).default([]),
  penalties: z.array(adjustmentEventSchema).default([]),
  /** manual vetoes decided by the committee, with the reason */
  vetoes: z.array(z.strictObject({ unit: id, rule: id, reason: z.string().min(1).optional(), note: z.string().optional() })).default([]),
  /**
   * Veto proposals the committee office rejected after review, with the reason: the rule's
   * hit is kept in the trace as 已驳回 but does not veto (e.g. an accident later found to be
   * outside the unit's responsibility).
   */
  vetoRejections: z.array(z.strictObject({ unit: id, rule: id, reason: z.string().min(1) })).default([]),
});

export const accidentSchema = z.strictObject({
  id,
  occurredAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/, '日期格式应为 YYYY-MM-DD'),
  place: z.string().optional(),
  territorialUnit: id.optional(),
  sector: id.optional(),
  regulatingUnit: id.optional(),
  enterprise: z.string().optional(),
  deaths: count,
  seriousInjuries: count.default(0),
  directLoss: count.default(0),
  liability: z.boolean().default(true),
  summary: z.string().optional(),
  illustrative: z.boolean().optional(),
});

export const accidentsFileSchema = z.strictObject({ ...provenance, accidents: z.array(accidentSchema) });

const metricValueSchema = z.union([
  z.number(),
  z.strictObject({ value: z.number(), sources: z.array(z.string()).optional(), detail: z.string().optional() }),
]);

export const metricsFileSchema = z.strictObject({
  ...provenance,
  /** unit id → metric name → value */
  metrics: z.record(z.string(), z.record(z.string(), metricValueSchema)),
});

export type UnitInput = z.output<typeof unitSchema>;
export type ItemInput = z.output<typeof itemInputSchema>;
export type AdjustmentEvent = z.output<typeof adjustmentEventSchema>;
export type ManualVeto = z.output<typeof adjustmentsFileSchema>['vetoes'][number];
export type VetoRejection = z.output<typeof adjustmentsFileSchema>['vetoRejections'][number];
export type AccidentInput = z.output<typeof accidentSchema>;
export type MetricValue = z.output<typeof metricValueSchema>;
