import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { centiToNumber } from '../../../domain/arith/points';
import type { CompiledMethod } from '../../../domain/scheme/compile-scheme';
import type { CriterionMethod, UnitCriteria } from '../../../shared/schemas/criteria';
import type { DB } from '../../db/schema';
import { loadCase } from '../results/load-case';
import { campaignUnitFor } from './save-item-scores';

/**
 * The criteria that apply to one assessed unit — its category's plan from the compiled
 * scheme (standard points, 折算 scale, method, 缺项 allowed, 评分标准) — for the
 * self-assessment and scoring forms. Visible to whoever may see the unit's scores.
 */
export async function listUnitCriteria(db: Kysely<DB>, actor: Actor, id: string, unitId: string, now: Date): Promise<UnitCriteria> {
  const row = await campaignUnitFor(db, actor, id, unitId);
  const input = await loadCase(db, row, now);
  const unit = input.units.find((u) => u.id === unitId)!;
  const plan = input.compiled.plans.get(unit.category)!;
  const metricName = (metric: string) => input.scheme.metrics[metric]?.name ?? metric;
  return {
    unitId,
    category: unit.category,
    categoryName: input.compiled.categoryById.get(unit.category)?.name ?? unit.category,
    scale: centiToNumber(input.compiled.scale),
    notApplicableMode: input.scheme.notApplicable.mode,
    items: plan.nodes.map((n) => ({
      id: n.id,
      name: n.name,
      parentId: n.parent < 0 ? null : plan.nodes[n.parent]!.id,
      depth: n.depth,
      points: centiToNumber(n.points),
      childScale: centiToNumber(n.childScale),
      leaf: n.leaf,
      method: n.method ? toMethod(n.method, metricName) : null,
      notApplicableAllowed: n.notApplicableAllowed,
      description: n.description ?? null,
    })),
  };
}

function toMethod(m: CompiledMethod, metricName: (metric: string) => string): CriterionMethod {
  switch (m.type) {
    case 'manual':
      return { type: 'manual', label: '直接评分' };
    case 'deduction':
      return {
        type: 'deduction', perOccurrence: centiToNumber(m.perOccurrence), variable: m.variable,
        label: m.variable ? '逐项扣分（每次扣分可变）' : `逐项扣分（每次扣 ${centiToNumber(m.perOccurrence)} 分，扣完为止）`,
      };
    case 'passFail':
      return { type: 'passFail', label: '达标得满分，否则不得分' };
    case 'formula':
      return { type: 'formula', metric: m.metric, metricName: metricName(m.metric), label: `按指标“${metricName(m.metric)}”计算` };
  }
}
