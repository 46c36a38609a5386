import type { Centi } from '../arith/points';
import { mulDivRound } from '../arith/rounding';
import type { CategoryPlan, CompiledScheme } from '../scheme/compile-scheme';
import type { ItemInput } from '../scheme/facts-schema';
import type { AssessmentCase } from './case';
import type { GroupResult } from './result-types';
import { leafPoints, MISSING, NOT_APPLICABLE } from './score-item';

/**
 * Reusable per-category scratch arrays, so scoring 10,000 units allocates no per-node arrays.
 * One slot per plan node plus one more at the end for the top level (the scheme's total).
 */
export class Workspace {
  earned: Float64Array;
  applicable: Float64Array;
  notApplicable: Float64Array;
  constructor(nodeCount: number) {
    this.earned = new Float64Array(nodeCount + 1);
    this.applicable = new Float64Array(nodeCount + 1);
    this.notApplicable = new Float64Array(nodeCount + 1);
  }
}

export interface ScoredUnit {
  leafEarned: Int32Array;
  missing: number;
  baseRaw: Centi;
  baseApplicable: Centi;
  base: Centi;
  baseRounded: boolean;
}

/**
 * Scores the leaves, then folds them into their groups from the bottom up.
 * 缺项 (primer §3): with `normalise`, score = earned ÷ (full − 缺项分) × full, applied at the
 * top and inside each rescaled part (折算); `fullMarks` counts a 缺项 item as earned;
 * `zero` counts it as lost.
 */
export function scoreUnit(
  compiled: CompiledScheme,
  plan: CategoryPlan,
  ws: Workspace,
  inputs: Record<string, ItemInput> | undefined,
  metrics: AssessmentCase['metrics'][string] | undefined,
  /** where to put each group's breakdown, for explanations; null in the engine's hot path */
  groups: GroupResult[] | null,
): ScoredUnit {
  const { nodes } = plan;
  const mode = compiled.scheme.notApplicable.mode;
  const rounding = compiled.scheme.pointsRounding;
  const { earned, applicable, notApplicable } = ws;
  // Only group slots and the top-level slot accumulate; leaves add straight into their parent.
  const root = nodes.length;
  for (const g of plan.groups) {
    earned[g] = 0;
    applicable[g] = 0;
    notApplicable[g] = 0;
  }
  earned[root] = 0;
  applicable[root] = 0;
  notApplicable[root] = 0;
  const leafEarned = new Int32Array(plan.leaves.length);
  let missing = 0;
  for (let k = 0; k < plan.leaves.length; k += 1) {
    const node = nodes[plan.leaves[k]!]!;
    const points = leafPoints(node, inputs?.[node.id], metrics, rounding);
    leafEarned[k] = points;
    let e = 0;
    let a = 0;
    let na = 0;
    if (points === NOT_APPLICABLE) {
      if (mode === 'normalise') na = node.points;
      else {
        e = mode === 'fullMarks' ? node.points : 0;
        a = node.points;
      }
    } else {
      // A missing input counts as 0 and is listed in missingItems.
      if (points === MISSING) missing += 1;
      else e = points;
      a = node.points;
    }
    const parent = node.parent >= 0 ? node.parent : root;
    earned[parent] = earned[parent]! + e;
    applicable[parent] = applicable[parent]! + a;
    notApplicable[parent] = notApplicable[parent]! + na;
  }
  for (let g = plan.groups.length - 1; g >= 0; g -= 1) {
    const index = plan.groups[g]!;
    const node = nodes[index]!;
    // earned/applicable/notApplicable[index] now hold the sums of the children.
    const rescaled = node.childScale !== node.points;
    const sumEarned = earned[index]!;
    const sumApplicable = applicable[index]!;
    const sumNa = notApplicable[index]!;
    let contribution: Centi | null = sumEarned;
    let rounded = false;
    let e = sumEarned;
    let a = sumApplicable;
    let na = sumNa;
    if (sumApplicable === 0 && sumNa > 0) {
      contribution = null;
      e = 0;
      a = 0;
      na = node.points;
    } else if (rescaled) {
      // 折算: the part's earned points over its applicable points, to this node's points.
      contribution = mulDivRound(sumEarned, node.points, sumApplicable, rounding);
      rounded = contribution * sumApplicable !== sumEarned * node.points;
      e = contribution;
      a = node.points;
      na = 0;
    }
    groups?.push({ index, id: node.id, earnedRaw: sumEarned, applicable: sumApplicable, notApplicable: sumNa, contribution, rescaled, rounded });
    const parent = node.parent >= 0 ? node.parent : root;
    earned[parent] = earned[parent]! + e;
    applicable[parent] = applicable[parent]! + a;
    notApplicable[parent] = notApplicable[parent]! + na;
  }
  groups?.reverse();
  const baseRaw = earned[root]!;
  const baseApplicable = applicable[root]!;
  const baseNotApplicable = notApplicable[root]!;
  const scale = compiled.scale;
  let base = baseRaw;
  let baseRounded = false;
  if (baseNotApplicable > 0) {
    if (baseApplicable === 0) base = 0;
    else {
      base = mulDivRound(baseRaw, scale, baseApplicable, rounding);
      baseRounded = base * baseApplicable !== baseRaw * scale;
    }
  }
  return { leafEarned, missing, baseRaw, baseApplicable: baseNotApplicable > 0 ? baseApplicable : scale, base, baseRounded };
}

