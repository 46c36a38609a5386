import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureType } from '../../../../src/domain/ledgers/enforcement/procedures.ts';
import { PROCEDURES } from '../../../../src/domain/ledgers/enforcement/procedures.ts';
import type { EnforcementMeasure, StepInput } from '../../../../src/domain/ledgers/enforcement/record-step.ts';
import { openEnforcementMeasure, recordEnforcementStep } from '../../../../src/domain/ledgers/enforcement/record-step.ts';

const officers = [
  { name: '张三', certificateNumber: 'ZF-001' },
  { name: '李四', certificateNumber: 'ZF-002' },
];

// A valid input for every step of every procedure, so that only order and timing can refuse.
const inputs: StepInput[] = [
  { step: 'precondition', priorDecisionNumber: 'T', refusedToComply: true, realDanger: true, safetyEnsured: true },
  { step: 'approval', approverName: 'a', approverIsPrincipal: true, approved: true },
  { step: 'onSite', officers, partyNotified: true, partyHeard: true, recordSignedBy: 'party' },
  { step: 'decision', documentNumber: 'D', items: ['x'], periodEndsOn: '2024-07-01', rectifyBy: '2024-07-01', selfDemolitionBy: '2024-05-02' },
  { step: 'extension', extraDays: 10, approverName: 'a', reason: 'r', notifiedInWriting: true },
  { step: 'disposal', documentNumber: 'P', outcome: 'penalty' },
  { step: 'supplierNotice', supplierName: 's', documentNumber: 'N', inWriting: true },
  { step: 'partyNotice', documentNumber: 'N2' },
  { step: 'publicNotice', documentNumber: 'G' },
  { step: 'execution', remedyPeriodElapsed: true },
  { step: 'resumptionApplication' },
  { step: 'resumptionReview', approved: true },
  { step: 'review', rectified: true },
  { step: 'lift', reasonZh: '已消除' },
];

describe('enforcement procedure properties', () => {
  it('whatever is attempted, every recorded step follows its prerequisites and nothing follows the end', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(PROCEDURES) as MeasureType[])),
        fc.boolean(),
        // an index into `inputs`, or -1: the procedure's next mandatory step (so late steps are reached)
        fc.array(fc.tuple(fc.integer({ min: -1, max: inputs.length - 1 }), fc.integer({ min: 1, max: 36 * 60 })), { maxLength: 30 }),
        (type, emergencyWanted, attempts) => {
          const procedure = PROCEDURES[type];
          const emergency = emergencyWanted && procedure.emergencyAllowed;
          const opened = openEnforcementMeasure({
            id: 'm',
            type,
            enterpriseId: 'E',
            emergency,
            ...(emergency ? { emergencyReasonZh: '紧急' } : {}),
            legalBasis: [{ law: '某条例', article: '第一条' }],
          });
          if (!opened.ok) throw new Error(opened.messageZh);
          let m: EnforcementMeasure = opened.measure;
          let t = Date.parse('2024-05-01T00:00:00Z');
          const rules = procedure.steps(emergency);
          for (const [i, minutes] of attempts) {
            t += minutes * 60_000;
            const nextKey = rules.find((x) => !x.optional && !m.steps.some((s) => s.step === x.key))?.key;
            const input = i >= 0 ? inputs[i]! : inputs.find((x) => x.step === nextKey);
            if (!input) continue;
            const r = recordEnforcementStep(m, input, 'o', new Date(t));
            if (r.ok) m = r.measure;
          }
          const approvalRefused = m.steps.some((s) => s.step === 'approval' && s.input.step === 'approval' && !s.input.approved);
          m.steps.forEach((s, k) => {
            const rule = rules.find((x) => x.key === s.step);
            expect(rule).toBeDefined();
            const before = new Set(m.steps.slice(0, k).map((x) => x.step));
            if (!(approvalRefused && s.step === 'lift')) for (const req of rule!.requires) expect(before.has(req)).toBe(true);
            if (s.step !== 'extension') expect(before.has(s.step)).toBe(false);
            expect(before.has(procedure.terminal)).toBe(false);
          });
          expect(m.steps.filter((s) => s.step === 'extension').length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
