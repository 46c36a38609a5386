import type { z } from 'zod';
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
  | { kind: 'reattributeAccident'; accident: string; territorialUnit?: string | null; regulatingUnit?: string | null };

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
  const adjustments = parts.adjustments as { vetoRejections: { unit: string; rule: string; reason: string }[] };
  const accidents = (parts.accidents as { accidents: AssessmentCase['accidents'] }).accidents;
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
