import { formatPoints, toCenti } from '../arith/points';
import type { ValidationIssue } from '../scheme/validation-error';
import type { AssessmentCase, CaseFileNames } from './case';

/**
 * Cross-checks the facts against the scheme: every unit, criterion, bonus item, veto rule and
 * accident reference must resolve, inputs must suit the item's method and stay within its
 * points, and (when complete results are asked for) every applicable item must be scored.
 */
export function checkFacts(input: AssessmentCase, files: CaseFileNames, requireComplete: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const at = (file: keyof CaseFileNames) => (path: (string | number)[], message: string) =>
    issues.push({ ...(files[file] ? { file: files[file] } : {}), path, message });
  const unitIssue = at('units');
  const scoreIssue = at('scores');
  const adjIssue = at('adjustments');
  const accIssue = at('accidents');
  const metricIssue = at('metrics');
  const { compiled } = input;

  const unitById = new Map<string, AssessmentCase['units'][number]>();
  const names = new Set<string>();
  input.units.forEach((unit, i) => {
    if (unitById.has(unit.id)) unitIssue(['units', i, 'id'], `单位标识“${unit.id}”重复`);
    if (names.has(unit.name)) unitIssue(['units', i, 'name'], `单位名称“${unit.name}”重复`);
    unitById.set(unit.id, unit);
    names.add(unit.name);
    if (!compiled.categoryById.has(unit.category)) unitIssue(['units', i, 'category'], `未定义的单位类别“${unit.category}”`);
    const splits = input.scheme.reward?.splits ?? [];
    for (const split of splits) {
      if (split.appliesTo && !split.appliesTo.includes(unit.category)) continue;
      if (!unit.persons?.some((p) => p.role === split.role)) {
        unitIssue(['units', i, 'persons'], `奖励需分配给“${split.role}”，但单位“${unit.name}”未登记该人员`);
      }
    }
    for (const rule of compiled.rewardRules) {
      if (rule.rule.type !== 'bandBase') continue;
      if (rule.categories && !rule.categories.has(unit.category)) continue;
      if (unit.rewardBase === undefined) unitIssue(['units', i, 'rewardBase'], `单位“${unit.name}”适用按基数计奖，缺少奖励基数（rewardBase）`);
    }
  });

  const unitRef = (id: string, path: (string | number)[], report: typeof unitIssue) => {
    const unit = unitById.get(id);
    if (!unit) report(path, `未知单位“${id}”（units 中没有该标识）`);
    return unit;
  };

  // Item scores
  for (const [unitId, items] of Object.entries(input.scores)) {
    const unit = unitRef(unitId, ['scores', unitId], scoreIssue);
    if (!unit) continue;
    const plan = compiled.plans.get(unit.category);
    if (!plan) continue;
    for (const [criterionId, value] of Object.entries(items)) {
      const path = ['scores', unitId, criterionId];
      const index = plan.indexById.get(criterionId);
      if (index === undefined) {
        scoreIssue(path, `细则中没有适用于“${unit.name}”的条目“${criterionId}”`);
        continue;
      }
      const node = plan.nodes[index]!;
      if (!node.leaf || !node.method) {
        scoreIssue(path, `条目“${criterionId} ${node.name}”含下级条目，应对其末级条目评分`);
        continue;
      }
      const method = node.method;
      if (typeof value === 'object' && 'notApplicable' in value) {
        if (!node.notApplicableAllowed) scoreIssue(path, `条目“${criterionId} ${node.name}”不允许标记缺项`);
        continue;
      }
      if (typeof value === 'number' || 'score' in value) {
        const score = typeof value === 'number' ? value : value.score;
        if (method.type !== 'manual') scoreIssue(path, `条目“${criterionId} ${node.name}”的评分方法是${methodName(method.type)}，不能直接填分数`);
        else if ((toCenti(score) ?? 0) > node.points) scoreIssue(path, `得分 ${score} 超过本条标准分 ${formatPoints(node.points)}`);
        continue;
      }
      if ('deductions' in value) {
        if (method.type !== 'deduction') {
          scoreIssue(path, `条目“${criterionId} ${node.name}”的评分方法是${methodName(method.type)}，不能填扣分`);
          continue;
        }
        value.deductions.forEach((d, k) => {
          if (d.points !== undefined && !method.variable) scoreIssue([...path, 'deductions', k, 'points'], '本条按固定分值扣分，不能自定每次扣分');
          if (d.points !== undefined && (toCenti(d.points) ?? 0) > node.points) scoreIssue([...path, 'deductions', k, 'points'], `每次扣分 ${d.points} 超过本条标准分 ${formatPoints(node.points)}`);
        });
        continue;
      }
      if ('passed' in value && method.type !== 'passFail') {
        scoreIssue(path, `条目“${criterionId} ${node.name}”的评分方法是${methodName(method.type)}，不能填是否达标`);
      }
    }
  }

  // Completeness and metrics for formula items
  for (const unit of input.units) {
    const plan = compiled.plans.get(unit.category);
    if (!plan) continue;
    const items = input.scores[unit.id] ?? {};
    const missing: string[] = [];
    for (const leafIndex of plan.leaves) {
      const node = plan.nodes[leafIndex]!;
      const value = items[node.id];
      if (node.method?.type === 'formula') {
        if (value !== undefined && typeof value === 'object' && 'notApplicable' in value) continue;
        // Before the year's figures are in (requireComplete off) a missing metric leaves the
        // item unscored, like a manual item not yet scored; a final assessment needs it.
        if (requireComplete && input.metrics[unit.id]?.[node.method.metric] === undefined) {
          metricIssue(['metrics', unit.id, node.method.metric], `条目“${node.id} ${node.name}”按指标“${node.method.metric}”计分，缺少单位“${unit.name}”的该指标值`);
        }
        continue;
      }
      if (value === undefined) missing.push(node.id);
    }
    if (requireComplete && missing.length > 0) {
      scoreIssue(['scores', unit.id], `单位“${unit.name}”尚有 ${missing.length} 个条目未评分：${missing.slice(0, 10).join('、')}${missing.length > 10 ? ' 等' : ''}`);
    }
  }
  for (const unitId of Object.keys(input.metrics)) unitRef(unitId, ['metrics', unitId], metricIssue);
  for (const rule of compiled.vetoRules) {
    if (rule.type !== 'metricAbove') continue;
    for (const unit of input.units) {
      if (rule.appliesTo && !rule.appliesTo.includes(unit.category)) continue;
      if (requireComplete && input.metrics[unit.id]?.[rule.metric] === undefined) {
        metricIssue(['metrics', unit.id, rule.metric], `否决规则“${rule.id}”按指标“${rule.metric}”判断，缺少单位“${unit.name}”的该指标值`);
      }
    }
  }

  // Bonus and penalty events
  const checkEvents = (events: AssessmentCase['bonuses'], key: 'bonuses' | 'penalties') => {
    const section = key === 'bonuses' ? compiled.bonus : compiled.penalty;
    events.forEach((event, i) => {
      const path = [key, i];
      const unit = unitRef(event.unit, [...path, 'unit'], adjIssue);
      const item = section?.items.get(event.item);
      if (!item) {
        adjIssue([...path, 'item'], `方案中没有${key === 'bonuses' ? '加分' : '减分'}条目“${event.item}”`);
        return;
      }
      if (unit && item.categories && !item.categories.has(unit.category)) adjIssue([...path, 'item'], `条目“${item.item.name}”不适用于单位“${unit.name}”的类别`);
      if (item.item.mode === 'highestLevel') {
        if (!event.level) adjIssue([...path, 'level'], `条目“${item.item.name}”按级别计分，缺少级别（level）`);
        else if (!item.levels.has(event.level)) adjIssue([...path, 'level'], `条目“${item.item.name}”没有级别“${event.level}”`);
      }
    });
  };
  checkEvents(input.bonuses, 'bonuses');
  checkEvents(input.penalties, 'penalties');

  input.vetoes.forEach((veto, i) => {
    unitRef(veto.unit, ['vetoes', i, 'unit'], adjIssue);
    const rule = compiled.vetoRules.find((r) => r.id === veto.rule);
    if (!rule) adjIssue(['vetoes', i, 'rule'], `方案中没有否决规则“${veto.rule}”`);
    else if (rule.type !== 'manual') adjIssue(['vetoes', i, 'rule'], `否决规则“${veto.rule}”不是人工否决规则，由事实自动判断`);
  });

  input.vetoRejections.forEach((rejection, i) => {
    unitRef(rejection.unit, ['vetoRejections', i, 'unit'], adjIssue);
    const rule = compiled.vetoRules.find((r) => r.id === rejection.rule);
    if (!rule) adjIssue(['vetoRejections', i, 'rule'], `方案中没有否决规则“${rejection.rule}”`);
    else if (rule.type === 'manual') adjIssue(['vetoRejections', i, 'rule'], `人工否决规则“${rejection.rule}”无需驳回，删除该否决决定即可`);
  });

  // Accidents
  const accidentIds = new Set<string>();
  input.accidents.forEach((accident, i) => {
    const path = ['accidents', i];
    if (accidentIds.has(accident.id)) accIssue([...path, 'id'], `事故编号“${accident.id}”重复`);
    accidentIds.add(accident.id);
    if (accident.territorialUnit) {
      const unit = unitRef(accident.territorialUnit, [...path, 'territorialUnit'], accIssue);
      if (unit && compiled.categoryById.get(unit.category)?.responsibility !== 'territorial') {
        accIssue([...path, 'territorialUnit'], `“${unit.name}”不是属地单位，不能作为事发属地`);
      }
    }
    if (accident.regulatingUnit) {
      const unit = unitRef(accident.regulatingUnit, [...path, 'regulatingUnit'], accIssue);
      if (unit && compiled.categoryById.get(unit.category)?.responsibility !== 'sectoral') {
        accIssue([...path, 'regulatingUnit'], `“${unit.name}”不是行业监管部门，不能作为监管部门`);
      }
    }
  });
  return issues;
}

function methodName(type: string): string {
  return ({ manual: '直接评分', deduction: '按次扣分', passFail: '达标判定', formula: '按指标计算' } as Record<string, string>)[type] ?? type;
}
