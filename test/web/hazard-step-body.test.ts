import dayjs from 'dayjs';
import { describe, expect, test } from 'vitest';
import type { HazardCard } from '../../src/domain/ledgers/hazard/hazard-card';
import type { HazardCommand } from '../../src/domain/ledgers/hazard/transition-hazard';
import { transitionHazard } from '../../src/domain/ledgers/hazard/transition-hazard';
import { bodyOf } from '../../src/web/pages/hazards/step-body';

const majorCard: HazardCard = {
  id: 'h1', enterpriseId: 'e1', territorialUnitId: 'wangcun', regulatingUnitId: 'anjian', sector: 'hazardous-chemicals',
  foundOn: '2026-12-01', foundWay: 'inspection', foundBy: '执法二中队', place: '储罐区', description: '可燃气体报警仪失效',
  photosBefore: [], state: 'graded', grade: 'major', photosAfter: [], enforcementDocumentNumbers: [], returnCount: 0,
  lastActionAt: '2026-12-01T02:00:00.000Z',
};
const enterprise = { id: 'a', role: 'enterprise' as const, enterpriseId: 'e1' };
const at = '2026-12-02T02:00:00.000Z';

const planValues = {
  measures: ' 更换报警仪 ', responsiblePerson: '孙明', deadline: dayjs('2026-12-31'), fundsYuan: 80000,
  planGoal: '消除重大事故隐患', planMeasures: '停用并更换报警装置', planFunds: 80000, planFundsSource: '企业自筹',
  planBody: '企业设备部', planPerson: '企业主要负责人', planSafety: '设立警戒区，24小时值守',
};

describe('bodyOf', () => {
  test('a 重大隐患’s rectification carries the six parts with the card’s deadline, and the domain accepts it', () => {
    const body = bodyOf('startRectification', { ...planValues, fiveInPlace: ['measures', 'funds', 'deadline', 'person', 'emergencyPlan'] }, true);
    expect(body).toEqual({
      action: 'startRectification', measures: '更换报警仪', responsiblePerson: '孙明', deadline: '2026-12-31', fundsYuan: 80000,
      plan: {
        goal: '消除重大事故隐患', measures: '停用并更换报警装置', funds: { amountYuan: 80000, source: '企业自筹' },
        responsibleBody: '企业设备部', responsiblePerson: '企业主要负责人', deadline: '2026-12-31', safetyAndEmergencyMeasures: '设立警戒区，24小时值守',
      },
      fiveInPlace: { measures: true, funds: true, deadline: true, person: true, emergencyPlan: true },
    });
    expect(transitionHazard(majorCard, body as HazardCommand, enterprise, at).ok).toBe(true);
  });

  test('五到位 left unticked is sent as not in place, and the domain names what is missing', () => {
    const body = bodyOf('startRectification', { ...planValues, fiveInPlace: ['measures', 'funds', 'deadline'] }, true);
    const r = transitionHazard(majorCard, body as HazardCommand, enterprise, at);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.messageZh).toBe('重大隐患整改须做到“五到位”，尚未到位：责任人、应急预案。');
  });

  test('a 一般隐患 sends no plan; blank optional fields are left out', () => {
    expect(bodyOf('startRectification', { measures: '修复', responsiblePerson: '孙明', deadline: dayjs('2026-12-31'), temporaryMeasures: '  ' }, false))
      .toEqual({ action: 'startRectification', measures: '修复', responsiblePerson: '孙明', deadline: '2026-12-31' });
    expect(bodyOf('grade', { grade: 'general', legalBasis: ' ' }, false)).toEqual({ action: 'grade', grade: 'general' });
    expect(bodyOf('return', { reason: ' 资料不全 ' }, false)).toEqual({ action: 'return', reason: '资料不全' });
    expect(bodyOf('close', {}, false)).toEqual({ action: 'close' });
  });
});
