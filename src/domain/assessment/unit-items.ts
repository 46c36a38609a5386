import type { AssessmentCase } from './case';
import type { GroupResult, ItemResult, UnitResult } from './result-types';
import { scoreItem } from './score-item';
import { scoreUnit, Workspace } from './score-unit';

/**
 * Every leaf item of one unit with how its points were reached (inputs, deductions with
 * reasons, metric values with source records). Recomputed from the same inputs as the
 * engine, so it always agrees with `UnitResult.leafEarned`.
 */
export function unitItems(input: AssessmentCase, r: UnitResult): ItemResult[] {
  const plan = input.compiled.plans.get(r.categoryId)!;
  const inputs = input.scores[r.unitId];
  const metrics = input.metrics[r.unitId];
  return plan.leaves.map((index) => {
    const node = plan.nodes[index]!;
    return scoreItem(index, node, inputs?.[node.id], metrics, input.scheme.pointsRounding);
  });
}

/** Each group (一级/二级 item) of one unit: children's sum, 缺项, 折算 and what it contributes. */
export function unitGroups(input: AssessmentCase, r: UnitResult): GroupResult[] {
  const plan = input.compiled.plans.get(r.categoryId)!;
  const groups: GroupResult[] = [];
  scoreUnit(input.compiled, plan, new Workspace(plan.nodes.length), input.scores[r.unitId], input.metrics[r.unitId], groups);
  return groups;
}
