import { divRound, type RoundingMode } from '../arith/rounding';
import type { Centi } from '../arith/points';
import type { PlanNode } from '../scheme/compile-scheme';
import type { ItemInput, MetricValue } from '../scheme/facts-schema';
import type { AssessmentCase } from './case';
import { scoreItem } from './score-item';

/** One criterion of a unit: what each member gave, their mean, and the confirmed team score. */
export interface TeamItemComparison {
  criterionId: string;
  /** each member's points for the criterion (null: 缺项 or not scored), in the members' order */
  memberEarned: (Centi | null)[];
  /** mean of the members' points (half up, hundredths); null when no member gave points */
  mean: Centi | null;
  /** points of the confirmed input; null for 缺项 or no input */
  confirmed: Centi | null;
  /** the confirmed score is not the members' mean: the leader must give a reason */
  differs: boolean;
}

/**
 * Compares the team score a leader confirms with the members' own scores, criterion by
 * criterion, using the engine's item scoring (so a deduction list and a plain score compare
 * by their points). Only criteria present in `confirmed` are compared.
 */
export function compareTeamScore(
  input: AssessmentCase,
  unitId: string,
  members: readonly Readonly<Record<string, ItemInput>>[],
  confirmed: Readonly<Record<string, ItemInput>>,
): TeamItemComparison[] {
  const unit = input.units.find((u) => u.id === unitId);
  if (!unit) return [];
  const plan = input.compiled.plans.get(unit.category);
  if (!plan) return [];
  const metrics = input.metrics[unitId];
  const rounding = input.scheme.pointsRounding;
  const out: TeamItemComparison[] = [];
  for (const [criterionId, value] of Object.entries(confirmed)) {
    const index = plan.indexById.get(criterionId);
    if (index === undefined) continue;
    const node = plan.nodes[index]!;
    if (!node.method) continue;
    out.push(compareTeamItem(index, node, members.map((m) => m[criterionId]), value, metrics, rounding));
  }
  return out;
}

/**
 * One leaf criterion compared: each member's input and the confirmed one scored by the
 * engine's item scoring, the members' mean (half up, hundredths) over those who gave points.
 * The scoring page asks for a reason exactly when this says `differs`.
 */
export function compareTeamItem(
  index: number,
  node: PlanNode,
  members: readonly (ItemInput | undefined)[],
  confirmed: ItemInput | undefined,
  metrics: Record<string, MetricValue> | undefined,
  rounding: RoundingMode,
): TeamItemComparison {
  const points = (v: ItemInput | undefined) => (v === undefined ? null : scoreItem(index, node, v, metrics, rounding).earned);
  const memberEarned = members.map(points);
  const given = memberEarned.filter((p): p is Centi => p !== null);
  const mean = given.length === 0 ? null : divRound(given.reduce((a, b) => a + b, 0), given.length, 'halfUp');
  const confirmedPoints = points(confirmed);
  return { criterionId: node.id, memberEarned, mean, confirmed: confirmedPoints, differs: confirmedPoints !== mean };
}
