import { toCenti, formatPoints, type Centi } from '../arith/points';
import { checkPartition, parseInterval, type Interval } from './interval';
import type { AdjustmentItem, Criterion, FormulaRule, Method, RewardRule, Scheme, VetoRule } from './schema';
import { CaseValidationError, type ValidationIssue } from './validation-error';

/**
 * A scheme checked for meaning (ids unique, references resolved, points adding up per
 * category, grade bands partitioning the scale) and compiled into flat per-category plans
 * the engine walks without lookups.
 */

export interface PlanNode {
  id: string;
  name: string;
  /** index of the parent in the plan, -1 for top level */
  parent: number;
  depth: number;
  /** standard points this node contributes to its parent */
  points: Centi;
  /** for groups: the scale its children sum to (= points unless rescaled, 折算) */
  childScale: Centi;
  leaf: boolean;
  method: CompiledMethod | null;
  notApplicableAllowed: boolean;
  description: string | undefined;
}

export type CompiledFormula =
  | { kind: 'linear'; zeroAt: number; fullAt: number }
  | { kind: 'bands'; bands: { interval: Interval; range: string; points: Centi }[] }
  | { kind: 'perUnitShortfall'; direction: 'atLeast' | 'atMost'; target: number; perUnit: Centi; unit: number; partial: 'exact' | 'ceil' | 'floor' };

export type CompiledMethod =
  | { type: 'manual' }
  | { type: 'deduction'; perOccurrence: Centi; variable: boolean }
  | { type: 'passFail' }
  | { type: 'formula'; metric: string; rule: CompiledFormula };

export interface CategoryPlan {
  categoryId: string;
  /** nodes in depth-first order: a parent always precedes its children */
  nodes: PlanNode[];
  /** plan indices of leaves */
  leaves: number[];
  /** plan indices of groups, deepest last in preorder — walked backwards, children come first */
  groups: number[];
  /** criterion id → plan index */
  indexById: Map<string, number>;
}

export interface CompiledAdjustment {
  item: AdjustmentItem;
  points: Centi | null;
  levels: Map<string, { name: string; points: Centi }>;
  cap: Centi | null;
  categories: Set<string> | null;
}

export interface CompiledGradeBand {
  name: string;
  range: string;
  interval: Interval;
}

export interface CompiledScheme {
  scheme: Scheme;
  scale: Centi;
  categoryById: Map<string, Scheme['categories'][number]>;
  plans: Map<string, CategoryPlan>;
  bonus: { cap: Centi | null; items: Map<string, CompiledAdjustment> } | null;
  penalty: { cap: Centi | null; items: Map<string, CompiledAdjustment> } | null;
  gradeBands: CompiledGradeBand[];
  vetoGrade: string;
  gradeNames: Set<string>;
  vetoRules: VetoRule[];
  rewardRules: { rule: RewardRule; categories: Set<string> | null; bands: { interval: Interval; range: string; percent: number }[]; threshold: Centi }[];
  threshold: Centi;
}

const c = (n: number): Centi => toCenti(n) ?? Math.round(n * 100);

export function compileScheme(scheme: Scheme, file?: string): CompiledScheme {
  const issues: ValidationIssue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ ...(file ? { file } : {}), path, message });

  // Categories
  const categoryById = new Map<string, Scheme['categories'][number]>();
  scheme.categories.forEach((cat, i) => {
    if (categoryById.has(cat.id)) issue(['categories', i, 'id'], `单位类别标识“${cat.id}”重复`);
    categoryById.set(cat.id, cat);
  });
  const checkRefs = (refs: string[] | undefined, path: (string | number)[]) => {
    refs?.forEach((ref, i) => {
      if (!categoryById.has(ref)) issue([...path, i], `未定义的单位类别“${ref}”`);
    });
  };

  // Criteria tree: structure checks and unique ids
  const seen = new Set<string>();
  const walk = (nodes: Criterion[], path: (string | number)[]) => {
    nodes.forEach((node, i) => {
      const p = [...path, i];
      if (seen.has(node.id)) issue([...p, 'id'], `细则条目标识“${node.id}”重复`);
      seen.add(node.id);
      checkRefs(node.appliesTo, [...p, 'appliesTo']);
      if (node.children) {
        if (node.method) issue([...p, 'method'], '含下级条目的条目不能设评分方法（评分方法只设在末级条目上）');
        walk(node.children, [...p, 'children']);
      } else {
        if (!node.method) issue([...p, 'method'], '末级条目缺少评分方法（method）');
        if (node.scoredOutOf !== undefined) issue([...p, 'scoredOutOf'], '只有含下级条目的条目才能设折算（scoredOutOf）');
        if (node.method?.type === 'deduction' && node.method.perOccurrence > node.points) {
          issue([...p, 'method', 'perOccurrence'], `每次扣分 ${node.method.perOccurrence} 超过本条标准分 ${node.points}`);
        }
        if (node.method?.type === 'formula') {
          checkFormula(node.method.rule, node.points, [...p, 'method', 'rule'], issue);
          if (!scheme.metrics[node.method.metric]) issue([...p, 'method', 'metric'], `指标“${node.method.metric}”未在 metrics 中定义（需给出中文名称）`);
        }
      }
    });
  };
  walk(scheme.criteria, ['criteria']);

  // Per-category plans and point sums
  const plans = new Map<string, CategoryPlan>();
  for (const cat of scheme.categories) {
    const plan: CategoryPlan = { categoryId: cat.id, nodes: [], leaves: [], groups: [], indexById: new Map() };
    const build = (nodes: Criterion[], parent: number, depth: number, path: (string | number)[], expected: Centi, owner: string) => {
      let sum = 0;
      nodes.forEach((node, i) => {
        if (node.appliesTo && !node.appliesTo.includes(cat.id)) return;
        const index = plan.nodes.length;
        const points = c(node.points);
        sum += points;
        const leaf = !node.children;
        plan.nodes.push({
          id: node.id,
          name: node.name,
          parent,
          depth,
          points,
          childScale: node.scoredOutOf !== undefined ? c(node.scoredOutOf) : points,
          leaf,
          method: node.method ? compileMethod(node.method) : null,
          notApplicableAllowed: node.notApplicableAllowed ?? false,
          description: node.description,
        });
        plan.indexById.set(node.id, index);
        if (leaf) plan.leaves.push(index);
        else plan.groups.push(index);
        if (!leaf) build(node.children!, index, depth + 1, [...path, i, 'children'], plan.nodes[index]!.childScale, `条目“${node.id} ${node.name}”`);
      });
      if (sum !== expected) {
        issue(path, `类别“${cat.name}”适用的${owner}下级条目标准分合计 ${formatPoints(sum)}，应为 ${formatPoints(expected)}`);
      }
    };
    build(scheme.criteria, -1, 0, ['criteria'], c(scheme.scale), '总分');
    plans.set(cat.id, plan);
  }

  // Bonus and penalty items
  const compileAdjustments = (section: Scheme['bonus'], key: 'bonus' | 'penalty') => {
    if (!section) return null;
    const items = new Map<string, CompiledAdjustment>();
    section.items.forEach((item, i) => {
      const p = [key, 'items', i];
      if (items.has(item.id)) issue([...p, 'id'], `条目标识“${item.id}”重复`);
      checkRefs(item.appliesTo, [...p, 'appliesTo']);
      if (item.mode === 'perOccurrence' && item.points === undefined) issue([...p, 'points'], '按次计分的条目需要每次分值（points）');
      if (item.mode === 'highestLevel' && !item.levels) issue([...p, 'levels'], '按最高级别计分的条目需要级别列表（levels）');
      const levels = new Map<string, { name: string; points: Centi }>();
      item.levels?.forEach((level, j) => {
        if (levels.has(level.id)) issue([...p, 'levels', j, 'id'], `级别标识“${level.id}”重复`);
        levels.set(level.id, { name: level.name, points: c(level.points) });
      });
      items.set(item.id, {
        item,
        points: item.points !== undefined ? c(item.points) : null,
        levels,
        cap: item.cap !== undefined ? c(item.cap) : null,
        categories: item.appliesTo ? new Set(item.appliesTo) : null,
      });
    });
    return { cap: section.cap !== undefined ? c(section.cap) : null, items };
  };
  const bonus = compileAdjustments(scheme.bonus, 'bonus');
  const penalty = compileAdjustments(scheme.penalty, 'penalty');

  // Grades
  const gradeBands: CompiledGradeBand[] = [];
  scheme.grades.bands.forEach((band, i) => {
    const parsed = parseInterval(band.range);
    if (typeof parsed === 'string') issue(['grades', 'bands', i, 'range'], parsed);
    else gradeBands.push({ name: band.name, range: band.range, interval: parsed });
    if (scheme.grades.bands.findIndex((b) => b.name === band.name) !== i) issue(['grades', 'bands', i, 'name'], `等次“${band.name}”重复`);
  });
  if (gradeBands.length === scheme.grades.bands.length) {
    for (const problem of checkPartition(gradeBands.map((b) => ({ label: b.name, interval: b.interval })))) {
      issue(['grades', 'bands'], `等次区间${problem}`);
    }
  }
  const gradeNames = new Set(scheme.grades.bands.map((b) => b.name));
  scheme.grades.byRank?.forEach((rank, i) => {
    if (gradeNames.has(rank.name)) issue(['grades', 'byRank', i, 'name'], `按名次评定的等次“${rank.name}”与分数段等次重名`);
    rank.among.forEach((name, j) => {
      if (!gradeNames.has(name)) issue(['grades', 'byRank', i, 'among', j], `未定义的等次“${name}”`);
    });
    if (typeof rank.top === 'object') {
      if (rank.scope !== 'category') issue(['grades', 'byRank', i, 'top'], '按类别给出名额时，scope 应为 category');
      for (const key of Object.keys(rank.top)) if (!categoryById.has(key)) issue(['grades', 'byRank', i, 'top', key], `未定义的单位类别“${key}”`);
    }
  });
  for (const rank of scheme.grades.byRank ?? []) gradeNames.add(rank.name);
  const lowest = [...gradeBands].sort((a, b) => (a.interval.min ?? -Infinity) - (b.interval.min ?? -Infinity))[0];
  const vetoGrade = scheme.grades.vetoGrade ?? lowest?.name ?? '';
  if (scheme.grades.vetoGrade && !gradeNames.has(scheme.grades.vetoGrade)) {
    issue(['grades', 'vetoGrade'], `未定义的等次“${scheme.grades.vetoGrade}”`);
  }

  // Vetoes
  const vetoIds = new Set<string>();
  scheme.veto.rules.forEach((rule, i) => {
    if (vetoIds.has(rule.id)) issue(['veto', 'rules', i, 'id'], `否决规则标识“${rule.id}”重复`);
    vetoIds.add(rule.id);
    checkRefs(rule.appliesTo, ['veto', 'rules', i, 'appliesTo']);
    if (rule.type === 'metricAbove' && !scheme.metrics[rule.metric]) {
      issue(['veto', 'rules', i, 'metric'], `指标“${rule.metric}”未在 metrics 中定义（需给出中文名称）`);
    }
    if (rule.type === 'accident' && rule.sectors && rule.exceptSectors) {
      issue(['veto', 'rules', i], 'sectors 与 exceptSectors 不能同时使用');
    }
  });

  // Rewards
  const rewardRules: CompiledScheme['rewardRules'] = [];
  if (scheme.reward) {
    const claimed = new Map<string, number>();
    scheme.reward.rules.forEach((rule, i) => {
      const p = ['reward', 'rules', i];
      checkRefs(rule.appliesTo, [...p, 'appliesTo']);
      for (const cat of rule.appliesTo ?? [...categoryById.keys()]) {
        const other = claimed.get(cat);
        if (other !== undefined) issue([...p, 'appliesTo'], `类别“${categoryById.get(cat)?.name ?? cat}”已由第 ${other + 1} 条奖励规则计算，一个类别只能适用一条奖励规则`);
        claimed.set(cat, i);
      }
      const bands: { interval: Interval; range: string; percent: number }[] = [];
      if (rule.type === 'bandBase') {
        rule.bands.forEach((band, j) => {
          const parsed = parseInterval(band.range);
          if (typeof parsed === 'string') issue([...p, 'bands', j, 'range'], parsed);
          else bands.push({ interval: parsed, range: band.range, percent: band.percent });
        });
        if (bands.length === rule.bands.length) {
          for (const problem of checkPartitionGapsAllowed(bands)) issue([...p, 'bands'], problem);
        }
      }
      if (rule.type === 'perGrade') {
        for (const name of Object.keys(rule.amounts)) if (!gradeNames.has(name)) issue([...p, 'amounts', name], `未定义的等次“${name}”`);
      }
      rewardRules.push({
        rule,
        categories: rule.appliesTo ? new Set(rule.appliesTo) : null,
        bands,
        threshold: rule.type === 'linear' ? c(rule.threshold) : 0,
      });
    });
    scheme.reward.splits?.forEach((split, i) => checkRefs(split.appliesTo, ['reward', 'splits', i, 'appliesTo']));
    for (const cat of categoryById.keys()) {
      const total = (scheme.reward.splits ?? []).filter((s) => !s.appliesTo || s.appliesTo.includes(cat)).reduce((sum, s) => sum + s.percent, 0);
      if (total > 100) issue(['reward', 'splits'], `类别“${categoryById.get(cat)?.name}”的个人分配比例合计 ${total}%，超过 100%`);
    }
  }

  if (issues.length > 0) throw new CaseValidationError(issues);
  return {
    scheme,
    scale: c(scheme.scale),
    categoryById,
    plans,
    bonus,
    penalty,
    gradeBands,
    vetoGrade,
    gradeNames,
    vetoRules: scheme.veto.rules,
    rewardRules,
    threshold: c(scheme.stats.threshold),
  };
}

function checkPartitionGapsAllowed(bands: { interval: Interval; range: string }[]): string[] {
  // Reward bands may leave gaps (no reward below the lowest band) but must not overlap.
  return checkPartition(bands.map((b) => ({ label: b.range, interval: b.interval })))
    .filter((p) => p.endsWith('重叠'))
    .map((p) => `奖励分数段${p}`);
}

function compileMethod(method: Method): CompiledMethod {
  switch (method.type) {
    case 'manual':
    case 'passFail':
      return { type: method.type };
    case 'deduction':
      return { type: 'deduction', perOccurrence: c(method.perOccurrence), variable: method.variable };
    case 'formula':
      return { type: 'formula', metric: method.metric, rule: compileFormula(method.rule) };
  }
}

function compileFormula(rule: FormulaRule): CompiledFormula {
  switch (rule.kind) {
    case 'linear':
      return rule;
    case 'bands':
      return {
        kind: 'bands',
        bands: rule.bands.flatMap((b) => {
          const interval = parseInterval(b.range);
          return typeof interval === 'string' ? [] : [{ interval, range: b.range, points: c(b.points) }];
        }),
      };
    case 'perUnitShortfall':
      return { ...rule, perUnit: c(rule.perUnit) };
  }
}

function checkFormula(rule: FormulaRule, points: number, path: (string | number)[], issue: (p: (string | number)[], m: string) => void) {
  if (rule.kind === 'linear' && rule.zeroAt === rule.fullAt) issue(path, 'zeroAt 与 fullAt 不能相等');
  if (rule.kind === 'bands') {
    const parsed: { label: string; interval: Interval }[] = [];
    rule.bands.forEach((b, i) => {
      const interval = parseInterval(b.range);
      if (typeof interval === 'string') issue([...path, 'bands', i, 'range'], interval);
      else parsed.push({ label: b.range, interval });
      if (b.points > points) issue([...path, 'bands', i, 'points'], `分值 ${b.points} 超过本条标准分 ${points}`);
    });
    for (const problem of checkPartition(parsed)) if (problem.endsWith('重叠')) issue([...path, 'bands'], `分段${problem}`);
  }
}
