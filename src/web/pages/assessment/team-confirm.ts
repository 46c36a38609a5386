import { formatPoints, toCenti } from '../../../domain/arith/points';
import { compareTeamItem, type TeamItemComparison } from '../../../domain/assessment/team-score';
import type { CompiledMethod, PlanNode } from '../../../domain/scheme/compile-scheme';
import type { ItemInput } from '../../../domain/scheme/facts-schema';
import type { UnitCriteria, UnitCriterion } from '../../../shared/schemas/criteria';
import type { TeamConfirmationInput } from '../../../shared/schemas/team';
import type { Entry } from './items';
import { entryFrom, entryProblem, inputOf } from './items';

/** A member's own inputs for the unit, as GET …/scores gives them. */
export interface MemberScores {
  accountId: string;
  displayName: string;
  items: Record<string, unknown>;
}

/** What the leader takes for one criterion: a member's input, or the leader's own entry. */
export type Choice = { kind: 'member'; accountId: string } | { kind: 'own'; entry: Entry };

/** The leaves the leader confirms: those scored by hand (a metric-computed item has no member input). */
export const confirmableLeaves = (criteria: UnitCriteria): UnitCriterion[] =>
  criteria.items.filter((c) => c.leaf && c.method !== null && c.method.type !== 'formula');

/** The criterion as the engine's plan node, so its points are scored by the engine itself. */
export function planNodeOf(c: UnitCriterion): PlanNode {
  const centi = (n: number) => toCenti(n) ?? Math.round(n * 100);
  let method: CompiledMethod | null = null;
  if (c.method?.type === 'manual' || c.method?.type === 'passFail') method = { type: c.method.type };
  else if (c.method?.type === 'deduction') method = { type: 'deduction', perOccurrence: centi(c.method.perOccurrence), variable: c.method.variable };
  return {
    id: c.id, name: c.name, parent: -1, depth: c.depth, points: centi(c.points), childScale: centi(c.childScale), leaf: c.leaf,
    method, notApplicableAllowed: c.notApplicableAllowed, description: c.description ?? undefined,
  };
}

/** The input the choice confirms; undefined while nothing is chosen or the leader's entry is not filled in. */
export function chosenInput(c: UnitCriterion, members: readonly MemberScores[], choice: Choice | undefined): unknown {
  if (!choice) return undefined;
  if (choice.kind === 'member') return members.find((m) => m.accountId === choice.accountId)?.items[c.id];
  return inputOf(choice.entry, c);
}

/**
 * The criterion compared as the server compares it (domain/assessment/team-score.ts): each
 * member's points, their mean, the chosen points and whether they differ from the mean.
 */
export function compareChoice(c: UnitCriterion, members: readonly MemberScores[], choice: Choice | undefined): TeamItemComparison {
  const inputs = members.map((m) => m.items[c.id] as ItemInput | undefined);
  const chosen = chosenInput(c, members, choice) as ItemInput | undefined;
  const compared = compareTeamItem(0, planNodeOf(c), inputs, chosen, undefined, 'halfUp');
  return chosen === undefined ? { ...compared, confirmed: null, differs: false } : compared;
}

const same = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** Every member gave the same input: the server takes it when the leader leaves the criterion out. */
export function membersAgree(c: UnitCriterion, members: readonly MemberScores[]): boolean {
  return members.length > 0 && members.every((m) => same(m.items[c.id], members[0]!.items[c.id]));
}

/**
 * The choices the panel starts with: after a confirmation, the confirmed input (a member's when
 * it is exactly theirs, else the leader's own); before one, the members' input where all agree.
 */
export function initialChoices(
  criteria: UnitCriteria, members: readonly MemberScores[], confirmed: Record<string, unknown> | null,
): Record<string, Choice> {
  const out: Record<string, Choice> = {};
  for (const c of confirmableLeaves(criteria)) {
    const value = confirmed?.[c.id];
    if (confirmed && value !== undefined && value !== null) {
      const from = members.find((m) => same(m.items[c.id], value));
      out[c.id] = from ? { kind: 'member', accountId: from.accountId } : { kind: 'own', entry: entryFrom(value) };
    } else if (membersAgree(c, members)) {
      out[c.id] = { kind: 'member', accountId: members[0]!.accountId };
    }
  }
  return out;
}

/** The chosen inputs as page entries, for the running totals. */
export function chosenEntries(criteria: UnitCriteria, members: readonly MemberScores[], choices: Record<string, Choice>): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  for (const c of confirmableLeaves(criteria)) {
    const choice = choices[c.id];
    out[c.id] = choice?.kind === 'own' ? choice.entry : entryFrom(chosenInput(c, members, choice) ?? null);
  }
  return out;
}

export const meanText = (mean: number | null) => (mean === null ? '—' : formatPoints(mean));

/**
 * The request body of 确认考核组评分, or the problems by criterion id (in Chinese) that the
 * server would refuse: a criterion the members disagree on left unchosen, the leader's entry
 * incomplete, or a score other than the members' mean without its reason.
 */
export function confirmationBody(
  criteria: UnitCriteria, members: readonly MemberScores[], choices: Record<string, Choice>, reasons: Record<string, string>, version: number,
): { problems: Record<string, string>; body: TeamConfirmationInput } {
  const problems: Record<string, string> = {};
  const items: TeamConfirmationInput['items'] = {};
  for (const c of confirmableLeaves(criteria)) {
    const choice = choices[c.id];
    if (!choice) {
      if (!membersAgree(c, members)) {
        problems[c.id] = members.some((m) => m.items[c.id] !== undefined) ? '组员评分不一致，请选择采用的评分或由组长录入' : '组员均未评此项，请由组长录入';
      }
      continue;
    }
    if (choice.kind === 'own') {
      const problem = inputOf(choice.entry, c) === undefined ? '请录入组长评分' : entryProblem(choice.entry, c, true);
      if (problem) {
        problems[c.id] = problem;
        continue;
      }
    }
    const reason = reasons[c.id]?.trim() ?? '';
    const compared = compareChoice(c, members, choice);
    if (compared.differs && !reason) {
      problems[c.id] = `确认得分与组员平均分 ${meanText(compared.mean)} 不同，须写明理由`;
      continue;
    }
    items[c.id] = {
      ...(choice.kind === 'member' ? { fromMember: choice.accountId } : { input: inputOf(choice.entry, c) }),
      ...(compared.differs ? { reason } : {}),
    };
  }
  return { problems, body: { version, items } };
}

/**
 * A refusal of 确认考核组评分 as the leader reads it, with the criterion it names, to show the
 * message on that row.
 */
export function refusalOf(message: string): { text: string; criterionId: string | null } {
  const named = /^细则 (\S+?)(?:：| 的)/.exec(message);
  return { text: message, criterionId: named?.[1] ?? null };
}
