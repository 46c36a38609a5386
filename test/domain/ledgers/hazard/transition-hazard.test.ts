import { describe, expect, it } from 'vitest';
import type { HazardActor, HazardCard, MajorHazardPlan } from '../../../../src/domain/ledgers/hazard/hazard-card.ts';
import type { HazardCommand, NewHazard } from '../../../../src/domain/ledgers/hazard/transition-hazard.ts';
import { createHazardCard, transitionHazard } from '../../../../src/domain/ledgers/hazard/transition-hazard.ts';

const enterprise: HazardActor = { id: 'u-ent', role: 'enterprise', enterpriseId: 'ent-1' };
const otherEnterprise: HazardActor = { id: 'u-ent2', role: 'enterprise', enterpriseId: 'ent-2' };
const town: HazardActor = { id: 'u-town', role: 'townOfficer', unitId: 'town-1' };
const otherTown: HazardActor = { id: 'u-town2', role: 'townOfficer', unitId: 'town-2' };
const inspector: HazardActor = { id: 'u-insp', role: 'inspector', unitId: 'dept-1' };
const office: HazardActor = { id: 'u-office', role: 'committeeOffice' };

const newHazard: NewHazard = {
  id: 'hz-1',
  enterpriseId: 'ent-1',
  territorialUnitId: 'town-1',
  regulatingUnitId: 'dept-1',
  sector: '危险化学品',
  foundOn: '2024-03-01',
  foundWay: 'inspection',
  foundBy: '张三',
  place: '液氨罐区',
  description: '液氨储罐区未设置泄漏报警装置',
};

const plan: MajorHazardPlan = {
  goal: '消除液氨泄漏无法及时发现的隐患',
  measures: '安装固定式氨气泄漏报警仪并与紧急切断联锁',
  funds: { amountYuan: 80000, source: '企业安全生产费用' },
  responsibleBody: '设备部',
  responsiblePerson: '李四',
  deadline: '2024-04-30',
  safetyAndEmergencyMeasures: '整改期间罐区停用，人员每2小时巡检，配备空气呼吸器',
};
const allInPlace = { measures: true, funds: true, deadline: true, person: true, emergencyPlan: true };

function ok(result: ReturnType<typeof transitionHazard>): HazardCard {
  if (!result.ok) throw new Error(`unexpected refusal: ${result.messageZh}`);
  return result.card;
}

function created(): HazardCard {
  const r = createHazardCard(newHazard, inspector, '2024-03-01T02:00:00Z');
  if (!r.ok) throw new Error(r.messageZh);
  return r.card;
}

function at(state: 'registered' | 'graded' | 'rectifying' | 'acceptanceApplied' | 'accepted', grade: 'general' | 'major' = 'major'): HazardCard {
  let card = ok(transitionHazard(created(), { action: 'register', number: 'YH-2024-001' }, inspector, '2024-03-01T03:00:00Z'));
  if (state === 'registered') return card;
  card = ok(transitionHazard(card, { action: 'grade', grade, legalBasis: '危险化学品重大事故隐患判定标准 第十条' }, inspector, '2024-03-02T01:00:00Z'));
  if (state === 'graded') return card;
  card = ok(
    transitionHazard(
      card,
      { action: 'startRectification', measures: plan.measures, responsiblePerson: '李四', deadline: '2024-04-30', plan, fiveInPlace: allInPlace },
      enterprise,
      '2024-03-03T01:00:00Z',
    ),
  );
  if (state === 'rectifying') return card;
  card = ok(transitionHazard(card, { action: 'applyForAcceptance', summary: '报警仪已安装调试', photosAfter: ['p-after-1'] }, enterprise, '2024-04-20T01:00:00Z'));
  if (state === 'acceptanceApplied') return card;
  return ok(transitionHazard(card, { action: 'accept', conclusion: '整改到位', reviewer: '王五' }, inspector, '2024-04-25T01:00:00Z'));
}

describe('hazard card: the full life cycle', () => {
  it('goes found → registered → graded → rectifying → acceptanceApplied → accepted → closed with an event per step', () => {
    const c0 = created();
    expect(c0.state).toBe('found');
    const steps: [HazardCommand, HazardActor, string, string][] = [
      [{ action: 'register', number: 'YH-2024-001' }, inspector, '2024-03-01T03:00:00Z', 'registered'],
      [{ action: 'grade', grade: 'major', legalBasis: '判定标准第十条' }, inspector, '2024-03-02T01:00:00Z', 'graded'],
      [
        { action: 'startRectification', measures: 'm', responsiblePerson: '李四', deadline: '2024-04-30', plan, fiveInPlace: allInPlace },
        enterprise,
        '2024-03-03T01:00:00Z',
        'rectifying',
      ],
      [{ action: 'applyForAcceptance', summary: '已完成' }, enterprise, '2024-04-20T01:00:00Z', 'acceptanceApplied'],
      [{ action: 'accept', conclusion: '合格', reviewer: '王五' }, inspector, '2024-04-25T01:00:00Z', 'accepted'],
      [{ action: 'close' }, inspector, '2024-04-26T01:00:00Z', 'closed'],
    ];
    let card = c0;
    for (const [command, actor, when, state] of steps) {
      const r = transitionHazard(card, command, actor, when);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      expect(r.event).toMatchObject({ cardId: 'hz-1', action: command.action, from: card.state, to: state, at: new Date(when).toISOString(), actorId: actor.id });
      card = r.card;
    }
    expect(card).toMatchObject({
      state: 'closed',
      number: 'YH-2024-001',
      grade: 'major',
      gradedOn: '2024-03-02',
      acceptanceAppliedOn: '2024-04-20',
      acceptanceDueOn: '2024-04-30',
      acceptedOn: '2024-04-25',
      lateAcceptance: false,
      closedOn: '2024-04-26',
    });
  });

  it('uses the China calendar day (UTC+8) for dates: 2024-04-19T17:00Z is 04-20 in China', () => {
    const card = ok(transitionHazard(at('rectifying'), { action: 'applyForAcceptance', summary: 's' }, enterprise, '2024-04-19T17:00:00Z'));
    expect(card.acceptanceAppliedOn).toBe('2024-04-20');
    expect(card.acceptanceDueOn).toBe('2024-04-30');
  });
});

describe('hazard card: acceptance window (第16号令 第二十三条, 10 days)', () => {
  it.each([
    ['on the 10th day', '2024-04-30T15:59:59Z', false],
    ['on the 11th day (China time)', '2024-04-30T16:00:00Z', true],
    ['much later', '2024-06-01T01:00:00Z', true],
  ])('acceptance %s → late = %s', (_label, when, late) => {
    const r = transitionHazard(at('acceptanceApplied'), { action: 'accept', conclusion: '合格', reviewer: '王五' }, inspector, when);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.card.lateAcceptance).toBe(late);
    expect(r.event.flags).toEqual(late ? ['lateAcceptance'] : []);
  });
});

describe('hazard card: refusals', () => {
  it.each<[string, () => HazardCard, HazardCommand, HazardActor, string, string]>([
    // wrong role
    ['enterprise registers', created, { action: 'register', number: 'N1' }, enterprise, 'hazard.wrongRole', '“登记”应由属地镇（街道）安全监管人员或行业监管部门执法人员办理，生产经营单位无权办理。'],
    ['inspector starts rectification', () => at('graded'), { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-04-30', plan, fiveInPlace: allInPlace }, inspector, 'hazard.wrongRole', '“开始整改”应由生产经营单位办理，行业监管部门执法人员无权办理。'],
    ['enterprise accepts its own work', () => at('acceptanceApplied'), { action: 'accept', conclusion: 'c', reviewer: 'r' }, enterprise, 'hazard.wrongRole', '“验收”应由属地镇（街道）安全监管人员或行业监管部门执法人员办理，生产经营单位无权办理。'],
    ['town officer grades a hazard major', () => at('registered'), { action: 'grade', grade: 'major', legalBasis: 'x' }, town, 'hazard.wrongRole', '重大隐患的“定级”应由行业监管部门执法人员办理，属地镇（街道）安全监管人员无权办理。'],
    ['town officer accepts a major hazard', () => at('acceptanceApplied'), { action: 'accept', conclusion: 'c', reviewer: 'r' }, town, 'hazard.wrongRole', '重大隐患的“验收”应由行业监管部门执法人员办理，属地镇（街道）安全监管人员无权办理。'],
    ['committee office returns a card under rectification', () => at('rectifying'), { action: 'return', reason: 'r' }, office, 'hazard.wrongRole', '安委办只能在销号审核时退回已验收的隐患。'],
    ['another enterprise', () => at('graded'), { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-04-30', plan, fiveInPlace: allInPlace }, otherEnterprise, 'hazard.outOfScope', '只能处理本单位的隐患。'],
    ['another town', () => at('registered', 'general'), { action: 'grade', grade: 'general' }, otherTown, 'hazard.outOfScope', '只能处理本镇（街道）辖区内的隐患。'],
    // wrong order
    ['grading before registration', created, { action: 'grade', grade: 'general' }, inspector, 'hazard.wrongOrder', '隐患当前为“已发现”，不能“定级”；此步骤只能在“已登记”之后办理。'],
    ['closing before acceptance', () => at('acceptanceApplied'), { action: 'close' }, inspector, 'hazard.wrongOrder', '隐患当前为“已申请验收”，不能“销号”；此步骤只能在“已验收”之后办理。'],
    ['applying for acceptance before rectification', () => at('graded'), { action: 'applyForAcceptance', summary: 's' }, enterprise, 'hazard.wrongOrder', '隐患当前为“已定级”，不能“申请验收”；此步骤只能在“整改中”之后办理。'],
    ['returning a found hazard', created, { action: 'return', reason: 'r' }, inspector, 'hazard.wrongOrder', '隐患当前为“已发现”，不能退回。'],
    // required data
    ['register without number', created, { action: 'register', number: ' ' }, inspector, 'hazard.missingData', '登记隐患必须填写隐患编号。'],
    ['major without legal basis', () => at('registered'), { action: 'grade', grade: 'major' }, inspector, 'hazard.missingData', '判定为重大隐患必须写明判定依据。'],
    ['major without a plan', () => at('graded'), { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-04-30', fiveInPlace: allInPlace }, enterprise, 'hazard.majorPlanMissing', '重大隐患必须有完整的治理方案，缺少：整个治理方案。'],
    ['major with an incomplete plan', () => at('graded'), { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-04-30', plan: { ...plan, goal: '', funds: { amountYuan: 0, source: '' }, safetyAndEmergencyMeasures: ' ' }, fiveInPlace: allInPlace }, enterprise, 'hazard.majorPlanMissing', '重大隐患必须有完整的治理方案，缺少：治理的目标和任务、经费和物资的落实（金额与来源）、安全措施和应急预案。'],
    ['major without 五到位', () => at('graded'), { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-04-30', plan, fiveInPlace: { ...allInPlace, funds: false, emergencyPlan: false } }, enterprise, 'hazard.fiveInPlaceMissing', '重大隐患整改须做到“五到位”，尚未到位：资金、应急预案。'],
    ['plan deadline differs', () => at('graded'), { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-05-31', plan, fiveInPlace: allInPlace }, enterprise, 'hazard.planMismatch', '治理方案的时限2024-04-30与整改期限2024-05-31不一致。'],
    ['rectification without person', () => at('graded', 'general'), { action: 'startRectification', measures: 'm', responsiblePerson: '', deadline: '2024-04-30' }, enterprise, 'hazard.missingData', '开始整改缺少：整改责任人。'],
    ['deadline in the past', () => at('graded', 'general'), { action: 'startRectification', measures: 'm', responsiblePerson: 'p', deadline: '2024-03-02' }, enterprise, 'hazard.invalidDate', '整改期限2024-03-02早于今天2024-03-03。'],
    ['acceptance without conclusion', () => at('acceptanceApplied'), { action: 'accept', conclusion: '', reviewer: '' }, inspector, 'hazard.missingData', '验收缺少：验收结论、验收人。'],
    ['return without reason', () => at('acceptanceApplied'), { action: 'return', reason: '' }, inspector, 'hazard.missingData', '退回必须写明理由。'],
  ])('refuses: %s', (_label, card, command, actor, code, messageZh) => {
    const c = card();
    // the refusal must come from the rule under test, not from the time-order check
    const when = c.lastActionAt > '2024-03-03T02:00:00.000Z' ? c.lastActionAt : '2024-03-03T02:00:00Z';
    expect(transitionHazard(c, command, actor, when)).toEqual({ ok: false, code, messageZh });
  });

  it('a general hazard needs no plan, and a town officer may grade and accept it', () => {
    const graded = ok(transitionHazard(at('registered'), { action: 'grade', grade: 'general' }, town, '2024-03-02T01:00:00Z'));
    const rect = ok(transitionHazard(graded, { action: 'startRectification', measures: '更换护栏', responsiblePerson: '赵六', deadline: '2024-03-10' }, enterprise, '2024-03-02T02:00:00Z'));
    const applied = ok(transitionHazard(rect, { action: 'applyForAcceptance', summary: '已更换' }, enterprise, '2024-03-05T02:00:00Z'));
    const accepted = ok(transitionHazard(applied, { action: 'accept', conclusion: '合格', reviewer: '钱七' }, town, '2024-03-06T02:00:00Z'));
    expect(ok(transitionHazard(accepted, { action: 'close' }, town, '2024-03-06T03:00:00Z')).state).toBe('closed');
  });

  it('refuses a step dated before the previous one', () => {
    expect(transitionHazard(at('registered'), { action: 'grade', grade: 'general' }, inspector, '2024-03-01T02:59:59Z')).toEqual({
      ok: false,
      code: 'hazard.timeOrder',
      messageZh: '办理时间早于上一步骤（2024-03-01T03:00:00.000Z），请核对时间。',
    });
  });

  it.each([
    ['enterprise records an inspection finding', { ...newHazard, foundWay: 'inspection' as const }, enterprise, 'hazard.wrongRole'],
    ['hazard found in the future', { ...newHazard, foundOn: '2024-03-02' }, inspector, 'hazard.invalidDate'],
    ['missing place and description', { ...newHazard, place: '', description: ' ' }, inspector, 'hazard.missingData'],
  ])('creation refuses: %s', (_label, input, actor, code) => {
    const r = createHazardCard(input, actor, '2024-03-01T02:00:00Z');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('lets an enterprise record its own self-check finding', () => {
    const r = createHazardCard({ ...newHazard, foundWay: 'selfCheck' }, enterprise, '2024-03-01T02:00:00Z');
    expect(r.ok && r.card.state).toBe('found');
  });
});

describe('hazard card: returns with reasons', () => {
  it.each([
    ['registered', 'found'],
    ['graded', 'registered'],
    ['rectifying', 'graded'],
    ['acceptanceApplied', 'rectifying'],
    ['accepted', 'acceptanceApplied'],
  ] as const)('%s goes back to %s, counted, with the reason in the event', (from, to) => {
    const card = at(from);
    const r = transitionHazard(card, { action: 'return', reason: '资料不全' }, inspector, '2024-06-01T00:00:00Z');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.card.state).toBe(to);
    expect(r.card.returnCount).toBe(1);
    expect(r.event).toMatchObject({ action: 'return', from, to, reasonZh: '资料不全' });
  });

  it('a failed acceptance clears the application, so the next application restarts the 10-day window', () => {
    const back = ok(transitionHazard(at('acceptanceApplied'), { action: 'return', reason: '报警仪未联锁' }, inspector, '2024-04-22T01:00:00Z'));
    expect(back.acceptanceAppliedOn).toBeUndefined();
    expect(back.acceptanceDueOn).toBeUndefined();
    const again = ok(transitionHazard(back, { action: 'applyForAcceptance', summary: '已联锁' }, enterprise, '2024-05-05T01:00:00Z'));
    expect(again.acceptanceDueOn).toBe('2024-05-15');
  });

  it('the committee office may return an accepted card at 销号 review', () => {
    const r = transitionHazard(at('accepted'), { action: 'return', reason: '验收记录缺签字' }, office, '2024-04-26T01:00:00Z');
    expect(r.ok && r.card.state).toBe('acceptanceApplied');
    expect(r.ok && r.card.acceptedOn).toBeUndefined();
  });
});
