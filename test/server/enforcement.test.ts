import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { addTown, createEnterprise } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const chinaDay = (d: Date, n = 0) => new Date(d.getTime() + 8 * HOUR + n * DAY).toISOString().slice(0, 10);

interface Deadline { key: string; at: string; status: string; label: string }
interface Measure {
  id: string; version: number; ended: boolean; stage: string; startedOn: string | null; endedOn: string | null; decisionNumber: string | null;
  nextSteps: { step: string; label: string }[]; deadlines: Deadline[]; warnings: { key: string; level: string; message: string }[];
  steps?: { step: string; flags: { code: string; label: string }[] }[];
}

/** 执法措施 through the API: the law's order, its periods and warnings, and who may record them. */
describe('enforcement measures (执法措施)', { timeout: 120_000 }, () => {
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let admin: Client;
  let leader: Client;
  let town: Client;
  let dept: Client;
  let town2: Client;
  let assessor: Client;
  let enterpriseId: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const town2Unit = await addTown(db, d, t.now());
    [admin, leader, town, dept, town2, assessor] = await loginAll(t.app, [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.dept }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: town2Unit }),
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] }),
    ] as const);
    enterpriseId = (await createEnterprise(admin, d)).id;
  });

  const officers = [{ name: '张三', certificateNumber: 'ZF-001' }, { name: '李四', certificateNumber: 'ZF-002' }];
  const onSite = { step: 'onSite', officers, partyNotified: true, partyHeard: true, recordSignedBy: 'party' };
  const approval = { step: 'approval', approverName: '局长王五', approverIsPrincipal: true, approved: true };
  const open = async (who: Client, body: Record<string, unknown>) => {
    const res = await who.inject({ method: 'POST', url: '/api/enforcement-measures', payload: { enterpriseId, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Measure>();
  };
  const get = async (id: string, who: Client = admin) => (await who.inject({ method: 'GET', url: `/api/enforcement-measures/${id}` })).json<Measure>();
  const post = (who: Client, m: { id: string; version: number }, body: Record<string, unknown>) =>
    who.inject({ method: 'POST', url: `/api/enforcement-measures/${m.id}/steps`, payload: { version: m.version, ...body } });
  const step = async (who: Client, m: { id: string; version: number }, body: Record<string, unknown>) => {
    const res = await post(who, m, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Measure>();
  };
  const auditOf = async (id: string) => (await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', id).orderBy('seq').execute()).map((a) => a.action);

  it('查封 in the law\'s order: 30-day period from the on-site day, disposal within 15 days, one extension, then lifting; every step audited', async () => {
    let m = await open(dept, { type: 'seal' });
    expect(m).toMatchObject({ stage: '待实施', nextSteps: [{ step: 'approval', label: '负责人批准' }], deadlines: [], startedOn: null });
    m = await step(dept, m, approval);
    m = await step(dept, m, onSite);
    const today = chinaDay(t.now());
    expect(m.startedOn).toBe(today);
    m = await step(dept, m, { step: 'decision', documentNumber: '（周）应急查〔2026〕1号', items: ['液氨钢瓶20只'] });
    expect(m.decisionNumber).toBe('（周）应急查〔2026〕1号');
    const byKey = Object.fromEntries(m.deadlines.map((x) => [x.key, x]));
    expect(byKey.sealPeriodEnd).toMatchObject({ at: chinaDay(t.now(), 30), status: 'pending' });
    expect(byKey.disposal).toMatchObject({ at: chinaDay(t.now(), 15), status: 'pending' });
    expect(m.warnings).toEqual([]);
    expect(m.nextSteps.map((s) => s.step)).toEqual(['extension', 'disposal', 'lift']);

    // Two days before the disposal deadline the register warns; past it, it is overdue and listed so.
    t.advance(13 * DAY);
    expect((await get(m.id)).warnings).toMatchObject([{ key: 'disposal', level: 'upcoming' }]);
    t.advance(3 * DAY);
    const late = await get(m.id);
    expect(late.warnings).toMatchObject([{ key: 'disposal', level: 'overdue' }]);
    expect(late.warnings[0]!.message).toContain('第15号第十五条');
    const overdue = (await admin.inject({ method: 'GET', url: `/api/enforcement-measures?overdue=true&enterpriseId=${enterpriseId}` })).json<{ items: Measure[] }>();
    expect(overdue.items.map((x) => x.id)).toContain(m.id);

    m = await step(dept, late, { step: 'extension', extraDays: 30, approverName: '局长王五', reason: '需检测鉴定', notifiedInWriting: true });
    expect(m.deadlines.find((x) => x.key === 'sealPeriodEnd')!.at).toBe(chinaDay(t.now(), 30 - 16 + 30));
    // A second extension: refused, and nothing changes.
    const twice = await post(dept, m, { step: 'extension', extraDays: 10, approverName: '局长王五', reason: '再延', notifiedInWriting: true });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('只能延长一次');
    expect((await get(m.id)).version).toBe(m.version);

    m = await step(dept, m, { step: 'disposal', documentNumber: '（周）应急处〔2026〕2号', outcome: 'prohibitUse' });
    expect(m.steps!.at(-1)!.flags).toMatchObject([{ code: 'lateDisposal' }]);
    m = await step(dept, m, { step: 'lift', reason: '已依法处理完毕' });
    expect(m).toMatchObject({ ended: true, endedOn: chinaDay(t.now()), nextSteps: [], warnings: [] });
    expect(m.stage).toBe('已结束：解除');
    expect((await post(dept, m, { step: 'lift', reason: '再次' })).statusCode).toBe(409);
    expect(await auditOf(m.id)).toEqual([
      'enforcement.open', 'enforcement.approval', 'enforcement.onSite', 'enforcement.decision', 'enforcement.extension', 'enforcement.disposal', 'enforcement.lift',
    ]);
  });

  it('a step out of order, or missing what the law requires, is refused with the rule and changes nothing', async () => {
    const m = await open(town, { type: 'seize' });
    const early = await post(town, m, onSite);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('须在“负责人批准”之后记录');
    const a = await step(town, m, approval);
    const one = await post(town, a, { ...onSite, officers: [officers[0]] });
    expect(one.statusCode).toBe(400);
    expect(one.json().message).toContain('两名以上');
    const future = await post(town, a, { ...onSite, at: new Date(t.now().getTime() + HOUR).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('“at”');
    const stale = await post(town, m, onSite);
    expect(stale.statusCode).toBe(409);
    const now = await get(m.id);
    expect(now).toMatchObject({ version: a.version, stage: '进行中：负责人批准' });
    expect(now.steps).toHaveLength(1);
    expect(await auditOf(m.id)).toEqual(['enforcement.open', 'enforcement.approval']);
    // 停水 has no statutory basis of its own: without one it cannot be opened.
    const water = await admin.inject({ method: 'POST', url: '/api/enforcement-measures', payload: { enterpriseId, type: 'waterCut' } });
    expect(water.statusCode).toBe(400);
    expect(water.json().message).toContain('必须写明所依据的法律');
  });

  it('停止供电: not before 24 hours after the written notice to the unit', async () => {
    let m = await open(dept, { type: 'powerCut' });
    m = await step(dept, m, { step: 'precondition', priorDecisionNumber: '（周）应急停〔2026〕3号', refusedToComply: true, realDanger: true, safetyEnsured: true });
    m = await step(dept, m, approval);
    m = await step(dept, m, { step: 'supplierNotice', supplierName: '国网周村供电中心', documentNumber: '（周）应急通〔2026〕4号', inWriting: true });
    m = await step(dept, m, { step: 'partyNotice', documentNumber: '（周）应急通〔2026〕5号' });
    expect(m.deadlines).toMatchObject([{ key: 'powerCutEarliest', status: 'open' }]);
    t.advance(23 * HOUR);
    const tooEarly = await post(dept, m, { step: 'execution' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().message).toContain('提前24小时通知');
    t.advance(HOUR);
    m = await step(dept, m, { step: 'execution' });
    expect(m.startedOn).toBe(chinaDay(t.now()));
  });

  it('an emergency 查封 taken on the spot: approval due within 24 h, and a late one is recorded and flagged', async () => {
    let m = await open(dept, { type: 'seal', emergency: true, emergencyReason: '液氨泄漏，情况紧急' });
    m = await step(dept, m, onSite);
    expect(m.deadlines.find((x) => x.key === 'emergencyApproval')).toMatchObject({ status: 'pending' });
    expect(m.warnings.map((w) => w.key)).toEqual(expect.arrayContaining(['emergencyApproval', 'afterTheFactDecision']));
    t.advance(25 * HOUR);
    expect((await get(m.id)).deadlines.find((x) => x.key === 'emergencyApproval')!.status).toBe('overdue');
    m = await step(dept, await get(m.id), approval);
    expect(m.steps!.at(-1)!.flags).toEqual([{ code: 'lateApproval', label: '超过24小时补办批准（行政强制法第十九条）' }]);
    expect(m.deadlines.find((x) => x.key === 'emergencyApproval')!.status).toBe('metLate');
  });

  it('is kept by the enterprise\'s town and department: read by the leader and the unit\'s assessor, no one else', async () => {
    const m = await open(admin, { type: 'orderRectification' });
    expect((await leader.inject({ method: 'POST', url: '/api/enforcement-measures', payload: { enterpriseId, type: 'orderRectification' } })).statusCode).toBe(403);
    expect((await post(leader, m, onSite)).statusCode).toBe(403);
    expect((await town2.inject({ method: 'GET', url: `/api/enforcement-measures/${m.id}` })).statusCode).toBe(404);
    expect((await post(town2, m, onSite)).statusCode).toBe(404);
    expect((await post(assessor, m, onSite)).statusCode).toBe(403);
    expect((await assessor.inject({ method: 'GET', url: `/api/enforcement-measures/${m.id}` })).statusCode).toBe(200);
    expect((await town2.inject({ method: 'GET', url: '/api/enforcement-measures' })).json().items).toEqual([]);
    const forTown = (await town.inject({ method: 'GET', url: '/api/enforcement-measures?ended=false' })).json<{ items: Measure[]; total: number }>();
    expect(forTown.items.map((x) => x.id)).toContain(m.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/enforcement-measures' })).statusCode).toBe(401);
  });

  it('the enterprise\'s file shows each recorded step on its timeline', async () => {
    let m = await open(town, { type: 'orderRectification' });
    m = await step(town, m, onSite);
    await step(town, m, { step: 'decision', documentNumber: '（周）应急改〔2026〕9号', rectifyBy: chinaDay(t.now(), 10) });
    const file = (await admin.inject({ method: 'GET', url: `/api/enterprises/${enterpriseId}/file` })).json<{ timeline: { kind: string; title: string }[] }>();
    const titles = file.timeline.filter((e) => e.kind === 'enforcement').map((e) => e.title);
    expect(titles).toContain('责令限期整改：作出决定，文书编号（周）应急改〔2026〕9号');
    expect(titles).toContain('责令限期整改：现场实施（现场笔录）（决定书（周）应急改〔2026〕9号）');
    expect(titles.some((x) => x.startsWith('查封'))).toBe(true);
  });
});
