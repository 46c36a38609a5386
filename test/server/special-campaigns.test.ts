import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { addTown } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const chinaDay = (d: Date, n = 0) => new Date(d.getTime() + 8 * HOUR + n * DAY).toISOString().slice(0, 10);

interface UnitProgress { unitId: string; tasks: number; completed: number; completedOnTime: number; overdueTaskIds: string[]; completionRate: number | null }
interface Detail {
  id: string; version: number; name: string; tasks: { id: string; unitId: string }[];
  progress: { today: string; currentPhaseKey: string | null; currentPhaseName: string | null; units: UnitProgress[] };
  reports: { taskId: string; unitId: string; completed: boolean; late: boolean; reportedOn: string }[];
}

/** 专项行动 through the API: the office plans, each unit reads and reports its own tasks, progress at the app clock. */
describe('special campaigns (专项行动)', { timeout: 120_000 }, () => {
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let admin: Client;
  let leader: Client;
  let town: Client;
  let dept: Client;
  let town2: Client;
  let assessor: Client;
  let campaign: Detail;

  const day = (n: number) => chinaDay(t.now(), n);
  const plan = () => ({
    organisationId: d.districtId, name: '2026年冬季安全隐患排查整治', kind: 'winterHazard',
    phases: [
      { key: 'mobilise', name: '动员部署', from: day(-10), to: day(-1) },
      { key: 'selfCheck', name: '自查自改', from: day(0), to: day(20) },
    ],
    tasks: [
      { id: 'a', unitId: d.units.town, phaseKey: 'mobilise', title: '召开镇街动员会', dueOn: day(-2) },
      { id: 'b', unitId: d.units.town, phaseKey: 'selfCheck', title: '组织企业自查', dueOn: day(10) },
      { id: 'c', unitId: d.units.dept, phaseKey: 'mobilise', title: '制定行业实施方案', dueOn: day(-5) },
    ],
  });
  const count = async (table: 'special_campaign' | 'campaign_progress_report' | 'audit_record') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const snapshot = async () => ({ campaigns: await count('special_campaign'), reports: await count('campaign_progress_report'), audit: await count('audit_record') });
  const get = async (who: Client, id = campaign.id) => {
    const res = await who.inject({ method: 'GET', url: `/api/special-campaigns/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Detail>();
  };
  const report = (who: Client, payload: Record<string, unknown>) => who.inject({ method: 'POST', url: `/api/special-campaigns/${campaign.id}/progress`, payload });

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
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.town] }),
    ] as const);
  });

  it('refuses a plan the domain finds wrong, a unit outside the district, or a planner other than the office, writing nothing', async () => {
    const before = await snapshot();
    const p = plan();
    const overlap = await admin.inject({ method: 'POST', url: '/api/special-campaigns', payload: { ...p, phases: [p.phases[0], { ...p.phases[1], from: day(-1) }] } });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().message).toContain(`阶段“自查自改”（${day(-1)}起）与上一阶段“动员部署”（至${day(-1)}）重叠或顺序颠倒。`);
    const outside = await admin.inject({ method: 'POST', url: '/api/special-campaigns', payload: { ...p, tasks: [{ ...p.tasks[0], dueOn: day(3) }] } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toContain(`任务“召开镇街动员会”的完成期限${day(3)}不在阶段“动员部署”`);
    const foreign = await admin.inject({ method: 'POST', url: '/api/special-campaigns', payload: { ...p, tasks: [{ ...p.tasks[0], unitId: d.units.other }] } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('tasks.0.unitId');
    expect((await town.inject({ method: 'POST', url: '/api/special-campaigns', payload: p })).statusCode).toBe(403);
    expect((await leader.inject({ method: 'POST', url: '/api/special-campaigns', payload: p })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('the office plans it; each unit reads its own tasks, a unit without tasks not at all', async () => {
    const res = await admin.inject({ method: 'POST', url: '/api/special-campaigns', payload: plan() });
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json<Detail>();
    expect(campaign).toMatchObject({ kind: 'winterHazard', kindLabel: '冬季安全隐患排查整治', startsOn: day(-10), endsOn: day(20), version: 1 });

    const office = await get(admin);
    expect(office.progress).toMatchObject({ today: day(0), currentPhaseKey: 'selfCheck', currentPhaseName: '自查自改' });
    expect(office.tasks.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect((await get(leader)).tasks).toHaveLength(3);
    const own = await get(town);
    expect(own.tasks.map((x) => x.id)).toEqual(['a', 'b']);
    expect(own.progress.units.map((u) => u.unitId)).toEqual([d.units.town]);
    expect((await town2.inject({ method: 'GET', url: `/api/special-campaigns/${campaign.id}` })).statusCode).toBe(404);

    const list = async (who: Client) => (await who.inject({ method: 'GET', url: '/api/special-campaigns' })).json().items.map((c: { id: string }) => c.id);
    expect(await list(town)).toEqual([campaign.id]);
    expect(await list(dept)).toEqual([campaign.id]);
    expect(await list(town2)).toEqual([]);
    expect((await assessor.inject({ method: 'GET', url: '/api/special-campaigns' })).statusCode).toBe(403);
    expect((await assessor.inject({ method: 'GET', url: `/api/special-campaigns/${campaign.id}` })).statusCode).toBe(404);
  });

  it('units report their own tasks; a late completion is flagged; progress is as by hand', async () => {
    // Task a (due day −2) completed on day −1: late.
    const late = await report(town, { taskId: 'a', completed: true, summary: '已召开动员会', reportedOn: day(-1) });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json<Detail>().reports).toEqual([expect.objectContaining({ taskId: 'a', unitId: d.units.town, completed: true, late: true })]);
    expect((await report(town, { taskId: 'b', completed: false, summary: '已完成30家企业自查' })).statusCode).toBe(201);

    const before = await snapshot();
    const other = await report(town, { taskId: 'c', completed: true });
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toContain('taskId');
    expect((await report(dept, { taskId: 'a', completed: true })).statusCode).toBe(400);
    expect((await report(leader, { taskId: 'a', completed: true })).statusCode).toBe(403);
    expect((await report(town2, { taskId: 'a', completed: true })).statusCode).toBe(404);
    const future = await report(town, { taskId: 'b', completed: true, reportedOn: day(1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('reportedOn');
    expect(await snapshot()).toEqual(before);

    // By hand, today: town a done (late), b not due → 1 of 2 = 50%, 0 on time; dept c overdue.
    const office = await get(admin);
    const byUnit = Object.fromEntries(office.progress.units.map((u) => [u.unitId, u]));
    expect(byUnit[d.units.town]).toMatchObject({ tasks: 2, completed: 1, completedOnTime: 0, overdueTaskIds: [], completionRate: 50 });
    expect(byUnit[d.units.dept]).toMatchObject({ tasks: 1, completed: 0, overdueTaskIds: ['c'], completionRate: 0 });

    // The office reports for the department.
    const forDept = await report(admin, { taskId: 'c', completed: true, note: '部门补报' });
    expect(forDept.statusCode, forDept.body).toBe(201);
    expect(forDept.json<Detail>().reports.find((r) => r.taskId === 'c')).toMatchObject({ late: true, reportedOn: day(0) });
    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_type', '=', 'campaign_progress_report').execute();
    expect(audit.map((a) => a.action)).toEqual(['specialCampaign.report', 'specialCampaign.report', 'specialCampaign.report']);
  });

  it('changes to the plan need the version read and keep the tasks already reported on', async () => {
    const before = await snapshot();
    const p = plan();
    const stale = await admin.inject({ method: 'PATCH', url: `/api/special-campaigns/${campaign.id}`, payload: { version: 99, name: '新名称' } });
    expect(stale.statusCode).toBe(409);
    const dropped = await admin.inject({ method: 'PATCH', url: `/api/special-campaigns/${campaign.id}`, payload: { version: 1, tasks: p.tasks.slice(1) } });
    expect(dropped.statusCode).toBe(409);
    expect(dropped.json().message).toContain('召开镇街动员会');
    const moved = await admin.inject({ method: 'PATCH', url: `/api/special-campaigns/${campaign.id}`, payload: { version: 1, tasks: [{ ...p.tasks[0], unitId: d.units.dept }, ...p.tasks.slice(1)] } });
    expect(moved.statusCode).toBe(409);
    expect((await town.inject({ method: 'PATCH', url: `/api/special-campaigns/${campaign.id}`, payload: { version: 1, name: '新名称' } })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);

    const ok = await admin.inject({ method: 'PATCH', url: `/api/special-campaigns/${campaign.id}`, payload: { version: 1, name: '冬季隐患排查整治（调整）', tasks: [...p.tasks, { id: 'd', unitId: d.units.dept, phaseKey: 'selfCheck', title: '行业督导检查', dueOn: day(15) }] } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '冬季隐患排查整治（调整）', version: 2 });
    expect((await get(dept)).tasks.map((x) => x.id)).toEqual(['c', 'd']);
    expect(await count('audit_record')).toBe(before.audit + 1);
  });

  it('a completion on the due day is on time, and the earliest completing report is the one that counts', async () => {
    const onDay = await report(town, { taskId: 'a', completed: true, summary: '补报：动员会当天召开', reportedOn: day(-2) });
    expect(onDay.statusCode, onDay.body).toBe(201);
    const b = await report(town, { taskId: 'b', completed: true });
    expect(b.statusCode, b.body).toBe(201);
    const detail = b.json<Detail>();
    expect(detail.reports.filter((r) => r.completed && r.unitId === d.units.town).map((r) => [r.taskId, r.reportedOn, r.late])).toEqual([
      ['a', day(-2), false], ['a', day(-1), true], ['b', day(0), false],
    ]);
    // By hand: a done on its due day (the earliest completing report), b today before its due day → 2 of 2 on time.
    expect(detail.progress.units).toEqual([expect.objectContaining({ unitId: d.units.town, tasks: 2, completed: 2, completedOnTime: 2, overdueTaskIds: [], completionRate: 100 })]);

    // The list carries the same progress, as far as the reader's units go: the department did c late and has d ahead.
    const listed = (await dept.inject({ method: 'GET', url: '/api/special-campaigns' })).json<{ items: Detail[] }>().items;
    expect(listed.map((c) => c.progress.units)).toEqual([[expect.objectContaining({ unitId: d.units.dept, tasks: 2, completed: 1, completedOnTime: 0, overdueTaskIds: [], completionRate: 50 })]]);
  });
});
