import type { Accident } from '../accidents/accident';
import { gradeAccident, type AccidentGrade } from '../accidents/grade';
import { type Centi } from '../arith/points';
import { mulDivRound, percentText } from '../arith/rounding';
import { evaluateIndicator, type IndicatorStatus } from '../indicators/control-indicator';
import type { CategoryPlan, CompiledScheme } from '../scheme/compile-scheme';
import type { AdjustmentEvent, ItemInput, ManualVeto, UnitInput } from '../scheme/facts-schema';
import { contains, formatInterval } from '../scheme/interval';
import { applyAdjustments } from './adjustments';
import type { AssessmentCase } from './case';
import { rankScores } from './ranking';
import type { AssessmentResult, CampaignStats, GroupResult, ItemResult, UnitResult } from './result-types';
import { computeReward } from './rewards';
import { scoreItem } from './score-item';
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
  const attribution = attributeAccidents(input);
  const bonusesByUnit = groupBy(input.bonuses, (e) => e.unit);
  const penaltiesByUnit = groupBy(input.penalties, (e) => e.unit);
  const manualByUnit = groupBy(input.vetoes, (v) => v.unit);
  const workspaces = new Map<string, Workspace>();

  const results: UnitResult[] = input.units.map((unit, registryIndex) => {
    const category = compiled.categoryById.get(unit.category)!;
    const plan = compiled.plans.get(unit.category)!;
    let ws = workspaces.get(unit.category);
    if (!ws) {
      ws = new Workspace(plan.nodes.length);
      workspaces.set(unit.category, ws);
    }
    const scored = scoreUnit(compiled, plan, ws, input.scores[unit.id], input.metrics[unit.id]);
    const bonus = applyAdjustments(compiled.bonus, bonusesByUnit.get(unit.id));
    const penalty = applyAdjustments(compiled.penalty, penaltiesByUnit.get(unit.id));
    const unclamped = scored.base + bonus.total - penalty.total;
    const total = Math.max(0, unclamped);

    const areaAccidents = attribution.area.get(unit.id) ?? [];
    const sectorAccidents = attribution.sector.get(unit.id) ?? [];
    // Control indicators count accidents by the unit's kind of responsibility (primer §1).
    const own = category.responsibility === 'territorial' ? areaAccidents : sectorAccidents;
    const indicators: IndicatorStatus[] = (unit.controlIndicators ?? []).map((ind) => evaluateIndicator(ind, own));
    const breached = indicators.some((s) => s.breached);
    const vetoes = evaluateVetoes(compiled.vetoRules, {
      categoryId: unit.category,
      areaAccidents,
      sectorAccidents,
      gradeOf,
      indicators,
      total,
      metrics: input.metrics[unit.id],
      manual: manualByUnit.get(unit.id) ?? [],
    });
    const vetoed = vetoes.length > 0;
    const band = compiled.gradeBands.find((b) => contains(b.interval, total));
    const bandGrade = vetoed ? compiled.vetoGrade : (band?.name ?? compiled.vetoGrade);
    return {
      unitId: unit.id,
      name: unit.name,
      categoryId: unit.category,
      categoryName: category.name,
      registryIndex,
      items: scored.items,
      groups: scored.groups,
      baseRaw: scored.baseRaw,
      baseApplicable: scored.baseApplicable,
      base: scored.base,
      baseRounded: scored.baseRounded,
      bonus,
      penalty,
      total,
      totalFloored: unclamped < 0,
      vetoes,
      vetoed,
      indicators,
      breached,
      publishedScore: vetoed && scheme.veto.effect === 'blankScore' ? null : total,
      bandGrade,
      grade: bandGrade,
      gradeReason: vetoed
        ? `一票否决，等次定为“${compiled.vetoGrade}”`
        : band
          ? `分数段 ${formatInterval(band.interval)}`
          : '不在任何分数段内',
      rank: null,
      rankScope: '',
      reward: { eligible: false, ineligibleReasons: [], amount: null, formula: '', splits: [], remainder: null },
      missingItems: scored.items.filter((i) => i.input.kind === 'missing').map((i) => i.id),
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

/** Reusable per-category scratch arrays, so scoring 10,000 units allocates no per-node arrays. */
class Workspace {
  earned: Float64Array;
  applicable: Float64Array;
  notApplicable: Float64Array;
  constructor(size: number) {
    this.earned = new Float64Array(size);
    this.applicable = new Float64Array(size);
    this.notApplicable = new Float64Array(size);
  }
}

interface ScoredUnit {
  items: ItemResult[];
  groups: GroupResult[];
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
function scoreUnit(
  compiled: CompiledScheme,
  plan: CategoryPlan,
  ws: Workspace,
  inputs: Record<string, ItemInput> | undefined,
  metrics: AssessmentCase['metrics'][string] | undefined,
): ScoredUnit {
  const { nodes } = plan;
  const mode = compiled.scheme.notApplicable.mode;
  const rounding = compiled.scheme.pointsRounding;
  const { earned, applicable, notApplicable } = ws;
  earned.fill(0);
  applicable.fill(0);
  notApplicable.fill(0);
  const items: ItemResult[] = new Array(plan.leaves.length);
  for (let k = 0; k < plan.leaves.length; k += 1) {
    const index = plan.leaves[k]!;
    const node = nodes[index]!;
    const item = scoreItem(index, node, inputs?.[node.id], metrics, rounding);
    items[k] = item;
    if (item.earned === null) {
      if (mode === 'normalise') notApplicable[index] = node.points;
      else {
        earned[index] = mode === 'fullMarks' ? node.points : 0;
        applicable[index] = node.points;
      }
    } else {
      earned[index] = item.earned;
      applicable[index] = node.points;
    }
  }
  const groups: GroupResult[] = [];
  let baseRaw = 0;
  let baseApplicable = 0;
  let baseNotApplicable = 0;
  for (let index = nodes.length - 1; index >= 0; index -= 1) {
    const node = nodes[index]!;
    if (!node.leaf) {
      // earned/applicable/notApplicable[index] now hold the sums of the children.
      const rescaled = node.childScale !== node.points;
      const sumEarned = earned[index]!;
      const sumApplicable = applicable[index]!;
      const sumNa = notApplicable[index]!;
      let contribution: Centi | null = sumEarned;
      let rounded = false;
      if (sumApplicable === 0 && sumNa > 0) {
        contribution = null;
        earned[index] = 0;
        applicable[index] = 0;
        notApplicable[index] = node.points;
      } else if (rescaled) {
        // 折算: the part's earned points over its applicable points, to this node's points.
        contribution = mulDivRound(sumEarned, node.points, sumApplicable, rounding);
        rounded = contribution * sumApplicable !== sumEarned * node.points;
        earned[index] = contribution;
        applicable[index] = node.points;
        notApplicable[index] = 0;
      }
      groups.push({
        index,
        id: node.id,
        earnedRaw: sumEarned,
        applicable: sumApplicable,
        notApplicable: sumNa,
        contribution,
        rescaled,
        rounded,
      });
    }
    if (node.parent >= 0) {
      earned[node.parent] = earned[node.parent]! + earned[index]!;
      applicable[node.parent] = applicable[node.parent]! + applicable[index]!;
      notApplicable[node.parent] = notApplicable[node.parent]! + notApplicable[index]!;
    } else {
      baseRaw += earned[index]!;
      baseApplicable += applicable[index]!;
      baseNotApplicable += notApplicable[index]!;
    }
  }
  groups.reverse();
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
  return { items, groups, baseRaw, baseApplicable: baseNotApplicable > 0 ? baseApplicable : scale, base, baseRounded };
}

/**
 * Accidents by the unit in whose area they happened, and by the department regulating their
 * sector — named on the record, or else every department whose `regulates` lists the sector.
 */
function attributeAccidents(input: AssessmentCase) {
  const area = new Map<string, Accident[]>();
  const sector = new Map<string, Accident[]>();
  const regulatorsBySector = new Map<string, string[]>();
  for (const unit of input.units) {
    for (const s of unit.regulates ?? []) {
      const list = regulatorsBySector.get(s);
      if (list) list.push(unit.id);
      else regulatorsBySector.set(s, [unit.id]);
    }
  }
  const push = (map: Map<string, Accident[]>, key: string, a: Accident) => {
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  };
  for (const accident of input.accidents) {
    if (accident.territorialUnit) push(area, accident.territorialUnit, accident);
    if (accident.regulatingUnit) push(sector, accident.regulatingUnit, accident);
    else if (accident.sector) for (const unitId of regulatorsBySector.get(accident.sector) ?? []) push(sector, unitId, accident);
  }
  return { area, sector };
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
