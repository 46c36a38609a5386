import { describe, expect, it } from 'vitest';
import { enforcementDeadlines, enforcementWarnings } from '../../../../src/domain/ledgers/enforcement/deadlines.ts';
import type { MeasureType } from '../../../../src/domain/ledgers/enforcement/procedures.ts';
import { PROCEDURES } from '../../../../src/domain/ledgers/enforcement/procedures.ts';
import type { EnforcementMeasure, NewEnforcementMeasure, StepInput } from '../../../../src/domain/ledgers/enforcement/record-step.ts';
import { openEnforcementMeasure, recordEnforcementStep } from '../../../../src/domain/ledgers/enforcement/record-step.ts';

const officers = [
  { name: '张三', certificateNumber: 'ZF-001' },
  { name: '李四', certificateNumber: 'ZF-002' },
];
const approval: StepInput = { step: 'approval', approverName: '局长王五', approverIsPrincipal: true, approved: true };
const onSite: StepInput = { step: 'onSite', officers, partyNotified: true, partyHeard: true, recordSignedBy: 'party' };
const sealDecision: StepInput = { step: 'decision', documentNumber: '（周）应急查〔2024〕1号', items: ['液氨钢瓶20只'] };

function open(input: Partial<NewEnforcementMeasure> & { type: MeasureType }): EnforcementMeasure {
  const r = openEnforcementMeasure({ id: 'm-1', enterpriseId: 'ent-1', ...input });
  if (!r.ok) throw new Error(r.messageZh);
  return r.measure;
}

function run(measure: EnforcementMeasure, steps: [StepInput, string][]): EnforcementMeasure {
  let m = measure;
  for (const [input, at] of steps) {
    const r = recordEnforcementStep(m, input, 'officer-1', at);
    if (!r.ok) throw new Error(`${input.step}: ${r.messageZh}`);
    m = r.measure;
  }
  return m;
}

describe('procedures carry their legal basis as data', () => {
  it.each([
    ['seal', '安全生产法（2021）', '第六十五条第一款第四项'],
    ['seize', '行政强制法', '第十八条、第十九条、第二十四条、第二十五条、第二十八条'],
    ['powerCut', '安全生产法（2014）', '第六十七条'],
    ['powerCut', '安全生产法（2021）', '第七十条'],
    ['suspendProduction', '安全生产违法行为行政处罚办法（安监总局令第15号）', '第十四条'],
    ['demolition', '行政强制法', '第四十四条'],
  ] as const)('%s cites %s %s', (type, law, article) => {
    expect(PROCEDURES[type].legalBasis).toContainEqual({ law, article });
  });

  it('停水 requires the caller to supply its basis, and keeps it', () => {
    expect(openEnforcementMeasure({ id: 'm', enterpriseId: 'e', type: 'waterCut' })).toEqual({
      ok: false,
      code: 'enforcement.legalBasisMissing',
      messageZh: '“停水”必须写明所依据的法律、法规名称和条款。',
    });
    const basis = { law: '某市打击非法违法生产经营建设行为规定', article: '第十二条' };
    expect(open({ type: 'waterCut', legalBasis: [basis] }).legalBasis).toEqual([basis]);
  });

  it('refuses an emergency path where the law has none', () => {
    const r = openEnforcementMeasure({ id: 'm', enterpriseId: 'e', type: 'suspendProduction', emergency: true, emergencyReasonZh: 'x' });
    expect(r.ok || r.code).toBe('enforcement.emergencyNotAllowed');
  });
});

describe('out-of-order steps are refused', () => {
  it.each<[string, MeasureType, boolean, [StepInput, string][], StepInput, string, string]>([
    ['查封 on site before approval', 'seal', false, [], onSite, 'enforcement.wrongOrder', '“现场实施（现场笔录）”须在“负责人批准”之后记录。'],
    ['查封 decision before on site', 'seal', false, [[approval, '2024-05-01T01:00:00Z']], sealDecision, 'enforcement.wrongOrder', '“作出决定（文书）”须在“现场实施（现场笔录）”之后记录。'],
    ['扣押 disposal before decision', 'seize', false, [[approval, '2024-05-01T01:00:00Z'], [onSite, '2024-05-01T02:00:00Z']], { step: 'disposal', documentNumber: 'D1', outcome: 'penalty' }, 'enforcement.wrongOrder', '“作出处理决定”须在“作出决定（文书）”之后记录。'],
    ['emergency 查封: extension before the after-the-fact approval', 'seal', true, [[onSite, '2024-05-01T02:00:00Z'], [sealDecision, '2024-05-01T03:00:00Z']], { step: 'extension', extraDays: 10, approverName: 'a', reason: 'r', notifiedInWriting: true }, 'enforcement.wrongOrder', '“延长期限”须在“负责人批准”之后记录。'],
    ['停电 approval before the precondition', 'powerCut', false, [], approval, 'enforcement.wrongOrder', '“负责人批准”须在“前提条件确认”之后记录。'],
    ['停电 executed before notifying the unit', 'powerCut', false, [
      [{ step: 'precondition', priorDecisionNumber: 'T1', refusedToComply: true, realDanger: true, safetyEnsured: true }, '2024-05-01T01:00:00Z'],
      [approval, '2024-05-01T02:00:00Z'],
      [{ step: 'supplierNotice', supplierName: '国网周村供电中心', documentNumber: 'N1', inWriting: true }, '2024-05-01T03:00:00Z'],
    ], { step: 'execution' }, 'enforcement.wrongOrder', '“执行”须在“通知当事人”之后记录。'],
    ['停产 lift before the decision', 'suspendProduction', false, [[onSite, '2024-05-01T02:00:00Z']], { step: 'lift', reasonZh: '隐患已消除' }, 'enforcement.wrongOrder', '“解除”须在“作出决定（文书）”之后记录。'],
    ['责令整改 review before the order', 'orderRectification', false, [[onSite, '2024-05-01T02:00:00Z']], { step: 'review', rectified: true }, 'enforcement.wrongOrder', '“复查”须在“作出决定（文书）”之后记录。'],
    ['拆除 execution before the 公告', 'demolition', false, [[approval, '2024-05-01T01:00:00Z'], [onSite, '2024-05-01T02:00:00Z'], [{ step: 'decision', documentNumber: 'C1', selfDemolitionBy: '2024-05-10' }, '2024-05-01T03:00:00Z']], { step: 'execution', remedyPeriodElapsed: true }, 'enforcement.wrongOrder', '“执行”须在“公告”之后记录。'],
    ['a step the measure does not have', 'orderRectification', false, [], approval, 'enforcement.unknownStep', '“责令限期整改”没有“负责人批准”这一步骤。'],
    ['a step recorded twice', 'seal', false, [[approval, '2024-05-01T01:00:00Z']], approval, 'enforcement.duplicate', '“负责人批准”已经记录。'],
  ])('%s', (_label, type, emergency, before, input, code, messageZh) => {
    const m = run(open({ type, emergency, ...(emergency ? { emergencyReasonZh: '危险化学品泄漏' } : {}) }), before);
    expect(recordEnforcementStep(m, input, 'officer-1', '2024-05-02T01:00:00Z')).toEqual({ ok: false, code, messageZh });
  });

  it('nothing can be recorded after the measure ended', () => {
    const m = run(open({ type: 'suspendUse' }), [
      [onSite, '2024-05-01T02:00:00Z'],
      [{ step: 'decision', documentNumber: 'T2', periodEndsOn: '2024-06-01' }, '2024-05-01T03:00:00Z'],
      [{ step: 'lift', reasonZh: '设备已更换' }, '2024-05-20T03:00:00Z'],
    ]);
    const r = recordEnforcementStep(m, { step: 'resumptionApplication' }, 'o', '2024-05-21T03:00:00Z');
    expect(r).toEqual({ ok: false, code: 'enforcement.ended', messageZh: '“责令停止使用相关设施、设备”已解除，不能再记录步骤。' });
  });
});

describe('required data of each step', () => {
  const sealApproved = () => run(open({ type: 'seal' }), [[approval, '2024-05-01T01:00:00Z']]);
  it.each<[string, StepInput, string]>([
    ['one officer only', { ...onSite, officers: [officers[0]!] } as StepInput, '现场实施须由两名以上持有执法证件的执法人员进行，本次仅登记1名（行政强制法第十八条）。'],
    ['the same certificate twice', { ...onSite, officers: [officers[0]!, { name: '张三', certificateNumber: 'ZF-001' }] } as StepInput, '现场实施须由两名以上持有执法证件的执法人员进行，本次仅登记1名（行政强制法第十八条）。'],
    ['an officer without certificate', { ...onSite, officers: [officers[0]!, { name: '李四', certificateNumber: '' }] } as StepInput, '现场实施须由两名以上持有执法证件的执法人员进行，本次仅登记1名（行政强制法第十八条）。'],
    ['party not told its rights', { ...onSite, partyNotified: false } as StepInput, '应当当场告知当事人采取措施的理由、依据以及当事人的权利和救济途径（行政强制法第十八条）。'],
    ['party present but not heard', { ...onSite, partyHeard: false } as StepInput, '当事人在场的，应当听取当事人的陈述和申辩（行政强制法第十八条第六项）。'],
    ['party absent and no witness', { ...onSite, partyHeard: false, recordSignedBy: 'witness' } as StepInput, '当事人不到场的，须邀请见证人到场并在现场笔录上签名（行政强制法第十八条第九项）。'],
  ])('on site: %s', (_label, input, messageZh) => {
    const r = recordEnforcementStep(sealApproved(), input, 'o', '2024-05-01T02:00:00Z');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.messageZh).toBe(messageZh);
  });

  it('accepts a witness when the party is absent', () => {
    const r = recordEnforcementStep(sealApproved(), { ...onSite, partyHeard: false, recordSignedBy: 'witness', witnessName: '村委会主任' } as StepInput, 'o', '2024-05-01T02:00:00Z');
    expect(r.ok).toBe(true);
  });

  const sealOnSite = () => run(sealApproved(), [[onSite, '2024-05-01T02:00:00Z']]);
  it.each<[string, StepInput, string]>([
    ['no itemised list', { step: 'decision', documentNumber: 'X1', items: [] }, '查封决定书必须附查封清单（行政强制法第二十四条）。'],
    ['31 days', { step: 'decision', documentNumber: 'X1', items: ['a'], periodDays: 31 }, '查封期限不得超过30日（行政强制法第二十五条），本次为31日。'],
    ['no document number', { step: 'decision', documentNumber: '', items: ['a'] }, '决定必须有文书编号。'],
  ])('查封 decision: %s', (_label, input, messageZh) => {
    const r = recordEnforcementStep(sealOnSite(), input, 'o', '2024-05-01T03:00:00Z');
    expect(r.ok || r.messageZh).toBe(messageZh);
  });

  it('停电 needs the principal head, in writing, with the precondition met', () => {
    const m = open({ type: 'powerCut' });
    const bad = recordEnforcementStep(m, { step: 'precondition', priorDecisionNumber: 'T1', refusedToComply: true, realDanger: false, safetyEnsured: true }, 'o', '2024-05-01T01:00:00Z');
    expect(bad.ok || bad.messageZh).toBe('“停止供电”的前提条件不满足（安全生产法（2021）第七十条）：有发生生产安全事故的现实危险。');
    const pre = run(m, [[{ step: 'precondition', priorDecisionNumber: 'T1', refusedToComply: true, realDanger: true, safetyEnsured: true }, '2024-05-01T01:00:00Z']]);
    const deputy = recordEnforcementStep(pre, { ...approval, approverIsPrincipal: false } as StepInput, 'o', '2024-05-01T02:00:00Z');
    expect(deputy.ok || deputy.messageZh).toBe('“停止供电”须经本部门主要负责人批准（安全生产法（2021）第七十条）。');
    const approved = run(pre, [[approval, '2024-05-01T02:00:00Z']]);
    const oral = recordEnforcementStep(approved, { step: 'supplierNotice', supplierName: 'S', documentNumber: 'N', inWriting: false }, 'o', '2024-05-01T03:00:00Z');
    expect(oral.ok || oral.messageZh).toBe('通知应当采用书面形式（安全生产法（2021）第七十条）。');
  });

  it('停产停业 longer than 6 months needs another legal basis', () => {
    const m = run(open({ type: 'suspendProduction' }), [[onSite, '2024-01-31T02:00:00Z']]);
    const tooLong = recordEnforcementStep(m, { step: 'decision', documentNumber: 'T', periodEndsOn: '2024-08-01' }, 'o', '2024-01-31T03:00:00Z');
    expect(tooLong.ok || tooLong.messageZh).toBe('责令暂时停产停业的期限一般不超过6个月（安监总局令第15号第十四条），最迟至2024-07-31；超过须写明法律、行政法规的另行规定。');
    expect(recordEnforcementStep(m, { step: 'decision', documentNumber: 'T', periodEndsOn: '2024-07-31' }, 'o', '2024-01-31T03:00:00Z').ok).toBe(true);
    expect(recordEnforcementStep(m, { step: 'decision', documentNumber: 'T', periodEndsOn: '2024-08-01', exceptionBasis: '煤矿安全监察条例' }, 'o', '2024-01-31T03:00:00Z').ok).toBe(true);
  });
});

describe('查封 deadlines: 30 days + one 30-day extension, disposal in 15 days', () => {
  const sealed = () => run(open({ type: 'seal' }), [
    [approval, '2024-05-01T01:00:00Z'],
    [onSite, '2024-05-01T02:00:00Z'],
    [sealDecision, '2024-05-01T03:00:00Z'],
  ]);

  it('computes the period end and disposal date (start day not counted)', () => {
    const d = enforcementDeadlines(sealed(), '2024-05-10T00:00:00Z');
    expect(d.map((x) => [x.key, x.at, x.status])).toEqual([
      ['disposal', '2024-05-16', 'pending'],
      ['sealPeriodEnd', '2024-05-31', 'pending'],
    ]);
  });

  it('an extension of 30 days moves the end to 06-30; a second extension is refused', () => {
    const ext: StepInput = { step: 'extension', extraDays: 30, approverName: '局长', reason: '需技术鉴定', notifiedInWriting: true };
    const m = run(sealed(), [[ext, '2024-05-20T01:00:00Z']]);
    expect(enforcementDeadlines(m, '2024-05-20T02:00:00Z').find((x) => x.key === 'sealPeriodEnd')?.at).toBe('2024-06-30');
    expect(recordEnforcementStep(m, ext, 'o', '2024-05-21T01:00:00Z')).toEqual({
      ok: false,
      code: 'enforcement.extensionTwice',
      messageZh: '查封期限只能延长一次（行政强制法第二十五条）。',
    });
  });

  it.each([
    [31, '延长期限不得超过30日（行政强制法第二十五条），本次为31日。'],
    [0, '延长期限不得超过30日（行政强制法第二十五条），本次为0日。'],
  ])('refuses an extension of %i days', (extraDays, messageZh) => {
    const r = recordEnforcementStep(sealed(), { step: 'extension', extraDays, approverName: 'a', reason: 'r', notifiedInWriting: true }, 'o', '2024-05-20T01:00:00Z');
    expect(r.ok || r.messageZh).toBe(messageZh);
  });

  it('refuses to extend an expired seal (06-01 China time is past 05-31)', () => {
    const r = recordEnforcementStep(sealed(), { step: 'extension', extraDays: 10, approverName: 'a', reason: 'r', notifiedInWriting: true }, 'o', '2024-05-31T16:00:00Z');
    expect(r.ok || r.messageZh).toBe('查封期限已于2024-05-31届满，不能再延长，应当解除（行政强制法第二十八条）。');
  });

  it('disposal on day 15 is met, on day 16 met late and flagged', () => {
    const onTime = run(sealed(), [[{ step: 'disposal', documentNumber: 'D', outcome: 'repairOrReplace' }, '2024-05-16T10:00:00Z']]);
    expect(enforcementDeadlines(onTime, '2024-05-17T00:00:00Z').find((x) => x.key === 'disposal')?.status).toBe('met');
    const late = recordEnforcementStep(sealed(), { step: 'disposal', documentNumber: 'D', outcome: 'repairOrReplace' }, 'o', '2024-05-16T16:00:00Z');
    expect(late.ok && late.event.flags).toEqual(['lateDisposal']);
    expect(late.ok && enforcementDeadlines(late.measure, '2024-05-18T00:00:00Z').find((x) => x.key === 'disposal')?.status).toBe('metLate');
  });

  it('warns before the disposal deadline and after it passes', () => {
    expect(enforcementWarnings(sealed(), '2024-05-10T00:00:00Z', 48)).toEqual([]);
    // 05-16 ends at 2024-05-16T16:00Z; 24 h before that is 05-15T16:00Z
    expect(enforcementWarnings(sealed(), '2024-05-15T16:00:00Z', 24)).toEqual([
      { key: 'disposal', level: 'upcoming', messageZh: '即将到期：作出处理决定，应于2024-05-16前完成（剩余约24小时，安监总局令第15号第十五条：查封后15日内）。' },
    ]);
    expect(enforcementWarnings(sealed(), '2024-05-17T00:00:00Z', 24)[0]?.level).toBe('overdue');
  });
});

describe('emergency 查封: approval within 24 h, decision within 48 h', () => {
  const emergency = () => run(open({ type: 'seal', emergency: true, emergencyReasonZh: '危险化学品泄漏' }), [[onSite, '2024-05-01T02:00:00Z']]);

  it('computes both deadlines from the on-site moment', () => {
    expect(enforcementDeadlines(emergency(), '2024-05-01T03:00:00Z').slice(0, 2)).toMatchObject([
      { key: 'emergencyApproval', at: '2024-05-02T02:00:00.000Z', status: 'pending' },
      { key: 'afterTheFactDecision', at: '2024-05-03T02:00:00.000Z', status: 'pending' },
    ]);
  });

  it.each([
    ['2024-05-02T02:00:00Z', []],
    ['2024-05-02T02:00:01Z', ['lateApproval']],
  ])('approval at %s is flagged %j', (at, flags) => {
    const r = recordEnforcementStep(emergency(), approval, 'o', at);
    expect(r.ok && r.event.flags).toEqual(flags);
  });

  it.each([
    ['2024-05-03T02:00:00Z', []],
    ['2024-05-03T02:00:01Z', ['lateDecision']],
  ])('decision at %s is flagged %j', (at, flags) => {
    const r = recordEnforcementStep(emergency(), sealDecision, 'o', at);
    expect(r.ok && r.event.flags).toEqual(flags);
  });

  it('a refused approval allows only lifting', () => {
    const refused = run(emergency(), [[{ ...approval, approved: false } as StepInput, '2024-05-01T05:00:00Z']]);
    expect(recordEnforcementStep(refused, sealDecision, 'o', '2024-05-01T06:00:00Z')).toMatchObject({ ok: false, code: 'enforcement.notApproved' });
    expect(recordEnforcementStep(refused, { step: 'lift', reasonZh: '负责人不批准' }, 'o', '2024-05-01T06:00:00Z').ok).toBe(true);
  });
});

describe('停止供电: 24 hours prior notice except in emergency', () => {
  const pre: [StepInput, string][] = [
    [{ step: 'precondition', priorDecisionNumber: 'T1', refusedToComply: true, realDanger: true, safetyEnsured: true }, '2024-05-01T01:00:00Z'],
    [approval, '2024-05-01T02:00:00Z'],
    [{ step: 'supplierNotice', supplierName: '供电所', documentNumber: 'N1', inWriting: true }, '2024-05-01T03:00:00Z'],
  ];

  it.each([
    ['23h59m after notice', '2024-05-02T03:59:00Z', false],
    ['exactly 24h after notice', '2024-05-02T04:00:00Z', true],
  ])('cut %s → allowed %s', (_label, at, allowed) => {
    const m = run(open({ type: 'powerCut' }), [...pre, [{ step: 'partyNotice', documentNumber: 'P1' }, '2024-05-01T04:00:00Z']]);
    const r = recordEnforcementStep(m, { step: 'execution' }, 'o', at);
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.messageZh).toBe('停止供电应当提前24小时通知生产经营单位（安全生产法（2021）第七十条），最早可于2024-05-02T04:00:00.000Z执行。');
    expect(enforcementDeadlines(m, '2024-05-01T05:00:00Z')).toEqual([
      expect.objectContaining({ key: 'powerCutEarliest', kind: 'notBefore', at: '2024-05-02T04:00:00.000Z', status: 'open' }),
    ]);
  });

  it('in an emergency the cut may follow the supplier notice at once', () => {
    const m = run(open({ type: 'powerCut', emergency: true, emergencyReasonZh: '粉尘涉爆作业拒不停产' }), pre);
    expect(recordEnforcementStep(m, { step: 'execution' }, 'o', '2024-05-01T03:10:00Z').ok).toBe(true);
  });

  it('停止供应民用爆炸物品 has no 24-hour rule', () => {
    const m = run(open({ type: 'explosivesSupplyStop' }), pre);
    expect(recordEnforcementStep(m, { step: 'execution' }, 'o', '2024-05-01T03:10:00Z').ok).toBe(true);
  });
});

describe('停产停业 and 恢复生产', () => {
  const stopped = () => run(open({ type: 'suspendProduction' }), [
    [onSite, '2024-08-31T02:00:00Z'],
    [{ step: 'decision', documentNumber: 'T3', periodEndsOn: '2024-12-31' }, '2024-08-31T03:00:00Z'],
  ]);

  it('6 months from 08-31 is 02-28 (month end), review within 10 days of the application', () => {
    const m = run(stopped(), [[{ step: 'resumptionApplication' }, '2024-10-08T02:00:00Z']]);
    expect(enforcementDeadlines(m, '2024-10-20T00:00:00Z').map((d) => [d.key, d.at, d.status])).toEqual([
      ['suspensionMaxEnd', '2025-02-28', 'pending'],
      ['suspensionPeriodEnd', '2024-12-31', 'pending'],
      ['resumptionReview', '2024-10-18', 'overdue'],
    ]);
  });

  it('after an application, lifting needs an approving review', () => {
    const m = run(stopped(), [[{ step: 'resumptionApplication' }, '2024-10-08T02:00:00Z']]);
    expect(recordEnforcementStep(m, { step: 'lift', reasonZh: '已整改' }, 'o', '2024-10-09T02:00:00Z')).toMatchObject({ ok: false, code: 'enforcement.wrongOrder' });
    const reviewed = run(m, [[{ step: 'resumptionReview', approved: true }, '2024-10-19T02:00:00Z']]);
    expect(reviewed.steps.at(-1)?.flags).toEqual(['lateReview']);
    expect(recordEnforcementStep(reviewed, { step: 'lift', reasonZh: '审查同意恢复生产' }, 'o', '2024-10-19T03:00:00Z').ok).toBe(true);
  });
});

describe('拆除 waits for the self-demolition deadline and the remedy period', () => {
  const noticed = () => run(open({ type: 'demolition' }), [
    [approval, '2024-05-01T01:00:00Z'],
    [onSite, '2024-05-01T02:00:00Z'],
    [{ step: 'decision', documentNumber: 'C1', selfDemolitionBy: '2024-05-10' }, '2024-05-01T03:00:00Z'],
    [{ step: 'publicNotice', documentNumber: 'G1' }, '2024-05-01T04:00:00Z'],
  ]);
  it.each([
    ['on the last self-demolition day', '2024-05-10T08:00:00Z', true, false],
    ['the day after, remedy period not confirmed', '2024-05-11T08:00:00Z', false, false],
    ['the day after, remedy period elapsed', '2024-05-11T08:00:00Z', true, true],
  ])('%s', (_label, at, remedyPeriodElapsed, allowed) => {
    expect(recordEnforcementStep(noticed(), { step: 'execution', remedyPeriodElapsed }, 'o', at).ok).toBe(allowed);
  });
});

describe('责令限期整改', () => {
  it('tracks the rectification deadline until the review', () => {
    const m = run(open({ type: 'orderRectification' }), [
      [onSite, '2024-05-01T02:00:00Z'],
      [{ step: 'decision', documentNumber: 'Z1', rectifyBy: '2024-05-15' }, '2024-05-01T03:00:00Z'],
    ]);
    expect(enforcementDeadlines(m, '2024-05-15T15:00:00Z')[0]).toMatchObject({ key: 'rectifyBy', status: 'pending' });
    expect(enforcementDeadlines(m, '2024-05-15T16:00:00Z')[0]).toMatchObject({ key: 'rectifyBy', status: 'overdue' });
    const reviewed = run(m, [[{ step: 'review', rectified: true }, '2024-05-14T03:00:00Z']]);
    expect(enforcementDeadlines(reviewed, '2024-06-01T00:00:00Z')[0]).toMatchObject({ status: 'met' });
  });

  it('refuses a step dated before the previous one', () => {
    const m = run(open({ type: 'orderRectification' }), [[onSite, '2024-05-01T02:00:00Z']]);
    expect(recordEnforcementStep(m, { step: 'decision', documentNumber: 'Z', rectifyBy: '2024-05-15' }, 'o', '2024-05-01T01:00:00Z')).toMatchObject({ ok: false, code: 'enforcement.timeOrder' });
  });
});
