import { formatPoints } from '../../../domain/arith/points';
import { itemShapes } from '../../../domain/scheme/facts-schema';
import type { UnitCriteria, UnitCriterion } from '../../../shared/schemas/criteria';

/**
 * One criterion's input as edited on the page, and back to the engine's item input
 * (docs/scheme-format.md, Methods): a manual score, times deducted (or points deducted
 * where the method allows a variable deduction), passed or not, or 缺项 with its reason.
 * `note` is the unit's description (自评说明) or the assessor's deduction reason (扣分理由).
 */
export interface Entry {
  notApplicable: boolean;
  score: number | null;
  times: number | null;
  deducted: number | null;
  passed: boolean | null;
  note: string;
}

export const emptyEntry: Entry = { notApplicable: false, score: null, times: null, deducted: null, passed: null, note: '' };

type Deduction = { times?: number; points?: number; reason?: string };

export function entryFrom(input: unknown): Entry {
  if (typeof input === 'number') return { ...emptyEntry, score: input };
  if (input === null || typeof input !== 'object') return { ...emptyEntry };
  const v = input as Record<string, unknown>;
  const note = typeof v.note === 'string' ? v.note : '';
  if (v.notApplicable === true) return { ...emptyEntry, notApplicable: true, note: typeof v.reason === 'string' ? v.reason : '' };
  if (typeof v.score === 'number') return { ...emptyEntry, score: v.score, note };
  if (typeof v.passed === 'boolean') return { ...emptyEntry, passed: v.passed, note };
  if (Array.isArray(v.deductions)) {
    const list = v.deductions as Deduction[];
    const times = list.reduce((s, d) => s + (d.times ?? 1), 0);
    const deducted = list.reduce((s, d) => s + (d.times ?? 1) * (d.points ?? 0), 0);
    const reasons = list.map((d) => d.reason).filter((r): r is string => !!r).join('；');
    return { ...emptyEntry, times, deducted: Math.round(deducted * 100) / 100, note: note || reasons };
  }
  return { ...emptyEntry };
}

/** The engine's input for the entry; undefined while nothing is filled in. */
export function inputOf(e: Entry, c: UnitCriterion): unknown {
  const note = e.note.trim();
  const withNote = note ? { note } : {};
  if (e.notApplicable) return { notApplicable: true, reason: note };
  switch (c.method?.type) {
    case 'manual':
      if (e.score === null) return undefined;
      return note ? { score: e.score, note } : e.score;
    case 'deduction':
      if (c.method.variable) {
        if (e.deducted === null) return undefined;
        return e.deducted > 0 ? { deductions: [{ times: 1, points: e.deducted, reason: note }] } : { deductions: [], ...withNote };
      }
      if (e.times === null) return undefined;
      return e.times > 0 ? { deductions: [{ times: e.times, reason: note }] } : { deductions: [], ...withNote };
    case 'passFail':
      return e.passed === null ? undefined : { passed: e.passed, ...withNote };
    default:
      return undefined;
  }
}

/** Points earned by a leaf, or null when not filled in (or computed from a metric). */
export function leafEarned(e: Entry, c: UnitCriterion): number | null {
  if (e.notApplicable) return null;
  switch (c.method?.type) {
    case 'manual':
      return e.score;
    case 'deduction': {
      const off = c.method.variable ? e.deducted : e.times === null ? null : e.times * c.method.perOccurrence;
      return off === null ? null : Math.max(0, round2(c.points - off));
    }
    case 'passFail':
      return e.passed === null ? null : e.passed ? c.points : 0;
    default:
      return null;
  }
}

/**
 * What is missing or wrong in an entry, in Chinese; null when it may be saved. A deduction
 * needs its reason; the assessor (`reasonWhenBelow`) also explains any score below the
 * standard points. The filled input is then checked with the engine's own item shapes.
 */
export function entryProblem(e: Entry, c: UnitCriterion, reasonWhenBelow: boolean): string | null {
  const note = e.note.trim();
  if (e.notApplicable) {
    if (!c.notApplicableAllowed) return '本条不能申报缺项';
    if (!note) return '申报缺项须写明理由';
  }
  const input = inputOf(e, c);
  if (input === undefined) return null;
  const earned = leafEarned(e, c);
  if (earned !== null && e.score !== null && e.score > c.points) return `得分不能超过标准分 ${formatPoints(Math.round(c.points * 100))} 分`;
  if (c.method?.type === 'deduction' && earned !== null && earned < c.points && !note) return '扣分须写明扣分理由';
  if (reasonWhenBelow && earned !== null && earned < c.points && !note) {
    return c.method?.type === 'passFail' ? '未达标须写明理由' : '扣分须写明扣分理由';
  }
  if (typeof input === 'object' && input !== null) {
    const shape = 'score' in input ? itemShapes.score : 'passed' in input ? itemShapes.passed
      : 'deductions' in input ? itemShapes.deductions : itemShapes.notApplicable;
    const parsed = shape.safeParse(input);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? '填写不正确';
  }
  return null;
}

/**
 * Every leaf's entry checked and collected for saving: the problems by criterion id (empty when
 * all may be saved) and the engine inputs of the leaves filled in. `reasonWhenBelow` as in
 * entryProblem (the assessor's scoring).
 */
export function collectEntries(
  criteria: UnitCriteria, entries: Record<string, Entry>, reasonWhenBelow: boolean,
): { problems: Record<string, string>; items: Record<string, unknown> } {
  const problems: Record<string, string> = {};
  const items: Record<string, unknown> = {};
  for (const item of criteria.items) {
    if (!item.leaf) continue;
    const e = entries[item.id] ?? emptyEntry;
    const problem = entryProblem(e, item, reasonWhenBelow);
    if (problem) problems[item.id] = problem;
    const input = inputOf(e, item);
    if (input !== undefined) items[item.id] = input;
  }
  return { problems, items };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export const showPoints = (n: number) => formatPoints(Math.round(n * 100));

export interface NodeTotal {
  /** what the node contributes to its parent (a leaf: its points earned) */
  earned: number;
  notApplicable: boolean;
}

/**
 * Running totals: each group's children summed, 缺项 handled by the scheme's mode
 * (normalise: earned ÷ (full − 缺项分) × full; fullMarks; zero) and converted to the group's
 * points (折算). Unfilled items count 0. The published result is the engine's own.
 */
export function runningTotals(criteria: UnitCriteria, entries: Record<string, Entry>): { byId: Map<string, NodeTotal>; total: number } {
  const children = new Map<string | null, UnitCriterion[]>();
  for (const c of criteria.items) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const byId = new Map<string, NodeTotal>();
  const sum = (kids: UnitCriterion[], scale: number): { raw: number; allNa: boolean } => {
    let earned = 0;
    let naPoints = 0;
    for (const k of kids) {
      const t = visit(k);
      if (t.notApplicable) naPoints += k.points;
      else earned += t.earned;
    }
    const allNa = kids.length > 0 && naPoints >= scale;
    const mode = criteria.notApplicableMode;
    const raw = mode === 'fullMarks' ? earned + naPoints
      : mode === 'normalise' && naPoints > 0 ? (scale - naPoints > 0 ? (earned / (scale - naPoints)) * scale : 0)
        : earned;
    return { raw: round2(raw), allNa };
  };
  const visit = (c: UnitCriterion): NodeTotal => {
    let t: NodeTotal;
    if (c.leaf) {
      const e = entries[c.id] ?? emptyEntry;
      t = { earned: leafEarned(e, c) ?? 0, notApplicable: e.notApplicable };
    } else {
      const { raw, allNa } = sum(children.get(c.id) ?? [], c.childScale);
      t = { earned: c.childScale > 0 ? round2((raw * c.points) / c.childScale) : 0, notApplicable: allNa };
    }
    byId.set(c.id, t);
    return t;
  };
  const { raw } = sum(children.get(null) ?? [], criteria.scale);
  return { byId, total: raw };
}

/** Leaves that take an input (a metric-computed item has none), and how many are filled in. */
export function progressOf(criteria: UnitCriteria, entries: Record<string, Entry>): { filled: number; leaves: number } {
  const leaves = criteria.items.filter((c) => c.leaf && c.method?.type !== 'formula');
  const filled = leaves.filter((c) => {
    const e = entries[c.id];
    return e && (e.notApplicable || inputOf(e, c) !== undefined);
  }).length;
  return { filled, leaves: leaves.length };
}

/** Every criterion's entry from the stored inputs of one kind. */
export function entriesFrom(criteria: UnitCriteria, stored: Record<string, { self: unknown; team: unknown }>, kind: 'self' | 'team'): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  for (const c of criteria.items) if (c.leaf) out[c.id] = entryFrom(stored[c.id]?.[kind] ?? null);
  return out;
}

export type CriterionRow = UnitCriterion & { children?: CriterionRow[] };

/** The criteria as tree rows for an antd Table. */
export function treeRows(criteria: UnitCriteria): CriterionRow[] {
  const rows = new Map<string, CriterionRow>(criteria.items.map((c) => [c.id, { ...c }]));
  const roots: CriterionRow[] = [];
  for (const c of criteria.items) {
    const row = rows.get(c.id)!;
    const parent = c.parentId ? rows.get(c.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}
