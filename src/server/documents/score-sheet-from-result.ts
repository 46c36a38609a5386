/**
 * Document data from an assessed case: each unit's score sheet (评分表) — the scored items with
 * their notes for the table, and the trace (得分反查) lines not already in the table (base
 * score, bonuses and penalties, vetoes with the accidents behind them, control indicators,
 * grade, rank and reward) — the item-score rows for Excel, and the accident register.
 */
import { formatPoints } from '../../domain/arith/points';
import type { AssessmentCase } from '../../domain/assessment/case';
import { explainUnit } from '../../domain/assessment/explain';
import type { TraceNode } from '../../domain/assessment/explain';
import type { ItemResult, UnitResult } from '../../domain/assessment/result-types';
import { unitItems } from '../../domain/assessment/unit-items';
import type { ScoreSheetData, ScoreSheetItem } from './score-sheet-docx';
import type { AccidentRegisterRow, ItemScoreRow } from './xlsx-export';
import { gradeAccident } from '../../domain/accidents/grade';

function itemNote(item: ItemResult): string {
  const parts: string[] = [];
  switch (item.input.kind) {
    case 'score':
      if (item.input.note) parts.push(item.input.note);
      break;
    case 'deductions':
      parts.push(...item.input.lines.map((line) => `${line.reason}，扣${formatPoints(line.each * line.times)}分`));
      if (item.input.floored) parts.push('扣完为止');
      break;
    case 'passFail':
      parts.push(item.input.passed ? '达标' : '不达标');
      break;
    case 'formula':
      parts.push(item.input.detail ?? `指标值 ${item.input.value}`);
      break;
    case 'notApplicable':
      parts.push(`缺项：${item.input.reason}`);
      break;
    case 'missing':
      parts.push('未评分');
      break;
  }
  if (item.note) parts.push(item.note);
  return parts.join('；');
}

/** The trace without the per-item lines (the table shows those), indented one 全角 space a level. */
function traceLines(root: TraceNode): string[] {
  const out: string[] = [];
  // An accident behind a veto usually also breaches control indicators: describe it once.
  const described = new Set<string>();
  const walk = (nodes: TraceNode[], depth: number): void => {
    for (const child of nodes) {
      if (child.ref?.kind === 'criterion') continue;
      if (child.ref?.kind === 'accident') {
        if (described.has(child.ref.id)) {
          out.push(`${'\u3000'.repeat(depth)}事故 ${child.ref.id}（同上）`);
          continue;
        }
        described.add(child.ref.id);
      }
      out.push(`${'\u3000'.repeat(depth)}${child.text}`);
      if (child.children) walk(child.children, depth + 1);
    }
  };
  walk(root.children ?? [], 0);
  return out;
}

/** Each scored item (leaf criterion) of one unit, with the note that explains its points. */
export function resultItems(input: AssessmentCase, result: UnitResult, items: readonly ItemResult[] = unitItems(input, result)): ScoreSheetItem[] {
  const plan = input.compiled.plans.get(result.categoryId);
  if (!plan) throw new RangeError(`单位“${result.name}”的类别没有考核细则`);
  return items.map((item) => {
    const node = plan.nodes[item.index];
    return {
      path: node?.id ?? item.id,
      name: node?.name ?? item.id,
      standard: (node?.points ?? 0) / 100,
      earned: item.earned === null || item.earned < 0 ? null : item.earned / 100,
      note: itemNote(item),
    };
  });
}

/** Item-score rows of every unit, in the layout the item-score import reads back. */
export function itemScoreRowsFromResults(input: AssessmentCase, results: UnitResult[]): ItemScoreRow[] {
  return results.flatMap((result) => {
    // An item the team has not scored counts 0 in a partial result; its cell stays empty.
    const items = unitItems(input, result);
    return resultItems(input, result, items).map((item, k) => ({
      unit: result.name,
      category: result.categoryName,
      path: item.path,
      name: item.name,
      points: item.standard,
      earned: item.earned,
      unscored: items[k]!.input.kind === 'missing',
      note: item.note,
    }));
  });
}

export function scoreSheetFromResult(input: AssessmentCase, result: UnitResult, campaignName: string): ScoreSheetData {
  const items = resultItems(input, result);
  const standard = items.reduce((sum, item) => sum + Math.round(item.standard * 100), 0);
  const earned = items.reduce((sum, item) => sum + (item.earned === null ? 0 : Math.round(item.earned * 100)), 0);
  return {
    campaign: campaignName,
    unit: result.name,
    category: result.categoryName,
    items,
    totals: { standard: standard / 100, earned: earned / 100, score: result.publishedScore === null ? null : result.publishedScore / 100 },
    vetoReason: result.vetoed ? [...new Set(result.vetoes.map((hit) => hit.reason))].join('；') : null,
    grade: result.grade,
    reward: result.reward.eligible ? result.reward.amount : null,
    trace: traceLines(explainUnit(input, result)),
  };
}

/**
 * The case's accident register with grades by 国务院令第493号 and unit names instead of ids.
 * A date without a time is taken as midnight UTC, as Excel has no time zone.
 */
export function accidentRowsFromCase(input: AssessmentCase): AccidentRegisterRow[] {
  const names = new Map(input.units.map((unit) => [unit.id, unit.name]));
  const name = (id: string | undefined): string => (id === undefined ? '' : (names.get(id) ?? id));
  return input.accidents.map((accident) => ({
    id: accident.id,
    occurredAt: new Date(accident.occurredAt.length === 10 ? `${accident.occurredAt}T00:00:00Z` : accident.occurredAt),
    enterprise: accident.enterprise,
    place: accident.place ?? '',
    territorialUnit: name(accident.territorialUnit),
    regulatingUnit: name(accident.regulatingUnit),
    sector: accident.sector ?? '',
    accidentGrade: gradeAccident(accident).grade,
    deaths: accident.deaths,
    seriousInjuries: accident.seriousInjuries ?? 0,
    directLoss: accident.directLoss ?? 0,
    liability: accident.liability,
    summary: accident.summary ?? '',
  }));
}
