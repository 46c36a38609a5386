import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookTables } from '../../src/server/documents/xlsx-adapter';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { addTown, createEnterprise } from '../support/ledger-factories';
import { multipart, samples } from '../support/multipart';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const DAY = 86_400_000;

describe('hazards (一隐患一卡) API', { timeout: 90_000 }, () => {
  // The clock moves by weeks here: sessions must outlive it.
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let town2: string;
  let admin: Client;
  let leader: Client;
  let town: Client;
  let dept: Client;
  let town2Liaison: Client;
  let enterpriseId: string;
  let photoId: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    town2 = await addTown(db, d, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.dept }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: town2 }),
    ] as const;
    [admin, leader, town, dept, town2Liaison] = await loginAll(t.app, users);
    enterpriseId = (await createEnterprise(admin, d)).id;
    const up = await town.inject({ method: 'POST', url: `/api/units/${d.units.town}/files`, ...multipart('整改后.png', samples.png) });
    expect(up.statusCode).toBe(201);
    photoId = up.json().id;
  });

  /** Today in China time, and a day `n` days from it. */
  const today = (n = 0) => new Date(t.now().getTime() + 8 * 3_600_000 + n * DAY).toISOString().slice(0, 10);
  const create = async (who: Client = town, extra: Record<string, unknown> = {}) => {
    const res = await who.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId, foundOn: today(), foundWay: 'inspection', foundBy: '王五', place: '配电室', description: '配电箱无防护门', ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number }>();
  };
  const card = async (id: string) => (await admin.inject({ method: 'GET', url: `/api/hazards/${id}` })).json();
  const step = async (who: Client, id: string, body: Record<string, unknown>) => {
    const { version } = await card(id);
    return who.inject({ method: 'POST', url: `/api/hazards/${id}/steps`, payload: { version, ...body } });
  };
  const ok = async (who: Client, id: string, body: Record<string, unknown>) => {
    const res = await step(who, id, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  let seq = 0;
  const number = () => `YH-${Date.now()}-${(seq += 1)}`;
  const rectify = (deadline: string) => ({ action: 'startRectification', measures: '加装防护门', responsiblePerson: '张三', deadline });
  const plan = (deadline: string) => ({
    goal: '消除液氨泄漏风险', measures: '更换阀门', funds: { amountYuan: 50_000, source: '企业自筹' }, responsibleBody: '设备部',
    responsiblePerson: '张三', deadline, safetyAndEmergencyMeasures: '设置警戒区，编制专项应急预案',
  });
  const five = { measures: true, funds: true, deadline: true, person: true, emergencyPlan: true };

  it('a 一般 hazard goes found → registered → graded → rectifying → applied → accepted → closed, each step by its role and audited', async () => {
    const h = await create();
    const n = number();
    const readPhoto = async (who: Client) => (await who.inject({ method: 'GET', url: `/api/files/${photoId}` })).statusCode;
    // The town's photo is the town's until a card shows it.
    expect([await readPhoto(town), await readPhoto(dept)]).toEqual([200, 404]);
    await ok(town, h.id, { action: 'register', number: n });
    await ok(town, h.id, { action: 'grade', grade: 'general' });
    await ok(town, h.id, rectify(today(10)));
    await ok(town, h.id, { action: 'applyForAcceptance', summary: '已加装防护门', photosAfter: [photoId] });
    const accepted = await ok(town, h.id, { action: 'accept', conclusion: '整改到位', reviewer: '王五' });
    expect(accepted).toMatchObject({ state: 'accepted', lateAcceptance: false, acceptanceDueOn: today(10) });
    const closed = await ok(town, h.id, { action: 'close' });
    expect(closed).toMatchObject({ state: 'closed', stateLabel: '已销号', number: n, closedOn: today(), version: 7 });
    const full = await card(h.id);
    expect(full.events.map((e: { action: string; actorRole: string }) => [e.action, e.actorRole])).toEqual([
      ['create', 'townOfficer'], ['register', 'townOfficer'], ['grade', 'townOfficer'], ['startRectification', 'enterprise'],
      ['applyForAcceptance', 'enterprise'], ['accept', 'townOfficer'], ['close', 'townOfficer'],
    ]);
    expect(full.photosAfter).toEqual([photoId]);
    // Then the department regulating the enterprise reads it on the card too; another town does not.
    expect([await readPhoto(dept), await readPhoto(town2Liaison)]).toEqual([200, 404]);
    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', h.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['hazard.create', 'hazard.register', 'hazard.grade', 'hazard.startRectification', 'hazard.applyForAcceptance', 'hazard.accept', 'hazard.close']);
  });

  it('refuses the wrong role: 403 with the rule\'s reason, nothing changed', async () => {
    const h = await create();
    const byOffice = await step(admin, h.id, { action: 'register', number: number() });
    expect(byOffice.statusCode).toBe(403);
    expect(byOffice.json().message).toBe('“登记”应由属地镇（街道）安全监管人员或行业监管部门执法人员办理，安委办无权办理。');
    await ok(town, h.id, { action: 'register', number: number() });
    const major = await step(town, h.id, { action: 'grade', grade: 'major', legalBasis: '判定标准第一条' });
    expect(major.statusCode).toBe(403);
    expect(major.json().message).toContain('重大隐患的“定级”应由行业监管部门执法人员办理');
    expect((await step(leader, h.id, { action: 'grade', grade: 'general' })).statusCode).toBe(403);
    expect((await step(town2Liaison, h.id, { action: 'grade', grade: 'general' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/hazards/${h.id}/steps`, payload: { action: 'close', version: 1 } })).statusCode).toBe(401);
    expect((await card(h.id))).toMatchObject({ state: 'registered', version: 2 });
  });

  it('refuses steps out of order (409) and a stale version (409)', async () => {
    const h = await create();
    const early = await step(town, h.id, { action: 'grade', grade: 'general' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('隐患当前为“已发现”，不能“定级”；此步骤只能在“已登记”之后办理。');
    const closeEarly = await step(town, h.id, { action: 'close' });
    expect(closeEarly.statusCode).toBe(409);
    const stale = await town.inject({ method: 'POST', url: `/api/hazards/${h.id}/steps`, payload: { action: 'register', number: number(), version: 7 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人办理');
    expect((await card(h.id)).state).toBe('found');
  });

  it('a 重大 hazard needs its 判定依据, the six-part plan and 五到位 before rectification', async () => {
    const h = await create(dept);
    await ok(dept, h.id, { action: 'register', number: number() });
    const noBasis = await step(dept, h.id, { action: 'grade', grade: 'major' });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().message).toBe('判定为重大隐患必须写明判定依据。');
    await ok(dept, h.id, { action: 'grade', grade: 'major', legalBasis: '工贸行业重大生产安全事故隐患判定标准 第三条' });
    const noPlan = await step(dept, h.id, rectify(today(30)));
    expect(noPlan.statusCode).toBe(400);
    expect(noPlan.json().message).toBe('重大隐患必须有完整的治理方案，缺少：整个治理方案。');
    const partPlan = await step(dept, h.id, { ...rectify(today(30)), plan: { ...plan(today(30)), goal: '', safetyAndEmergencyMeasures: '' }, fiveInPlace: five });
    expect(partPlan.statusCode).toBe(400);
    expect(partPlan.json().message).toBe('重大隐患必须有完整的治理方案，缺少：治理的目标和任务、安全措施和应急预案。');
    const notFive = await step(dept, h.id, { ...rectify(today(30)), plan: plan(today(30)), fiveInPlace: { ...five, emergencyPlan: false } });
    expect(notFive.statusCode).toBe(400);
    expect(notFive.json().message).toBe('重大隐患整改须做到“五到位”，尚未到位：应急预案。');
    expect((await card(h.id)).state).toBe('graded');
    const started = await ok(dept, h.id, { ...rectify(today(30)), plan: plan(today(30)), fiveInPlace: five });
    expect(started).toMatchObject({ state: 'rectifying', grade: 'major', rectificationDeadline: today(30) });
    // The town officer may not accept a 重大隐患.
    await ok(dept, h.id, { action: 'applyForAcceptance', summary: '已更换阀门' });
    expect((await step(town, h.id, { action: 'accept', conclusion: '合格', reviewer: '王五' })).statusCode).toBe(403);
  });

  it('returns need a reason; a failed acceptance goes back to rectification and counts on the card', async () => {
    const h = await create();
    await ok(town, h.id, { action: 'register', number: number() });
    await ok(town, h.id, { action: 'grade', grade: 'general' });
    await ok(town, h.id, rectify(today(5)));
    await ok(town, h.id, { action: 'applyForAcceptance', summary: '已整改' });
    const noReason = await step(town, h.id, { action: 'return', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('退回必须写明理由。');
    const back = await ok(town, h.id, { action: 'return', reason: '防护门未接地' });
    expect(back).toMatchObject({ state: 'rectifying', returnCount: 1, acceptanceDueOn: null });
    const events = (await card(h.id)).events;
    expect(events.at(-1)).toMatchObject({ action: 'return', reason: '防护门未接地', from: 'acceptanceApplied', to: 'rectifying' });
  });

  it('bad input is a 400 naming the field, and photos must be readable images', async () => {
    const missing = await town.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId, foundOn: today(), foundWay: 'inspection', foundBy: '王五', place: '配电室' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('description');
    const photo = await town.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId, foundOn: today(), foundWay: 'inspection', foundBy: '王五', place: '配电室', description: '漏电', photosBefore: ['no-such-file'] } });
    expect(photo.statusCode).toBe(400);
    expect(photo.json().message).toBe('请求体字段“photosBefore.0”：照片文件“no-such-file”不存在或无权查看。');
    const future = await town.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId, foundOn: today(3), foundWay: 'inspection', foundBy: '王五', place: '配电室', description: '漏电' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('不能录入将来发现的隐患');
    expect((await leader.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId, foundOn: today(), foundWay: 'inspection', foundBy: '王五', place: '配电室', description: '漏电' } })).statusCode).toBe(403);
    expect((await town2Liaison.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId, foundOn: today(), foundWay: 'inspection', foundBy: '王五', place: '配电室', description: '漏电' } })).statusCode).toBe(404);
  });

  it('the ledger filters by town, department, grade, state and overdue, is scoped, and exports to Excel', async () => {
    const e2 = (await createEnterprise(admin, d, { territorialUnitId: town2, sector: 'fire' })).id;
    const h2 = (await admin.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId: e2, foundOn: today(), foundWay: 'tip', foundBy: '举报人', place: '仓库', description: '消防通道堵塞' } })).json();
    const mine = (await town.inject({ method: 'GET', url: '/api/hazards?pageSize=200' })).json();
    expect(mine.items.every((h: { territorialUnitId: string }) => h.territorialUnitId === d.units.town)).toBe(true);
    expect(mine.items.some((h: { id: string }) => h.id === h2.id)).toBe(false);
    const theirs = (await town2Liaison.inject({ method: 'GET', url: '/api/hazards' })).json();
    expect(theirs.items.map((h: { id: string }) => h.id)).toEqual([h2.id]);
    expect((await dept.inject({ method: 'GET', url: `/api/hazards?territorialUnitId=${town2}` })).json().total).toBe(1);
    const fire = (await admin.inject({ method: 'GET', url: '/api/hazards?sector=fire&state=found' })).json();
    expect(fire.items.map((h: { id: string }) => h.id)).toEqual([h2.id]);
    const majors = (await admin.inject({ method: 'GET', url: '/api/hazards?grade=major' })).json();
    expect(majors.total).toBe(1);
    const paged = (await admin.inject({ method: 'GET', url: '/api/hazards?pageSize=2&page=2&sort=foundOn&order=asc' })).json();
    expect(paged.items).toHaveLength(2);
    expect((await admin.inject({ method: 'GET', url: '/api/hazards?grade=huge' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/hazards' })).statusCode).toBe(401);

    const xlsx = await town2Liaison.inject({ method: 'GET', url: '/api/hazards.xlsx?sector=fire' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await readWorkbookTables(xlsx.rawPayload)).get('隐患台账')!;
    expect(sheet[0]!.values.slice(0, 4)).toEqual(['隐患编号', '生产经营单位', '所属镇（街道）', '行业监管部门']);
    expect(sheet).toHaveLength(2);
    expect(sheet[1]!.values).toContain('消防通道堵塞');
    expect(sheet[1]!.values).toContain('举报核查');
    expect(sheet[1]!.values).toContain('未定级');
  });

  it('overdue and escalation come at the right day with the injected clock: 督办, then 挂牌督办 of a 重大隐患', async () => {
    const general = await create();
    await ok(town, general.id, { action: 'register', number: number() });
    await ok(town, general.id, { action: 'grade', grade: 'general' });
    await ok(town, general.id, rectify(today(2)));
    const major = await create(dept);
    await ok(dept, major.id, { action: 'register', number: number() });
    await ok(dept, major.id, { action: 'grade', grade: 'major', legalBasis: '判定标准第三条' });
    await ok(dept, major.id, { ...rectify(today(2)), plan: plan(today(2)), fiveInPlace: five });
    const deadline = today(2);
    const overdueIds = async () => (await admin.inject({ method: 'GET', url: '/api/hazards/overdue' })).json().items.map((h: { id: string }) => h.id);

    t.advance(2 * DAY); // on the deadline day: still on time
    expect(await overdueIds()).not.toContain(general.id);
    expect((await card(general.id)).escalation.level).toBe('none');

    t.advance(DAY); // the day after: overdue 1 day → 督办 by the department
    expect(await overdueIds()).toEqual(expect.arrayContaining([general.id, major.id]));
    const g = await card(general.id);
    expect(g.deadlineStatus).toMatchObject({ rectificationOverdue: true, daysOverdue: 1, rectificationDeadline: deadline });
    expect(g.escalation).toMatchObject({ level: 'supervision', by: '行业监管部门督办' });
    const listed = (await admin.inject({ method: 'GET', url: '/api/hazards?overdue=true&pageSize=200' })).json().items.map((h: { id: string }) => h.id);
    expect(listed).toEqual(expect.arrayContaining([general.id, major.id]));
    expect((await admin.inject({ method: 'GET', url: '/api/hazards?overdue=false&pageSize=200' })).json().items.map((h: { id: string }) => h.id)).not.toContain(general.id);

    t.advance(28 * DAY); // 29 days overdue: a 重大隐患 is still only supervised
    expect((await card(major.id)).escalation.level).toBe('supervision');
    t.advance(DAY); // 30 days: listed for supervision by the county-level government
    expect((await card(major.id)).escalation).toMatchObject({ level: 'listedSupervision', by: '县级人民政府挂牌督办' });
    expect((await card(general.id)).escalation.level).toBe('supervision');

    // Applying for acceptance stops the clock; acceptance after the 10-day window is flagged.
    await ok(town, general.id, { action: 'applyForAcceptance', summary: '已整改' });
    expect(await overdueIds()).not.toContain(general.id);
    t.advance(11 * DAY);
    expect(await overdueIds()).toContain(general.id); // acceptance overdue
    const late = await ok(town, general.id, { action: 'accept', conclusion: '合格', reviewer: '王五' });
    expect(late.lateAcceptance).toBe(true);
    expect((await card(general.id)).events.at(-1)).toMatchObject({ action: 'accept', flags: ['lateAcceptance'] });
    expect((await card(general.id)).escalation.level).toBe('none');
  });
});
