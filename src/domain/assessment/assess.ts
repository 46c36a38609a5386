import type { Accident } from '../accidents/accident';
import { gradeAccident, type AccidentGrade } from '../accidents/grade';
import { percentText } from '../arith/rounding';
import { evaluateIndicator, type IndicatorStatus } from '../indicators/control-indicator';
import type { AdjustmentEvent, ManualVeto, UnitInput } from '../scheme/facts-schema';
import { contains } from '../scheme/interval';
import { applyAdjustments } from './adjustments';
import { attributeAccidents } from './attribution';
import type { AssessmentCase } from './case';
import { rankScores } from './ranking';
import type { AssessmentResult, CampaignStats, UnitResult } from './result-types';
import { computeReward } from './rewards';
import { MISSING } from './score-item';
import { scoreUnit, Workspace } from './score-unit';
import { orderTable } from './table-order';
import { evaluateVetoes } from './vetoes';

/**
 * The rules engine: applies a validated case's scheme to its facts and returns every
 * unit's result with what produced each number. Pure and deterministic: the same case
 * always gives the same result, in the same order.
 */
export function assess(input: AssessmentCase): AssessmentResult {
  const { compiled, scheme } = input;
  const gradeCache = new Map<Accident, AccidentGrade>();
  const gradeOf = (a: Accident): AccidentGrade => {
    let g = gradeCache.get(a);
    if (!g) {
      g = gradeAccident(a).grade;
      gradeCache.set(a, g);
    }
    return g;
  };
  const attribution = attributeAccidents(input.units, input.accidents);
  const bonusesByUnit = groupBy(input.bonuses, (e) => e.unit);
  const penaltiesByUnit = groupBy(input.penalties, (e) => e.unit);
  const manualByUnit = groupBy(input.vetoes, (v) => v.unit);
  const rejectionsByUnit = groupBy(input.vetoRejections, (v) => v.unit);
  const workspaces = new Map<string, Workspace>();

  const results: UnitResult[] = input.units.map((unit, registryIndex) => {
    const category = compiled.categoryById.get(unit.category)!;
    const plan = compiled.plans.get(unit.category)!;
    let ws = workspaces.get(unit.category);
    if (!ws) {
      ws = new Workspace(plan.nodes.length);
      workspaces.set(unit.category, ws);
    }
    const scored = scoreUnit(compiled, plan, ws, input.scores[unit.id], input.metrics[unit.id], null);
    const bonus = applyAdjustments(compiled.bonus, bonusesByUnit.get(unit.id));
    const penalty = applyAdjustments(compiled.penalty, penaltiesByUnit.get(unit.id));
    const unclamped = scored.base + bonus.total - penalty.total;
    const total = Math.max(0, unclamped);

    const areaAccidents = attribution.area.get(unit.id) ?? [];
    const sectorAccidents = attribution.sector.get(unit.id) ?? [];
    // Control indicators count accidents by the unit's kind of responsibility (primer §1).
    const own = category.responsibility === 'territorial' ? areaAccidents : sectorAccidents;
    const indicators: IndicatorStatus[] = (unit.controlIndicators ?? []).map((ind) => evaluateIndicator(ind, own, gradeOf));
    const breached = indicators.some((s) => s.breached);
    const hits = evaluateVetoes(compiled.vetoRules, {
      categoryId: unit.category,
      areaAccidents,
      sectorAccidents,
      gradeOf,
      indicators,
      total,
      metrics: input.metrics[unit.id],
      manual: manualByUnit.get(unit.id) ?? [],
    });
    // A hit the committee office rejected after review does not veto; it stays in the trace.
    const rejections = rejectionsByUnit.get(unit.id);
    const vetoes = rejections ? hits.filter((h) => !rejections.some((x) => x.rule === h.ruleId)) : hits;
    const rejectedVetoes = rejections
      ? hits.flatMap((h) => rejections.filter((x) => x.rule === h.ruleId).map((x) => ({ hit: h, reason: x.reason })))
      : [];
    const vetoed = vetoes.length > 0;
    const band = compiled.gradeBands.find((b) => contains(b.interval, total));
    const bandGrade = vetoed ? compiled.vetoGrade : (band?.name ?? compiled.vetoGrade);
    return {
      unitId: unit.id,
      name: unit.name,
      categoryId: unit.category,
      categoryName: category.name,
      registryIndex,
      leafEarned: scored.leafEarned,
      baseRaw: scored.baseRaw,
      baseApplicable: scored.baseApplicable,
      base: scored.base,
      baseRounded: scored.baseRounded,
      bonus,
      penalty,
      total,
      totalFloored: unclamped < 0,
      vetoes,
      rejectedVetoes,
      vetoed,
      indicators,
      breached,
      publishedScore: vetoed && scheme.veto.effect === 'blankScore' ? null : total,
      bandGrade,
      grade: bandGrade,
      gradeReason: vetoed
        ? `一票否决，等次定为“${compiled.vetoGrade}”`
        : band
          ? `分数段 ${band.range}`
          : '不在任何分数段内',
      rank: null,
      rankScope: '',
      reward: { eligible: false, ineligibleReasons: [], amount: null, formula: '', splits: [], remainder: null },
      missingItems: scored.missing === 0 ? [] : plan.leaves.filter((_, k) => scored.leafEarned[k] === MISSING).map((index) => plan.nodes[index]!.id),
    };
  });

  applyRanks(input, results);
  applyRankGrades(input, results);
  for (const r of results) {
    const unit = input.units[r.registryIndex]!;
    r.reward = computeReward(scheme, compiled, {
      unit,
      total: r.total,
      grade: r.grade,
      vetoed: r.vetoed,
      breached: r.breached,
      breachText: r.indicators.filter((s) => s.breached).map((s) => `${s.label}，实际 ${s.actual}`),
    });
  }
  const ordered = orderTable(results, scheme.table.order, scheme.categories.map((c) => c.id));
  return {
    campaign: { name: scheme.campaign.name, year: scheme.campaign.year, period: scheme.campaign.period, schemeVersion: scheme.version },
    units: ordered,
    stats: computeStats(input, ordered),
  };
}

function applyRanks(input: AssessmentCase, results: UnitResult[]): void {
  const { scope, method } = input.scheme.ranking;
  // Vetoed units are not ranked: their score is blanked or does not count.
  const groups = groupBy(results.filter((r) => !r.vetoed), (r) => (scope === 'category' ? r.categoryId : ''));
  for (const [key, group] of groups) {
    const ranks = rankScores(group.map((r) => r.total), method);
    group.forEach((r, i) => {
      r.rank = ranks[i]!;
      r.rankScope = scope === 'category' ? `${input.compiled.categoryById.get(key)?.name ?? key}内` : '全部单位';
    });
  }
}

/** Rank-based grades (阿坝: top 6 counties and top 10 departments among 合格 = 先进). */
function applyRankGrades(input: AssessmentCase, results: UnitResult[]): void {
  for (const rule of input.scheme.grades.byRank ?? []) {
    const candidates = results.filter((r) => !r.vetoed && rule.among.includes(r.bandGrade) && r.grade === r.bandGrade);
    const groups = groupBy(candidates, (r) => (rule.scope === 'category' ? r.categoryId : ''));
    for (const [key, group] of groups) {
      const top = typeof rule.top === 'number' ? rule.top : (rule.top[key] ?? 0);
      const ranks = rankScores(group.map((r) => r.total), 'competition');
      group.forEach((r, i) => {
        // Ties at the boundary share the rank and so all qualify (competition ranking).
        if (ranks[i]! <= top) {
          r.grade = rule.name;
          r.gradeReason = `${rule.scope === 'category' ? `${r.categoryName}中` : ''}“${rule.among.join('、')}”单位第 ${ranks[i]} 名，前 ${top} 名评为“${rule.name}”`;
        }
      });
    }
  }
}

function computeStats(input: AssessmentCase, results: UnitResult[]): CampaignStats {
  const threshold = input.compiled.threshold;
  // 周村 2014：“在被考核的38个单位中，考核分数在80分以上的有34个，占89.47%” — the denominator
  // counts every assessed unit, vetoed ones included; a vetoed unit is never counted as passing.
  const atOrAbove = results.filter((r) => !r.vetoed && r.total >= threshold).length;
  const byCategory = input.scheme.categories.map((cat) => {
    const members = results.filter((r) => r.categoryId === cat.id);
    const rewarded = members.filter((r) => r.reward.eligible);
    return {
      categoryId: cat.id,
      categoryName: cat.name,
      units: members.length,
      rewarded: rewarded.length,
      total: rewarded.reduce((sum, r) => sum + (r.reward.amount ?? 0), 0),
    };
  });
  const gradeNames = [...input.compiled.gradeNames];
  return {
    assessed: results.length,
    threshold,
    atOrAboveThreshold: atOrAbove,
    passRatePercent: percentText(atOrAbove, results.length),
    vetoed: results.filter((r) => r.vetoed).length,
    rewardTotal: byCategory.reduce((sum, c) => sum + c.total, 0),
    rewardByCategory: byCategory,
    gradeCounts: gradeNames.map((grade) => ({ grade, count: results.filter((r) => r.grade === grade).length })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export type { AdjustmentEvent, ManualVeto, UnitInput };
