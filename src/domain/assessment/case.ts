import type { z } from 'zod';
import type { Accident } from '../accidents/accident';
import { compileScheme, type CompiledScheme } from '../scheme/compile-scheme';
import {
  accidentsFileSchema,
  adjustmentsFileSchema,
  metricsFileSchema,
  scoresFileSchema,
  unitsFileSchema,
  type AdjustmentEvent,
  type ItemInput,
  type ManualVeto,
  type MetricValue,
  type UnitInput,
  type VetoRejection,
} from '../scheme/facts-schema';
import { schemeSchema, type Scheme } from '../scheme/schema';
import { CaseValidationError, issuesFromZod, type ValidationIssue } from '../scheme/validation-error';
import { checkFacts } from './check-facts';

/** A scheme with the facts it is applied to: everything the engine needs, validated. */
export interface AssessmentCase {
  scheme: Scheme;
  compiled: CompiledScheme;
  /** in registry order (the order units are listed), which breaks ties in the table */
  units: UnitInput[];
  scores: Record<string, Record<string, ItemInput>>;
  bonuses: AdjustmentEvent[];
  penalties: AdjustmentEvent[];
  vetoes: ManualVeto[];
  vetoRejections: VetoRejection[];
  accidents: Accident[];
  metrics: Record<string, Record<string, MetricValue>>;
}

/** Raw parsed file contents (from YAML/JSON), before validation. */
export interface CaseParts {
  scheme: unknown;
  units: unknown;
  scores?: unknown;
  adjustments?: unknown;
  accidents?: unknown;
  metrics?: unknown;
}

export type CaseFileNames = Partial<Record<keyof CaseParts, string>>;

export interface ParseCaseOptions {
  /** every applicable item of every unit must have an input (default true) */
  requireComplete?: boolean;
}

function parsePart<T extends z.ZodType>(schema: T, value: unknown, file: string | undefined, issues: ValidationIssue[]): z.output<T> | null {
  // reportInput: messages quote the bad value ("应为数字，实际为文本“十”").
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  issues.push(...issuesFromZod(result.error, file));
  return null;
}

/**
 * Validates every part and cross-reference; throws CaseValidationError listing every
 * problem (in Chinese, with file and path) and returns nothing partial.
 */
export function parseCase(parts: CaseParts, files: CaseFileNames = {}, options: ParseCaseOptions = {}): AssessmentCase {
  const issues: ValidationIssue[] = [];
  const scheme = parsePart(schemeSchema, parts.scheme, files.scheme, issues);
  const units = parsePart(unitsFileSchema, parts.units, files.units, issues);
  const scores = parts.scores === undefined ? { scores: {} } : parsePart(scoresFileSchema, parts.scores, files.scores, issues);
  const adjustments = parsePart(adjustmentsFileSchema, parts.adjustments ?? {}, files.adjustments, issues);
  const accidents = parts.accidents === undefined ? { accidents: [] } : parsePart(accidentsFileSchema, parts.accidents, files.accidents, issues);
  const metrics = parts.metrics === undefined ? { metrics: {} } : parsePart(metricsFileSchema, parts.metrics, files.metrics, issues);

  let compiled: CompiledScheme | null = null;
  if (scheme) {
    try {
      compiled = compileScheme(scheme, files.scheme);
    } catch (error) {
      if (error instanceof CaseValidationError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (issues.length > 0 || !scheme || !compiled || !units || !scores || !adjustments || !accidents || !metrics) {
    throw new CaseValidationError(issues);
  }
  const assessmentCase: AssessmentCase = {
    scheme,
    compiled,
    units: units.units,
    scores: scores.scores,
    bonuses: adjustments.bonuses,
    penalties: adjustments.penalties,
    vetoes: adjustments.vetoes,
    vetoRejections: adjustments.vetoRejections,
    accidents: accidents.accidents,
    metrics: metrics.metrics,
  };
  const factIssues = checkFacts(assessmentCase, files, options.requireComplete ?? true);
  if (factIssues.length > 0) throw new CaseValidationError(factIssues);
  return assessmentCase;
}
