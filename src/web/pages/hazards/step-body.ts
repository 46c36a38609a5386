import type { Dayjs } from 'dayjs';
import type { HazardGrade } from '../../../domain/ledgers/hazard/hazard-card';
import type { HazardStepInput } from './api';
import type { HazardStepAction } from './steps';

/** The values of a step form, by field name. */
export type Values = Record<string, unknown>;
/** A step's body without the version, one shape per action. */
export type StepBody = HazardStepInput extends infer T ? (T extends unknown ? Omit<T, 'version'> : never) : never;

const text = (values: Values, key: string) => (typeof values[key] === 'string' ? (values[key] as string).trim() : '');

/** The step's request body from the form's values (version added by the caller). */
export function bodyOf(action: HazardStepAction, values: Values, major: boolean): StepBody {
  switch (action) {
    case 'register': return { action, number: text(values, 'number') };
    case 'grade': {
      const basis = text(values, 'legalBasis');
      return { action, grade: values.grade as HazardGrade, ...(basis ? { legalBasis: basis } : {}) };
    }
    case 'startRectification': {
      const deadline = values.deadline ? (values.deadline as Dayjs).format('YYYY-MM-DD') : '';
      const temporary = text(values, 'temporaryMeasures');
      const five = new Set((values.fiveInPlace as string[] | undefined) ?? []);
      return {
        action, measures: text(values, 'measures'), responsiblePerson: text(values, 'responsiblePerson'), deadline,
        ...(typeof values.fundsYuan === 'number' ? { fundsYuan: values.fundsYuan } : {}),
        ...(temporary ? { temporaryMeasures: temporary } : {}),
        // 第16号令 第十五条第二款: the plan's six parts; its time limit is the card's deadline.
        ...(major ? {
          plan: {
            goal: text(values, 'planGoal'), measures: text(values, 'planMeasures'),
            funds: { amountYuan: typeof values.planFunds === 'number' ? values.planFunds : 0, source: text(values, 'planFundsSource') },
            responsibleBody: text(values, 'planBody'), responsiblePerson: text(values, 'planPerson'), deadline,
            safetyAndEmergencyMeasures: text(values, 'planSafety'),
          },
          fiveInPlace: {
            measures: five.has('measures'), funds: five.has('funds'), deadline: five.has('deadline'), person: five.has('person'), emergencyPlan: five.has('emergencyPlan'),
          },
        } : {}),
      };
    }
    case 'applyForAcceptance': return { action, summary: text(values, 'summary'), photosAfter: Array.isArray(values.photosAfter) ? (values.photosAfter as string[]) : [] };
    case 'accept': return { action, conclusion: text(values, 'conclusion'), reviewer: text(values, 'reviewer') };
    case 'return': return { action, reason: text(values, 'reason') };
    case 'close': return { action };
  }
}

