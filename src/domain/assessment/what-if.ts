import type { z } from 'zod';
import type { Accident } from '../accidents/accident';
import { assess } from './assess';
import { parseCase, type AssessmentCase, type CaseParts } from './case';
import { diffTables, type TableDiff } from './diff';
import { toPublishedTable, type PublishedTable } from './published-table';
import type { schemeSchema } from '../scheme/schema';
import { CaseValidationError } from '../scheme/validation-error';

/**
 * Changes the committee office can try before approval (issue: what-if) — the real case is
 * never touched; a changed copy is validated like any case and assessed side by side.
 */
export type WhatIfChange =
  /** the line of the statistics sentence and of every linear reward rule */
  | { kind: 'threshold'; value: number }
  /** the rate of a linear reward rule (per point) for a category */
  | { kind: 'rewardRate'; category: string; perPoint: number }
  /** a veto proposal rejected, with the reason */
  | { kind: 'rejectVeto'; unit: string; rule: string; reason: string }
  /** an accident attributed to another territorial unit or regulating department (null: none) */
  | { kind: 'reattributeAccident'; accident: string; territorialUnit?: string | null; regulatingUnit?: string | null }
  /** one unit's input for one item replaced (a score, pass/fail, deductions, 缺项) */
  | { kind: 'itemScore'; unit: string; criterion: string; input: ItemInput }
  /** an accident that did not happen in the records, attributed as given */
  | { kind: 'addAccident'; accident: AccidentInput }
  /** a recorded accident left out */
  | { kind: 'removeAccident'; accident: string }
  /** a manual veto (一票否决) decided by the committee */
  | { kind: 'addVeto'; unit: string; rule: string; reason: string };

/** One item's input as the scores file holds it. */
export type ItemInput = AssessmentCase['scores'][string][string];
/** An accident as the accidents file holds it (figures default as there). */
export type AccidentInput = Omit<Accident, 'seriousInjuries' | 'directLoss' | 'liability'>
  & Partial<Pick<Accident, 'seriousInjuries' | 'directLoss' | 'liability'>>;

export interface WhatIfResult {
  before: PublishedTable;
  after: PublishedTable;
  diff: TableDiff;
}

type SchemeOutput = z.output<typeof schemeSchema>;

/** The parts of a validated case, deep-copied so they can be changed freely. */
export function caseToParts(input: AssessmentCase): CaseParts {
  return structuredClone({
    scheme: input.scheme,
    units: { units: input.units },
    scores: { scores: input.scores },
    adjustments: { bonuses: input.bonuses, penalties: input.penalties, vetoes: input.vetoes, vetoRejections: input.vetoRejections },
    accidents: { accidents: input.accidents },
    metrics: { metrics: input.metrics },
  });
}

export function applyChanges(input: AssessmentCase, changes: readonly WhatIfChange[]): CaseParts {
  const parts = caseToParts(input);
  const scheme = parts.scheme as SchemeOutput;
  const adjustments = parts.adjustments as Pick<AssessmentCase, 'vetoes' | 'vetoRejections'>;
  const scores = (parts.scores as { scores: AssessmentCase['scores'] }).scores;
  const accidentsPart = parts.accidents as { accidents: AccidentInput[] };
  const accidents = accidentsPart.accidents;
  changes.forEach((change, i) => {
    switch (change.kind) {
      case 'threshold':
        scheme.stats.threshold = change.value;
        for (const rule of scheme.reward?.rules ?? []) if (rule.type === 'linear') rule.threshold = change.value;
        break;
      case 'rewardRate':
        for (const rule of scheme.reward?.rules ?? []) {
          if (rule.type === 'linear' && (!rule.appliesTo || rule.appliesTo.includes(change.category))) rule.perPoint = change.perPoint;
        }
        break;
      case 'rejectVeto':
        adjustments.vetoRejections.push({ unit: change.unit, rule: change.rule, reason: change.reason });
        break;
      case 'reattributeAccident': {
        const accident = accidents.find((a) => a.id === change.accident);
        if (!accident) throw new CaseValidationError([{ path: ['changes', i, 'accident'], message: `没有编号为“${change.accident}”的事故` }]);
        if (change.territorialUnit !== undefined) accident.territorialUnit = change.territorialUnit ?? undefined;
        if (change.regulatingUnit !== undefined) accident.regulatingUnit = change.regulatingUnit ?? undefined;
        break;
      }
      case 'itemScore':
        // Unknown units and criteria, and inputs that do not suit the item's method, are
        // refused when the changed case is validated (checkFacts), like any scores file.
        scores[change.unit] = { ...scores[change.unit], [change.criterion]: change.input };
        break;
      case 'addAccident':
        if (accidents.some((a) => a.id === change.accident.id)) {
          throw new CaseValidationError([{ path: ['changes', i, 'accident', 'id'], message: `已有编号为“${change.accident.id}”的事故` }]);
        }
        accidents.push(change.accident);
        break;
      case 'removeAccident': {
        const at = accidents.findIndex((a) => a.id === change.accident);
        if (at < 0) throw new CaseValidationError([{ path: ['changes', i, 'accident'], message: `没有编号为“${change.accident}”的事故` }]);
        accidents.splice(at, 1);
        break;
      }
      case 'addVeto':
        adjustments.vetoes.push({ unit: change.unit, rule: change.rule, reason: change.reason });
        break;
    }
  });
  return parts;
}

/** Assesses the case with the changes applied and compares it with the real results. */
export function whatIf(input: AssessmentCase, changes: readonly WhatIfChange[]): WhatIfResult {
  const before = toPublishedTable(assess(input));
  const changed = parseCase(applyChanges(input, changes), {}, { requireComplete: false });
  const after = toPublishedTable(assess(changed));
  return { before, after, diff: diffTables(before, after) };
}
