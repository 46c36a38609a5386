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

export const itemShapes = {
  score: z.strictObject({ score, note: z.string().optional() }),
  deductions: z.strictObject({ deductions: z.array(deductionSchema), note: z.string().optional() }),
  passed: z.strictObject({ passed: z.boolean(), note: z.string().optional() }),
  notApplicable: z.strictObject({ notApplicable: z.literal(true), reason: z.string().min(1) }),
} as const;

type ItemShape = { [K in keyof typeof itemShapes]: z.output<(typeof itemShapes)[K]> }[keyof typeof itemShapes];

/**
 * One item's input. A bare number is a manual score; an object is told apart by its key
 * (score / deductions / passed / notApplicable) and checked against that one shape, so a
 * mistake is reported on the field that is wrong — and 10,000 units × 100 items validate
 * without trying every alternative on every item.
 */
export const itemInputSchema: z.ZodType<number | ItemShape> = z.unknown().transform((value, ctx) => {
  const result = parseItemInput(value);
  if (result.ok) return result.value;
  for (const issue of result.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});

type Issue = z.core.$ZodIssue;

const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
const isText = (v: unknown, nonEmpty = false): v is string => typeof v === 'string' && (!nonEmpty || v.length > 0);
const onlyKeys = (v: object, allowed: readonly string[]) => Object.keys(v).every((k) => allowed.includes(k));

/**
 * The same rules as `itemShapes`, checked by hand for the inputs that are valid (nearly all),
 * returning what zod would return (defaults applied). Anything it does not accept goes to
 * zod, which finds and words the problem; a test keeps the two in agreement.
 */
export function quickItemInput(value: unknown): number | ItemShape | undefined {
  if (isScore(value)) return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if ('score' in v) return onlyKeys(v, ['score', 'note']) && isScore(v.score) && (v.note === undefined || isText(v.note)) ? (v as ItemShape) : undefined;
  if ('passed' in v) return onlyKeys(v, ['passed', 'note']) && typeof v.passed === 'boolean' && (v.note === undefined || isText(v.note)) ? (v as ItemShape) : undefined;
  if ('notApplicable' in v) return onlyKeys(v, ['notApplicable', 'reason']) && v.notApplicable === true && isText(v.reason, true) ? (v as ItemShape) : undefined;
  if ('deductions' in v) {
    if (!onlyKeys(v, ['deductions', 'note']) || !Array.isArray(v.deductions) || !(v.note === undefined || isText(v.note))) return undefined;
    const deductions: { times: number; points?: number; reason: string }[] = [];
    for (const d of v.deductions as unknown[]) {
      if (d === null || typeof d !== 'object' || Array.isArray(d)) return undefined;
      const e = d as Record<string, unknown>;
      if (!onlyKeys(e, ['times', 'points', 'reason']) || !isText(e.reason, true)) return undefined;
      if (e.times !== undefined && !(Number.isSafeInteger(e.times) && (e.times as number) > 0)) return undefined;
      if (e.points !== undefined && !isScore(e.points)) return undefined;
      deductions.push({ times: (e.times as number | undefined) ?? 1, ...(e.points !== undefined ? { points: e.points as number } : {}), reason: e.reason });
    }
    return { deductions, ...(v.note !== undefined ? { note: v.note as string } : {}) } as ItemShape;
  }
  return undefined;
}

function parseItemInput(value: unknown): { ok: true; value: number | ItemShape } | { ok: false; issues: Issue[] } {
  const quick = quickItemInput(value);
  if (quick !== undefined) return { ok: true, value: quick };
  const shape = typeof value === 'number'
    ? score
    : value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (Object.keys(itemShapes) as (keyof typeof itemShapes)[]).find((key) => key in value)
      : undefined;
  const schema = typeof shape === 'string' ? itemShapes[shape] : shape;
  if (!schema) {
    return { ok: false, issues: [{ code: 'custom', path: [], input: value, message: '应为分数，或含 score、deductions、passed、notApplicable 之一的对象' }] };
  }
  const result = schema.safeParse(value, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: result.error.issues };
}

/**
 * unit id → criterion id → input, checked item by item with each problem located at its
 * unit and criterion. Hand-rolled rather than nested z.record so 10,000 units × 100 items
 * validate in a fraction of the time.
 */
const scoresMapSchema: z.ZodType<Record<string, Record<string, number | ItemShape>>> = z.unknown().transform((value, ctx) => {
  const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isMap(value)) {
    ctx.addIssue({ code: 'invalid_type', expected: 'object', input: value, message: '' });
    return z.NEVER;
  }
  const out: Record<string, Record<string, number | ItemShape>> = {};
  let failed = false;
  for (const unitId of Object.keys(value)) {
    const items = value[unitId];
    if (!isMap(items)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'object', input: items, path: [unitId], message: '' });
      failed = true;
      continue;
    }
    const parsed: Record<string, number | ItemShape> = {};
    for (const criterionId of Object.keys(items)) {
      const result = parseItemInput(items[criterionId]);
      if (result.ok) parsed[criterionId] = result.value;
      else {
        failed = true;
        for (const issue of result.issues) ctx.addIssue({ ...issue, path: [unitId, criterionId, ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
      }
    }
    out[unitId] = parsed;
  }
  return failed ? z.NEVER : out;
});

/** Where the data comes from; `illustrative` marks figures that stand in for unpublished records. */
const provenance = {
  source: z.string().optional(),
  illustrative: z.boolean().optional(),
  notes: z.array(z.string()).optional(),
};

export const scoresFileSchema = z.strictObject({
  ...provenance,
  /** unit id → criterion id → input */
  scores: scoresMapSchema,
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
