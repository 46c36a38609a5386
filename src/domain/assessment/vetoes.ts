import type { Accident } from '../accidents/accident';
import { gradeAtLeast, type AccidentGrade } from '../accidents/grade';
import { toCenti, type Centi } from '../arith/points';
import type { IndicatorStatus } from '../indicators/control-indicator';
import type { ManualVeto, MetricValue } from '../scheme/facts-schema';
import type { VetoRule } from '../scheme/schema';
import type { VetoHit } from './result-types';

export interface VetoContext {
  categoryId: string;
  /** accidents in the unit's area (属地) */
  areaAccidents: readonly Accident[];
  /** accidents in sectors the unit regulates (行业监管) */
  sectorAccidents: readonly Accident[];
  gradeOf: (accident: Accident) => AccidentGrade;
  indicators: readonly IndicatorStatus[];
  total: Centi;
  metrics: Record<string, MetricValue> | undefined;
  manual: readonly ManualVeto[];
}

/**
 * 一票否决: evaluates every rule that applies to the unit's category and returns the hits,
 * each with what fired it. Rules are data (primer §3): an accident of a grade in the area or
 * in a regulated sector, N deaths in one accident in given sectors, a count of accidents,
 * a breached control indicator, a score below a line, a metric above a limit, or a
 * committee decision.
 */
export function evaluateVetoes(rules: readonly VetoRule[], ctx: VetoContext): VetoHit[] {
  const hits: VetoHit[] = [];
  for (const rule of rules) {
    if (rule.appliesTo && !rule.appliesTo.includes(ctx.categoryId)) continue;
    switch (rule.type) {
      case 'accident': {
        const pool = rule.scope === 'area' ? ctx.areaAccidents : ctx.sectorAccidents;
        const matched = pool.filter((a) => {
          if (rule.minGrade && !gradeAtLeast(ctx.gradeOf(a), rule.minGrade)) return false;
          if (rule.fatal && a.deaths < 1) return false;
          if (rule.minDeaths !== undefined && a.deaths < rule.minDeaths) return false;
          if (rule.liabilityOnly && !a.liability) return false;
          if (rule.sectors && !(a.sector && rule.sectors.includes(a.sector))) return false;
          if (rule.exceptSectors && a.sector && rule.exceptSectors.includes(a.sector)) return false;
          return true;
        });
        if (matched.length >= rule.minCount) {
          hits.push({
            ruleId: rule.id,
            reason: rule.reason,
            evidence: { kind: 'accidents', accidentIds: matched.map((a) => a.id), grades: matched.map(ctx.gradeOf) },
          });
        }
        break;
      }
      case 'indicatorBreach': {
        const breached = ctx.indicators.filter((s) => s.breached && (!rule.indicators || rule.indicators.includes(s.indicator.kind)));
        if (breached.length > 0) {
          hits.push({
            ruleId: rule.id,
            reason: rule.reason,
            evidence: {
              kind: 'indicators',
              indicators: breached.map((s) => `${s.label}，实际 ${s.actual}`),
              accidentIds: [...new Set(breached.flatMap((s) => s.accidentIds))],
            },
          });
        }
        break;
      }
      case 'scoreBelow': {
        const line = toCenti(rule.line) ?? 0;
        if (ctx.total < line) hits.push({ ruleId: rule.id, reason: rule.reason, evidence: { kind: 'score', total: ctx.total, line } });
        break;
      }
      case 'metricAbove': {
        const raw = ctx.metrics?.[rule.metric];
        if (raw === undefined) break;
        const value = typeof raw === 'number' ? raw : raw.value;
        if (value > rule.limit) {
          hits.push({
            ruleId: rule.id,
            reason: rule.reason,
            evidence: { kind: 'metric', metric: rule.metric, value, limit: rule.limit, sources: typeof raw === 'number' ? [] : (raw.sources ?? []) },
          });
        }
        break;
      }
      case 'manual': {
        for (const decision of ctx.manual) {
          if (decision.rule !== rule.id) continue;
          hits.push({ ruleId: rule.id, reason: decision.reason ?? rule.reason, evidence: { kind: 'manual', note: decision.note } });
        }
        break;
      }
    }
  }
  return hits;
}
