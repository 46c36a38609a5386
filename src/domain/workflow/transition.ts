import type { Role } from '../access/roles';

/** The outcome of asking a state machine to move: the new state, or a Chinese refusal. */
export type TransitionOutcome<S extends string> =
  | { ok: true; from: S; to: S; action: string }
  | { ok: false; code: 'forbidden' | 'invalidState' | 'precondition'; message: string };

export interface TransitionRule<S extends string> {
  from: readonly S[];
  to: S;
  roles: readonly Role[];
  label: string;
}

export function refuse<S extends string>(code: 'forbidden' | 'invalidState' | 'precondition', message: string): TransitionOutcome<S> {
  return { ok: false, code, message };
}

/**
 * Checks order and role for a table-driven state machine; preconditions specific to an
 * action are checked by the caller before or after.
 */
export function checkTransition<S extends string, A extends string>(
  rules: Record<A, TransitionRule<S>>,
  stateLabels: Record<S, string>,
  roleLabels: Record<Role, string>,
  state: S,
  action: A,
  role: Role,
): TransitionOutcome<S> {
  const rule = rules[action];
  if (!rule.from.includes(state)) {
    return refuse('invalidState', `当前状态为“${stateLabels[state]}”，不能${rule.label}（只能在${rule.from.map((s) => `“${stateLabels[s]}”`).join('、')}时进行）`);
  }
  if (!rule.roles.includes(role)) {
    return refuse('forbidden', `${roleLabels[role]}无权${rule.label}（由${rule.roles.map((r) => roleLabels[r]).join('、')}办理）`);
  }
  return { ok: true, from: state, to: rule.to, action };
}
