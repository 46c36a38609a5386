import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookTables } from '../../src/server/documents/xlsx-adapter';
import { advance, createTestCampaign } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Campaign { id: string; version: number; monthlyReportGraceDays: number }
interface Month { month: number; deadline: string; graceDays: number; rule: string; status: string; submittedOn: string | null }
interface Reports { graceDays: number; rule: string; items: { unitId: string; months: Month[] }[] }

/**
 * 月报报送期限 (月末后 N 日内) as the office's setting: set at creation, kept by a copy, changed with
 * the campaign's dates for the months not yet ended; a month that has ended keeps its rule.
 */
describe('the campaign\'s monthly report rule (月报报送期限)', { timeout: 90_000 }, () => {
  const t = useTestApp();
  let d: District;
  let users: readonly [{ username: string }, { username: string }];
  let admin: Client;
  let liaison: Client;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
    ] as const;
    [admin, liaison] = await loginAll(t.app, users);
  });

  /** Moves the app's clock to an instant (sessions are idle after 30 minutes, so everyone logs in again). */
  const at = async (instant: string) => {
    t.advance(Date.parse(instant) - t.now().getTime());
    [admin, liaison] = await loginAll(t.app, users);
  };
  const create = (dates: Record<string, unknown>) => admin.inject({ method: 'POST', url: '/api/campaigns', payload: {
    organisationId: d.districtId, scheme: 'campaign:\n  name: x\n', units: [{ unitId: d.units.town }], dates,
  } });
  const read = async (id: string) => (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}` })).json<Campaign>();
  const patch = (id: string, payload: Record<string, unknown>) => admin.inject({ method: 'PATCH', url: `/api/campaigns/${id}`, payload });
  const put = (id: string, unitId: string, month: number) =>
    liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${unitId}/monthly-reports/${month}`, payload: { figures: { inspections: 3 } } });
  const reports = async (id: string) => (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/monthly-reports` })).json<Reports>();
  const monthsOf = async (id: string, unitId: string) => (await reports(id)).items.find((u) => u.unitId === unitId)!.months;
  const audits = (id: string) => t.database.db.selectFrom('audit_record').select(['before_json', 'after_json'])
    .where('entity_id', '=', id).where('action', '=', 'campaign.updateDates').execute();
  const fixed = async (id: string) => (await t.database.db.selectFrom('monthly_report_grace').select(['month', 'grace_days'])
    .where('campaign_id', '=', id).orderBy('month').execute()).map((r) => [r.month, r.grace_days]);

  it('is 月末后 2 日内 unless set; set when creating, kept by a copy unless the copy sets another', async () => {
    const plain = await createTestCampaign(admin, d);
    expect((await read(plain.id)).monthlyReportGraceDays).toBe(2);
    const five = await createTestCampaign(admin, d, { dates: { monthlyReportGraceDays: 5 } as unknown as Record<string, string> });
    expect((await read(five.id)).monthlyReportGraceDays).toBe(5);
    // The 2014 months under 5 days: January due 2014-02-05, December 2015-01-05.
    const months = await monthsOf(five.id, d.units.town);
    expect([months[0], months[11]].map((m) => [m!.deadline, m!.graceDays, m!.rule])).toEqual([['2014-02-05', 5, '月末后 5 日内'], ['2015-01-05', 5, '月末后 5 日内']]);
    expect((await reports(five.id)).rule).toBe('月末后 5 日内');

    const copied = await admin.inject({ method: 'POST', url: `/api/campaigns/${five.id}/copy`, payload: { year: 2015 } });
    expect(copied.statusCode).toBe(201);
    expect(copied.json<Campaign>().monthlyReportGraceDays).toBe(5);
    const same = await admin.inject({ method: 'POST', url: `/api/campaigns/${five.id}/copy`, payload: { year: 2016, dates: { monthlyReportGraceDays: 0 } } });
    expect(same.json<Campaign>().monthlyReportGraceDays).toBe(0);
    expect((await monthsOf(same.json<Campaign>().id, d.units.town))[1]).toMatchObject({ deadline: '2016-02-29', rule: '月末后当日' });
  });

  it('refuses a rule out of range when creating or copying, creating nothing', async () => {
    const count = async () => Number((await t.database.db.selectFrom('campaign').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const bad of [-1, 16, 2.5, '2']) {
      const res = await create({ monthlyReportGraceDays: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toContain('月报报送期限应为月末后 0 至 15 日的整数');
    }
    const { id } = await createTestCampaign(admin, d);
    const copy = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/copy`, payload: { year: 2015, dates: { monthlyReportGraceDays: 20 } } });
    expect(copy.statusCode).toBe(400);
    expect(copy.json<{ message: string }>().message).toContain('月报报送期限');
    expect(await count()).toBe(before + 1);
  });

  it('a change applies to the months not yet ended; ended months keep their rule, so no report is judged anew', async () => {
    await at('2014-01-20T02:00:00Z');
    const { id } = await createTestCampaign(admin, d, {
      units: [{ unitId: d.units.town, controlIndicators: [{ kind: 'deaths', ceiling: 2 }] }, { unitId: d.units.dept }],
    });
    await advance(admin, id, ['openSigning', 'startYear']);

    // 2014-02-02 (China): the town reports January on its last day under 月末后 2 日内; the department does not.
    await at('2014-02-02T02:00:00Z');
    expect((await put(id, d.units.town, 1)).json()).toMatchObject({ status: 'onTime', deadline: '2014-02-02' });

    // 2014-02-05: the office gives 5 days. January had ended and stays at 2 days: the department's January stays
    // 未报送 (under 5 days it would be 待报送 again), the town's stays on time. February onward take 5 days.
    await at('2014-02-05T02:00:00Z');
    let version = (await read(id)).version;
    const five = await patch(id, { version, monthlyReportGraceDays: 5 });
    expect(five.statusCode).toBe(200);
    expect(five.json<Campaign>()).toMatchObject({ monthlyReportGraceDays: 5, version: version + 1 });
    expect(await fixed(id)).toEqual([[1, 2]]);
    const town = await monthsOf(id, d.units.town);
    const dept = await monthsOf(id, d.units.dept);
    expect([town[0], dept[0]].map((m) => [m!.status, m!.deadline, m!.rule])).toEqual([['onTime', '2014-02-02', '月末后 2 日内'], ['missing', '2014-02-02', '月末后 2 日内']]);
    expect([dept[1], dept[11]].map((m) => [m!.status, m!.deadline, m!.rule])).toEqual([['notDue', '2014-03-05', '月末后 5 日内'], ['notDue', '2015-01-05', '月末后 5 日内']]);
    const [record] = await audits(id);
    expect(JSON.parse(record!.before_json!)).toEqual({ monthlyReportGraceDays: 2 });
    expect(JSON.parse(record!.after_json!)).toEqual({
      monthlyReportGraceDays: 5, monthlyReportRuleApplies: '2014年2月起的月报按月末后 5 日内报送', monthlyReportMonthsKept: '1月已结束，仍按月末后 2 日内',
    });

    // 2014-03-04: February is 待报送 under 5 days, and the to-do says so.
    await at('2014-03-04T02:00:00Z');
    const todos = (await liaison.inject({ method: 'GET', url: '/api/todos' })).json<{ items: { kind: string; campaignId: string; due: string }[] }>().items;
    expect(todos.find((i) => i.campaignId === id && i.kind === 'submitMonthlyReport')).toMatchObject({ due: '2014-03-05' });

    // The office now wants reports at month end itself. February has ended and keeps 5 days, so the town's
    // February report given today is on time (under 0 days it would be late); March is due on its last day.
    version = (await read(id)).version;
    expect((await patch(id, { version, monthlyReportGraceDays: 0 })).statusCode).toBe(200);
    expect(await fixed(id)).toEqual([[1, 2], [2, 5]]);
    expect((await put(id, d.units.town, 2)).json()).toMatchObject({ status: 'onTime', deadline: '2014-03-05', graceDays: 5 });
    expect((await monthsOf(id, d.units.town)).slice(0, 3).map((m) => [m.status, m.deadline])).toEqual([
      ['onTime', '2014-02-02'], ['onTime', '2014-03-05'], ['notDue', '2014-03-31'],
    ]);
    const list = await reports(id);
    expect([list.graceDays, list.rule]).toEqual([0, '月末后当日']);

    // The control indicator report judges each month by the same rule.
    const sheet = await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/indicator-reports.xlsx` });
    expect(sheet.statusCode).toBe(200);
    const rows = (await readWorkbookTables(sheet.rawPayload)).get('控制指标报表')!;
    // Dates are Excel day numbers (days since 1899-12-30).
    const day = (v: unknown) => new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000).toISOString().slice(0, 10);
    expect(rows.slice(1).map((r) => [r.values[2], day(r.values[10]), r.values[12]])).toEqual([
      ['2014-01', '2014-02-02', '按时报送'], ['2014-02', '2014-03-05', '按时报送'], ['2014-03', '2014-03-31', '未到报送期'],
    ]);
  });

  it('refuses with 400 naming 月报报送期限 and changes nothing: out of range, or once every month has ended', async () => {
    await at('2014-06-10T02:00:00Z');
    const { id } = await createTestCampaign(admin, d);
    await advance(admin, id, ['openSigning', 'startYear']);
    const stored = await read(id);
    const refused = async (payload: Record<string, unknown>, message: string) => {
      const res = await patch(id, { version: stored.version, ...payload });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toContain(message);
    };
    for (const bad of [-1, 1.5, 16, '3', null]) await refused({ monthlyReportGraceDays: bad }, '月报报送期限应为月末后 0 至 15 日的整数');

    // 2015-01-01: December 2014 has ended too; every month was judged under its rule.
    await at('2015-01-01T02:00:00Z');
    await refused({ monthlyReportGraceDays: 3 }, '2014年各月均已结束，各月报已按原期限报送或逾期，月报报送期限不能再修改');
    // The rule as it is, with another date, is no refusal.
    expect((await patch(id, { version: stored.version, monthlyReportGraceDays: 2, assessmentEnds: '2015-01-20' })).statusCode).toBe(200);
    expect(await read(id)).toMatchObject({ monthlyReportGraceDays: 2, version: stored.version + 1 });
    expect(await fixed(id)).toEqual([]);
    const records = await audits(id);
    expect(records.map((r) => JSON.parse(r.after_json!) as unknown)).toEqual([{ assessmentEnds: '2015-01-20' }]);
  });
});
