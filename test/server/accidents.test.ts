import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Row { unit: string; score: number | null; reward: number | null; remark: string; vetoed: boolean }

describe('accident register and veto proposals API', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let liaison: Client;
  let otherAdmin: Client;
  let townName: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    [admin, leader, liaison, otherAdmin] = await loginAll(t.app, users);
    townName = (await db.selectFrom('unit').select('name').where('id', '=', d.units.town).executeTakeFirstOrThrow()).name;
  });

  const accident = (extra: Record<string, unknown>) => admin.inject({
    method: 'POST', url: '/api/accidents',
    payload: { organisationId: d.districtId, occurredAt: '2014-06-17', territorialUnitId: d.units.town, sector: 'construction', deaths: 1, ...extra },
  });
  const daysAgo = (n: number) => new Date(t.now().getTime() - n * 86_400_000).toISOString().slice(0, 10);
  const count = async () => Number((await t.database.db.selectFrom('accident').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('a 较大 accident creates a veto proposal; a confirmed veto applies, a rejected one does not', async () => {
    const { id } = await createTestCampaign(admin, d);
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    for (const [unit, category] of [[d.units.town, 'territorial'], [d.units.dept, 'department']] as const) {
      await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${unit}/scores/team`, payload: { items: fullScores(category) } });
    }
    const small = await accident({ deaths: 1 });
    expect(small.json()).toMatchObject({ grade: 'general', gradeLabel: '一般' });
    expect((await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/veto-proposals` })).json().items).toEqual([]);

    const larger = await accident({ deaths: 3, seriousInjuries: 1, directLoss: 4_200_000 });
    expect(larger.statusCode).toBe(201);
    expect(larger.json()).toMatchObject({ grade: 'larger', gradeLabel: '较大', gradeReasons: ['死亡3人 ≥ 3人'], version: 1 });
    const proposals = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/veto-proposals` })).json().items;
    expect(proposals).toEqual([{
      unitId: d.units.town, unitName: townName, ruleId: 'area-larger-accident', reason: '辖区发生较大生产安全事故，实施一票否决',
      accidentIds: [larger.json().id], decision: 'pending', decisionReason: null, decidedAt: null,
    }]);

    const results = async () => (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<{ rows: Row[] }>().rows.find((r) => r.unit === townName)!;
    const decide = (decision: string, reason: string, who = admin) =>
      who.inject({ method: 'POST', url: `/api/campaigns/${id}/veto-decisions`, payload: { unitId: d.units.town, ruleId: 'area-larger-accident', decision, reason } });

    expect((await decide('rejected', '经调查，事故发生在区直管企业，不属于该镇监管责任')).statusCode).toBe(200);
    expect(await results()).toMatchObject({ score: 100, vetoed: false, reward: 8000 });
    const trace = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.town}/trace` })).json<{ text: string }>();
    expect(trace.text).toContain('已驳回');

    const confirmed = await decide('confirmed', '经核实，属辖区较大事故');
    expect(confirmed.json()).toMatchObject({ decision: 'confirmed', decisionReason: '经核实，属辖区较大事故' });
    expect(await results()).toEqual(expect.objectContaining({ score: null, reward: null, vetoed: true, remark: '辖区发生较大生产安全事故，实施一票否决' }));
    const vetoTrace = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.town}/trace` })).json<{ text: string }>();
    expect(vetoTrace.text).toContain(larger.json().id);

    // Only the office decides, with a reason; nothing changes on a refusal.
    expect((await decide('rejected', '领导意见', leader)).statusCode).toBe(403);
    expect((await decide('rejected', '')).statusCode).toBe(400);
    expect((await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/veto-decisions`, payload: { unitId: d.units.dept, ruleId: 'area-larger-accident', decision: 'rejected', reason: '无此建议' } })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/veto-proposals` })).json().items[0].decision).toBe('confirmed');
  });

  it('keeps every version of the figures, recomputes the grade and flags late updates (493 第十三条)', async () => {
    const onTime = (await accident({ occurredAt: daysAgo(10), deaths: 1 })).json<{ id: string }>();
    const res = await admin.inject({ method: 'PUT', url: `/api/accidents/${onTime.id}/figures`, payload: { version: 1, deaths: 3, note: '两名伤者经抢救无效死亡' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ deaths: 3, grade: 'larger', version: 2, updateWarning: null });
    expect(res.json().versions.map((v: { version: number; deaths: number; grade: string; late: boolean }) => [v.version, v.deaths, v.grade, v.late]))
      .toEqual([[1, 1, 'general', false], [2, 3, 'larger', false]]);
    expect(res.json().versions.map((v: { changedBy: string }) => v.changedBy)).toEqual([expect.stringMatching(/^committeeadmin-/), expect.stringMatching(/^committeeadmin-/)]);

    const fire = (await accident({ occurredAt: daysAgo(10), sector: 'fire', deaths: 1 })).json<{ id: string }>();
    const late = await admin.inject({ method: 'PUT', url: `/api/accidents/${fire.id}/figures`, payload: { version: 1, deaths: 2, note: '补报' } });
    expect(late.json().updateWarning).toContain('超出事故发生之日起7日的补报期限');
    expect(late.json().versions[1].late).toBe(true);
    const stale = await admin.inject({ method: 'PUT', url: `/api/accidents/${fire.id}/figures`, payload: { version: 1, deaths: 4, note: '补报' } });
    expect(stale.statusCode).toBe(409);
    expect((await admin.inject({ method: 'GET', url: `/api/accidents/${fire.id}` })).json()).toMatchObject({ deaths: 2, version: 2 });
  });

  it('lists the register filtered by year, unit, sector and grade, one page at a time', async () => {
    const made = [
      await accident({ occurredAt: '2013-03-01', deaths: 1 }),
      await accident({ occurredAt: '2013-05-01', deaths: 3, sector: 'road-traffic' }),
      await accident({ occurredAt: '2013-07-01', deaths: 0, seriousInjuries: 1, territorialUnitId: undefined, regulatingUnitId: d.units.dept }),
    ].map((r) => r.json<{ id: string }>().id);
    const list = async (query: string) => (await admin.inject({ method: 'GET', url: `/api/accidents?year=2013&${query}` }))
      .json<{ items: { id: string }[]; total: number; page: number; pageSize: number }>();
    expect((await list('')).items.map((a) => a.id)).toEqual([made[2], made[1], made[0]]);
    expect((await list('order=asc')).items.map((a) => a.id)).toEqual(made);
    expect((await list(`unitId=${d.units.dept}`)).items.map((a) => a.id)).toEqual([made[2]]);
    expect((await list(`unitId=${d.units.town}&sector=construction`)).items.map((a) => a.id)).toEqual([made[0]]);
    expect((await list('grade=larger')).items.map((a) => a.id)).toEqual([made[1]]);
    expect(await list('order=asc&page=2&pageSize=2')).toMatchObject({ items: [{ id: made[2] }], total: 3, page: 2, pageSize: 2 });
    const bad = await admin.inject({ method: 'GET', url: '/api/accidents?grade=huge' });
    expect(bad.statusCode).toBe(400);
    expect((await admin.inject({ method: 'GET', url: '/api/accidents?pageSize=500' })).statusCode).toBe(400);
    expect((await leader.inject({ method: 'GET', url: '/api/accidents?year=2013' })).json().total).toBe(3);
  });

  it('files a time given with an offset under its China day, year and month', async () => {
    const res = await accident({ occurredAt: '2011-12-31T20:00Z', deaths: 1 });
    expect(res.statusCode).toBe(201);
    expect(res.json().occurredAt).toBe('2012-01-01T04:00');
    const listed = (year: number) => leader.inject({ method: 'GET', url: `/api/accidents?year=${year}` }).then((r) => r.json().items.map((a: { id: string }) => a.id));
    expect(await listed(2012)).toContain(res.json().id);
    expect(await listed(2011)).not.toContain(res.json().id);
  });

  it('rejects bad input with a Chinese message and registers nothing', async () => {
    const before = await count();
    const negative = await accident({ deaths: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().message).toContain('deaths');
    const badDate = await accident({ occurredAt: '17/06/2014' });
    expect(badDate.json().message).toContain('YYYY-MM-DD');
    const future = await accident({ occurredAt: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('不能晚于今天');
    const noSuchDay = await accident({ occurredAt: '2014-02-30' });
    expect(noSuchDay.statusCode).toBe(400);
    expect(noSuchDay.json().message).toBe('发生时间“2014-02-30”不是有效的日期或时间。');
    const foreign = await accident({ territorialUnitId: d.units.other });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不属于本组织');
    const first = await accident({ number: `T-${Date.now()}` });
    expect(first.statusCode).toBe(201);
    const duplicate = await accident({ number: first.json().id });
    expect(duplicate.statusCode).toBe(409);
    expect(await count()).toBe(before + 1);
  });

  it('answers 401, 403 and hides other districts’ accidents', async () => {
    const { id } = (await accident({})).json<{ id: string }>();
    expect((await t.app.inject({ method: 'GET', url: '/api/accidents' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/accidents/${id}` })).statusCode).toBe(401);
    expect((await liaison.inject({ method: 'GET', url: '/api/accidents' })).statusCode).toBe(403);
    expect((await liaison.inject({ method: 'GET', url: `/api/accidents/${id}` })).statusCode).toBe(404);
    expect((await leader.inject({ method: 'GET', url: `/api/accidents/${id}` })).statusCode).toBe(200);
    expect((await leader.inject({ method: 'PUT', url: `/api/accidents/${id}/figures`, payload: { version: 1, deaths: 2, note: '补报' } })).statusCode).toBe(403);
    expect((await leader.inject({ method: 'POST', url: '/api/accidents', payload: { organisationId: d.districtId, occurredAt: '2014-06-17', deaths: 1 } })).statusCode).toBe(403);
    expect((await otherAdmin.inject({ method: 'GET', url: `/api/accidents/${id}` })).statusCode).toBe(404);
    expect((await otherAdmin.inject({ method: 'GET', url: '/api/accidents' })).json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await otherAdmin.inject({ method: 'POST', url: '/api/accidents', payload: { organisationId: d.districtId, occurredAt: '2014-06-17', deaths: 1 } })).statusCode).toBe(404);
  });

  // Runs last: it moves the clock to the small hours of a China day, which UTC still counts as
  // the day before. The 补报 window counts China days (国务院令第493号第十三条).
  it('judges the 补报 window and today by the China day, in the hours UTC is a day behind', async () => {
    const hour = 3_600_000;
    const sinceChina2am = (t.now().getTime() + 8 * hour - 2 * hour) % (24 * hour);
    t.advance(24 * hour - sinceChina2am);
    const chinaToday = new Date(t.now().getTime() + 8 * hour).toISOString().slice(0, 10);
    expect(t.now().toISOString().slice(0, 10)).not.toBe(chinaToday);
    [admin] = await loginAll(t.app, [await createUser(t.database.db, 'committeeAdmin', { organisationId: d.districtId })]);
    // An accident of this China day, shortly after midnight, may be recorded.
    const tonight = await accident({ occurredAt: `${chinaToday}T00:30`, deaths: 1 });
    expect(tonight.statusCode).toBe(201);
    // 31 China days after the occurrence the 30-day window has passed, though UTC is still on day 30.
    const occurred = new Date(Date.parse(chinaToday) - 31 * 24 * hour).toISOString().slice(0, 10);
    const old = (await accident({ occurredAt: occurred, deaths: 1 })).json<{ id: string }>();
    const late = await admin.inject({ method: 'PUT', url: `/api/accidents/${old.id}/figures`, payload: { version: 1, deaths: 2, note: '补报' } });
    expect(late.statusCode).toBe(200);
    expect(late.json().versions[1].late).toBe(true);
  });
});
