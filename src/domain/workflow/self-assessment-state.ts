import { roleLabels, type Role } from '../access/roles';
import { checkTransition, type TransitionOutcome, type TransitionRule } from './transition';

/** 自评: the liaison fills it in and submits; it is then locked unless the office returns it. */
export const selfAssessmentStates = ['draft', 'submitted', 'returned'] as const;
export type SelfAssessmentState = (typeof selfAssessmentStates)[number];

export const selfAssessmentStateLabels: Record<SelfAssessmentState, string> = {
  draft: '填报中',
  submitted: '已提交',
  returned: '已退回',
};

export type SelfAssessmentAction = 'submit' | 'return';

export const selfAssessmentTransitions: Record<SelfAssessmentAction, TransitionRule<SelfAssessmentState>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['unitLiaison'], label: '提交自评' },
  return: { from: ['submitted'], to: 'returned', roles: ['committeeAdmin'], label: '退回自评' },
};

export function transitionSelfAssessment(state: SelfAssessmentState, action: SelfAssessmentAction, role: Role): TransitionOutcome<SelfAssessmentState> {
  return checkTransition(selfAssessmentTransitions, selfAssessmentStateLabels, roleLabels, state, action, role);
}

/** Whether item scores may still be edited; a Chinese reason when not. */
export function selfAssessmentEditable(state: SelfAssessmentState): { ok: true } | { ok: false; message: string } {
  return state === 'submitted' ? { ok: false, message: '自评已提交并锁定，如需修改请联系安委办退回' } : { ok: true };
}
