import type { Accident } from '../accidents/accident';
import { accidentGradeLabels, accidentGradeRule, gradeAccident } from '../accidents/grade';
import { formatYuan } from '../arith/money';
import { sectorLabel } from '../sectors';
import { formatPoints } from '../arith/points';
import { roundingModeLabels } from '../arith/rounding';
import type { CompiledMethod } from '../scheme/compile-scheme';
import type { AssessmentCase } from './case';
import type { ItemResult, UnitResult, VetoHit } from './result-types';
import { unitGroups, unitItems } from './unit-items';

/** A line of a trace with the lines that explain it (得分反查). */
export interface TraceNode {
  text: string;
  children?: TraceNode[];
  /** the record behind the line, for links in the web app */
  ref?: { kind: 'criterion' | 'accident' | 'rule' | 'metricSource'; id: string };
}

const node = (text: string, children?: TraceNode[], ref?: TraceNode['ref']): TraceNode =>
  children && children.length > 0 ? { text, children, ...(ref ? { ref } : {}) } : { text, ...(ref ? { ref } : {}) };

function metricName(input: AssessmentCase, metric: string): string {
  return input.scheme.metrics[metric]?.name ?? metric;
}

function withUnit(input: AssessmentCase, metric: string, value: number): string {
  return `${value}${input.scheme.metrics[metric]?.unit ?? ''}`;
}

function methodText(input: AssessmentCase, method: CompiledMethod): string {
  switch (method.type) {
    case 'manual': return '直接评分';
    case 'deduction': return `按次扣分，每次${formatPoints(method.perOccurrence)}分，扣完为止`;
    case 'passFail': return '达标得满分，不达标不得分';
    case 'formula': return `按指标“${metricName(input, method.metric)}”计算`;
  }
}

function formulaText(input: AssessmentCase, method: Extract<CompiledMethod, { type: 'formula' }>): string {
  const rule = method.rule;
  const v = (x: number) => withUnit(input, method.metric, x);
  switch (rule.kind) {
    case 'linear': return `${v(rule.zeroAt)} 得0分，${v(rule.fullAt)} 得满分，其间按比例`;
    case 'bands': return `分段：${rule.bands.map((b) => `${b.range}→${formatPoints(b.points)}分`).join('，')}`;
    case 'perUnitShortfall':
      return `${rule.direction === 'atLeast' ? '达到' : '不超过'} ${v(rule.target)} 得满分，每差 ${v(rule.unit)} 扣 ${formatPoints(rule.perUnit)} 分${rule.partial === 'ceil' ? '（不足部分按整计）' : rule.partial === 'floor' ? '（不足部分不计）' : ''}，扣完为止`;
  }
}

function describeAccident(a: Accident): string {
  const grading = gradeAccident(a);
  const figures = [`死亡${a.deaths}人`, a.seriousInjuries ? `重伤${a.seriousInjuries}人` : '', a.directLoss ? `直接经济损失${formatYuan(a.directLoss)}` : '']
    .filter(Boolean)
    .join('，');
  const why = grading.reasons.length > 0 ? `（${accidentGradeRule}：${grading.reasons.join('；')}）` : `（${accidentGradeRule}）`;
  const sector = a.sector ? `（${sectorLabel(a.sector)}）` : '';
  return `事故 ${a.id}：${a.occurredAt.slice(0, 10)} ${a.place ?? ''}${sector}，${figures} → ${accidentGradeLabels[grading.grade]}事故${why}${a.liability ? '，责任事故' : ''}${a.illustrative ? '【示意数据】' : ''}`;
}

function itemLine(input: AssessmentCase, r: UnitResult, item: ItemResult): TraceNode {
  const plan = input.compiled.plans.get(r.categoryId)!;
  const n = plan.nodes[item.index]!;
  const head = `${n.id} ${n.name}（标准分${formatPoints(n.points)}，${methodText(input, n.method!)}）`;
  const detail: TraceNode[] = [];
  let value: string;
  switch (item.input.kind) {
    case 'notApplicable':
      value = '缺项';
      detail.push(node(`缺项理由：${item.input.reason}`));
      break;
    case 'missing':
      value = '未评分，按0分计';
      break;
    case 'score':
      value = `${formatPoints(item.earned ?? 0)}分`;
      break;
    case 'passFail':
      value = item.input.passed ? `达标，${formatPoints(item.earned ?? 0)}分` : '未达标，0分';
      break;
    case 'deductions': {
      const parts = item.input.lines.map((l) => `${l.times}×${formatPoints(l.each)}`);
      value = item.input.lines.length === 0
        ? `无扣分，${formatPoints(item.earned ?? 0)}分`
        : `${formatPoints(n.points)} − (${parts.join(' + ')}) = ${formatPoints(item.earned ?? 0)}分${item.input.floored ? '（扣完为止，不低于0分）' : ''}`;
      for (const l of item.input.lines) detail.push(node(`扣${formatPoints(l.times * l.each)}分：${l.reason}`));
      break;
    }
    case 'formula': {
      const method = n.method as Extract<CompiledMethod, { type: 'formula' }>;
      value = `${metricName(input, item.input.metric)} ${withUnit(input, item.input.metric, item.input.value)} → ${formatPoints(item.earned ?? 0)}分${item.input.rounded ? `（${roundingModeLabels[input.scheme.pointsRounding]}到0.01分）` : ''}`;
      detail.push(node(`规则：${formulaText(input, method)}`));
      if (item.input.detail) detail.push(node(`指标口径：${item.input.detail}`));
      if (item.input.sources.length > 0) {
        detail.push(node(`来源记录（${item.input.sources.length}条）`, item.input.sources.map((s) => node(s, undefined, { kind: 'metricSource', id: s }))));
      }
      break;
    }
  }
  if (item.note) detail.push(node(`说明：${item.note}`));
  return node(`${head}：${value}`, detail, { kind: 'criterion', id: n.id });
}

function vetoLine(input: AssessmentCase, hit: VetoHit): TraceNode {
  const children: TraceNode[] = [];
  const ev = hit.evidence;
  switch (ev.kind) {
    case 'accidents':
      for (const id of ev.accidentIds) {
        const accident = input.accidents.find((a) => a.id === id);
        if (accident) children.push(node(describeAccident(accident), undefined, { kind: 'accident', id }));
      }
      break;
    case 'indicators':
      for (const text of ev.indicators) children.push(node(`突破控制指标：${text}`));
      for (const id of ev.accidentIds) {
        const accident = input.accidents.find((a) => a.id === id);
        if (accident) children.push(node(describeAccident(accident), undefined, { kind: 'accident', id }));
      }
      break;
    case 'score':
      children.push(node(`考核分数 ${formatPoints(ev.total)} 低于 ${formatPoints(ev.line)} 分`));
      break;
    case 'metric':
      children.push(node(`${metricName(input, ev.metric)}为 ${withUnit(input, ev.metric, ev.value)}，超过 ${withUnit(input, ev.metric, ev.limit)}`, ev.sources.map((s) => node(s, undefined, { kind: 'metricSource', id: s }))));
      break;
    case 'manual':
      children.push(node(`安委会决定${ev.note ? `：${ev.note}` : ''}`));
      break;
  }
  return node(hit.reason, children, { kind: 'rule', id: hit.ruleId });
}

/**
 * The whole explanation of one unit's result, from the published score down to every item,
 * deduction, bonus and the accident behind a veto.
 */
export function explainUnit(input: AssessmentCase, r: UnitResult): TraceNode {
  const plan = input.compiled.plans.get(r.categoryId)!;
  const scale = input.compiled.scale;
  const itemsByIndex = new Map(unitItems(input, r).map((i) => [i.index, i]));
  const groupsByIndex = new Map(unitGroups(input, r).map((g) => [g.index, g]));
  const childrenOf = (parent: number): TraceNode[] =>
    plan.nodes.flatMap((n, index) => {
      if (n.parent !== parent) return [];
      if (n.leaf) return [itemLine(input, r, itemsByIndex.get(index)!)];
      const g = groupsByIndex.get(index)!;
      let text = `${n.id} ${n.name}（标准分${formatPoints(n.points)}）：`;
      if (g.contribution === null) text += '全部缺项';
      else if (g.rescaled) {
        text += `${formatPoints(g.earnedRaw)} ÷ ${formatPoints(g.applicable)} × ${formatPoints(n.points)} = ${formatPoints(g.contribution)}分（折算${g.notApplicable ? '，已扣除缺项' : ''}${g.rounded ? `，${roundingModeLabels[input.scheme.pointsRounding]}` : ''}）`;
      } else text += `${formatPoints(g.contribution)}分`;
      return [node(text, childrenOf(index), { kind: 'criterion', id: n.id })];
    });

  const baseText = r.baseApplicable !== scale
    ? `基本分：${formatPoints(r.baseRaw)} ÷ (${formatPoints(scale)} − 缺项${formatPoints(scale - r.baseApplicable)}) × ${formatPoints(scale)} = ${formatPoints(r.base)}分（缺项归一${r.baseRounded ? `，${roundingModeLabels[input.scheme.pointsRounding]}到0.01分` : ''}）`
    : `基本分：各条目得分合计 ${formatPoints(r.base)}分（满分${formatPoints(scale)}）`;
  const scoreChildren: TraceNode[] = [node(baseText, childrenOf(-1))];
  for (const [label, sign, adj] of [['加分', '+', r.bonus], ['减分', '−', r.penalty]] as const) {
    if (adj.lines.length === 0) continue;
    scoreChildren.push(node(
      `${label}：${sign}${formatPoints(adj.total)}分${adj.cap !== null && adj.raw > adj.total ? `（合计${formatPoints(adj.raw)}分，封顶${formatPoints(adj.cap)}分）` : ''}`,
      adj.lines.map((l) => node(`${l.name}：${l.detail} = ${formatPoints(l.points)}分${l.capped ? `（本项封顶，原${formatPoints(l.raw)}分）` : ''}${l.notes.length ? `；${l.notes.join('；')}` : ''}`)),
    ));
  }
  const scoreText = r.publishedScore === null
    ? `考核分数：不计分（一票否决；计算所得 ${formatPoints(r.total)} 分不予公布）`
    : `考核分数：${formatPoints(r.total)}分${r.totalFloored ? '（不低于0分）' : ''}`;

  const lines: TraceNode[] = [node(scoreText, scoreChildren)];
  lines.push(r.vetoed
    ? node(`一票否决：是（${input.scheme.veto.effect === 'blankScore' ? '不计分、不奖励' : `保留分数，等次定为“${input.compiled.vetoGrade}”`}）`, r.vetoes.map((h) => vetoLine(input, h)))
    : node('一票否决：否'));
  for (const rejected of r.rejectedVetoes) {
    lines.push(node(`否决建议已驳回：${rejected.hit.reason}`, [node(`驳回理由：${rejected.reason}`), vetoLine(input, rejected.hit)]));
  }
  if (r.indicators.length > 0) {
    lines.push(node('控制指标', r.indicators.map((s) => node(`${s.label}：实际 ${s.actual}${s.breached ? '，突破' : '，未突破'}`,
      s.accidentIds.map((id) => {
        const accident = input.accidents.find((a) => a.id === id)!;
        return node(describeAccident(accident), undefined, { kind: 'accident', id });
      })))));
  }
  lines.push(node(`等次：${r.grade}（${r.gradeReason}）`));
  lines.push(node(r.rank === null ? '排名：不参加排名（一票否决）' : `排名：${r.rankScope}第 ${r.rank} 名`));
  if (r.reward.eligible) {
    lines.push(node(`奖励：${r.reward.amount}元（${r.reward.formula}）`, [
      ...r.reward.splits.map((s) => node(`${s.role}${s.name ? ` ${s.name}` : ''}：${s.percent}% = ${s.amount}元`)),
      ...(r.reward.remainder !== null ? [node(`单位其他责任人：${r.reward.remainder}元`)] : []),
    ]));
  } else {
    lines.push(node(`奖励：无（${r.reward.ineligibleReasons.join('；')}）`));
  }
  return node(`${r.name}（${r.categoryName}）`, lines);
}

/** Renders a trace as an indented tree of lines, for the terminal and plain-text exports. */
export function renderTrace(root: TraceNode): string {
  const out: string[] = [root.text];
  const walk = (nodes: TraceNode[], prefix: string) => {
    nodes.forEach((n, i) => {
      const last = i === nodes.length - 1;
      out.push(`${prefix}${last ? '└─ ' : '├─ '}${n.text}`);
      if (n.children) walk(n.children, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(root.children ?? [], '');
  return out.join('\n');
}
