import { describe, expect, it } from 'vitest';
import { flagLabel, measureEnded, measureStageZh, nextEnforcementSteps } from '../../../../src/domain/ledgers/enforcement/next-steps.ts';
import type { MeasureType } from '../../../../src/domain/ledgers/enforcement/procedures.ts';
import type { EnforcementMeasure, StepInput } from '../../../../src/domain/ledgers/enforcement/record-step.ts';
import { openEnforcementMeasure, recordEnforcementStep } from '../../../../src/domain/ledgers/enforcement/record-step.ts';

const officers = [{ name: '张三', certificateNumber: 'ZF-001' }, { name: '李四', certificateNumber: 'ZF-002' }];
const onSite: StepInput = { step: 'onSite', officers, partyNotified: true, partyHeard: true, recordSignedBy: 'party' };

function measure(type: MeasureType, steps: StepInput[], emergency = false): EnforcementMeasure {
  const opened = openEnforcementMeasure({ id: 'm', enterpriseId: 'e', type, emergency, ...(emergency ? { emergencyReasonZh: '液氨泄漏' } : {}) });
  if (!opened.ok) throw new Error(opened.messageZh);
  let m = opened.measure;
  steps.forEach((input, i) => {
    const r = recordEnforcementStep(m, input, 'officer', `2024-05-0${i + 1}T02:00:00.000Z`);
    if (!r.ok) throw new Error(r.messageZh);
    m = r.measure;
  });
  return m;
}

describe('the steps a measure allows next', () => {
  it('查封 in order: approval, on site, decision, then extension, disposal or lifting', () => {
    expect(nextEnforcementSteps(measure('seal', []))).toEqual(['approval']);
    const approved: StepInput = { step: 'approval', approverName: '局长', approverIsPrincipal: false, approved: true };
    expect(nextEnforcementSteps(measure('seal', [approved]))).toEqual(['onSite']);
    const decided = measure('seal', [approved, onSite, { step: 'decision', documentNumber: '查〔2024〕1号', items: ['钢瓶'] }]);
    expect(nextEnforcementSteps(decided)).toEqual(['extension', 'disposal', 'lift']);
    expect(measureStageZh(decided)).toBe('进行中：作出决定（文书）');
  });

  it('an emergency 查封 starts on site; after a refused approval only lifting is left', () => {
    expect(nextEnforcementSteps(measure('seal', [], true))).toEqual(['onSite']);
    const refused = measure('seal', [onSite, { step: 'approval', approverName: '局长', approverIsPrincipal: false, approved: false }], true);
    expect(nextEnforcementSteps(refused)).toEqual(['lift']);
  });

  it('an extension once, and none after the disposal', () => {
    const base: StepInput[] = [
      { step: 'approval', approverName: '局长', approverIsPrincipal: false, approved: true }, onSite,
      { step: 'decision', documentNumber: '扣〔2024〕2号', items: ['设备'] },
    ];
    const extended = measure('seize', [...base, { step: 'extension', extraDays: 30, approverName: '局长', reason: '检测', notifiedInWriting: true }]);
    expect(nextEnforcementSteps(extended)).toEqual(['disposal', 'lift']);
    const disposed = measure('seize', [...base, { step: 'disposal', documentNumber: '处〔2024〕3号', outcome: 'release' }]);
    expect(nextEnforcementSteps(disposed)).toEqual(['lift']);
  });

  it('nothing after the terminal step; 责令限期整改 ends with its review', () => {
    const reviewed = measure('orderRectification', [onSite, { step: 'decision', documentNumber: '改〔2024〕4号', rectifyBy: '2024-06-01' }, { step: 'review', rectified: true }]);
    expect(measureEnded(reviewed)).toBe(true);
    expect(nextEnforcementSteps(reviewed)).toEqual([]);
    expect(measureStageZh(reviewed)).toBe('已结束：复查');
    expect(measureStageZh(measure('orderRectification', []))).toBe('待实施');
  });

  it('停止供电 needs its notices before execution; the notice to the unit is optional in an emergency', () => {
    const pre: StepInput[] = [
      { step: 'precondition', priorDecisionNumber: '停〔2024〕5号', refusedToComply: true, realDanger: true, safetyEnsured: true },
      { step: 'approval', approverName: '局长', approverIsPrincipal: true, approved: true },
      { step: 'supplierNotice', supplierName: '供电公司', documentNumber: '通〔2024〕6号', inWriting: true },
    ];
    expect(nextEnforcementSteps(measure('powerCut', pre))).toEqual(['partyNotice']);
    expect(nextEnforcementSteps(measure('powerCut', pre, true))).toEqual(['partyNotice', 'execution']);
  });

  it('flags read as their rule', () => {
    expect(flagLabel('lateDisposal')).toContain('15日');
    expect(flagLabel('unknown')).toBe('unknown');
  });
});
