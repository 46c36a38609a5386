// What can be recorded next on a measure, and what its flags mean — for the register and the
// forms that offer only the steps the procedure allows now (procedures.ts; the step engine in
// record-step.ts still checks every step's data and time when it is recorded).

import type { StepKey } from './procedures.ts';
import { PROCEDURES, STEP_ZH } from './procedures.ts';
import type { EnforcementMeasure } from './record-step.ts';
import { findStep } from './record-step.ts';

/** Flags record-step.ts sets on a step taken after its deadline or refused by the head. */
export const ENFORCEMENT_FLAG_ZH: Readonly<Record<string, string>> = {
  lateApproval: '超过24小时补办批准（行政强制法第十九条）',
  lateDecision: '超过48小时补办决定书（安监总局令第15号第十五条）',
  lateDisposal: '超过15日作出处理决定（安监总局令第15号第十五条）',
  lateReview: '超过10日审查恢复生产申请（安监总局令第16号第二十三条）',
  notApproved: '负责人未批准',
};

export function flagLabel(flag: string): string {
  return ENFORCEMENT_FLAG_ZH[flag] ?? flag;
}

/** True once the step that ends the measure (its procedure's terminal step) is recorded. */
export function measureEnded(measure: EnforcementMeasure): boolean {
  const terminal = PROCEDURES[measure.type].terminal;
  return measure.steps.some((s) => s.step === terminal);
}

/**
 * The steps whose order allows them now: not yet recorded (an extension once), every required
 * step recorded, nothing after the measure ended; after a refused approval only lifting. A step
 * listed here may still be refused for its data or its time (e.g. cutting power before 24 h).
 */
export function nextEnforcementSteps(measure: EnforcementMeasure): readonly StepKey[] {
  if (measureEnded(measure)) return [];
  const approval = findStep(measure, 'approval');
  const rules = PROCEDURES[measure.type].steps(measure.emergency);
  if (approval !== undefined && !approval.input.approved) return rules.some((r) => r.key === 'lift') ? ['lift'] : [];
  const done = new Set(measure.steps.map((s) => s.step));
  const disposed = done.has('disposal');
  return rules
    .filter((r) => !done.has(r.key))
    .filter((r) => r.requires.every((k) => done.has(k)))
    .filter((r) => !(disposed && r.key === 'extension'))
    .map((r) => r.key);
}

/** The measure's stage in words: 待实施 before any step, then the last step recorded. */
export function measureStageZh(measure: EnforcementMeasure): string {
  const last = measure.steps[measure.steps.length - 1];
  if (last === undefined) return '待实施';
  return `${measureEnded(measure) ? '已结束' : '进行中'}：${STEP_ZH[last.step]}`;
}
