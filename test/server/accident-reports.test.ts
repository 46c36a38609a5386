import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** China time 'YYYY-MM-DDTHH:mm' of an instant, the register's way of writing a time. */
const china = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 16);

interface Level { level: string; required: boolean; deadline: string | null; reportedAt: string | null; state: string; stateText: string; minutesLate: number | null; recordedBy: string | null }
interface View { id: string; version: number; grade: string; reporting: { occurredAtExact: boolean; levels: Level[] } }

// 事故报告时限 (国务院令第493号第九条、第十条) in the accident register.
describe('accident report times API', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let otherAdmin: Client;
  let start: number;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    [admin, leader, otherAdmin] = await loginAll(t.app, users);
    // Minutes are what the register keeps: the (still) app clock is put on a whole minute.
    t.advance(MINUTE - (t.now().getTime() % MINUTE));
    start = t.now().getTime();
  });

  /** An accident that happened `hoursAgo` before the test began. */
  const accident = async (hoursAgo: number, extra: Record<string, unknown> = {}) => {
    const res = await admin.inject({
      method: 'POST', url: '/api/accidents',
      payload: { organisationId: d.districtId, occurredAt: china(start - hoursAgo * HOUR), territorialUnitId: d.units.town, deaths: 1, ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<View>();
  };
  const report = (who: Client, id: string, level: string, payload: Record<string, unknown>) =>
    who.inject({ method: 'PUT', url: `/api/accidents/${id}/reports/${level}`, payload });
  const get = async (id: string, who = admin) => (await who.inject({ method: 'GET', url: `/api/accidents/${id}` })).json<View>();
  const audits = async (id: string) => (await t.database.db.selectFrom('audit_record').select(['action', 'before_json', 'after_json'])
    .where('entity_id', '=', id).orderBy('seq').execute());
  const stored = async (id: string) => (await t.database.db.selectFrom('accident_report').select(['level', 'reported_at'])
    .where('accident_id', '=', id).orderBy('level').execute());
  const levels = (v: View) => v.reporting.levels.map((l) => [l.level, l.state, l.minutesLate]);

  it('records the county report, judges it 迟报 or 按时, and runs the city’s 2 hours from it', async () => {
    const a = await accident(4);
    expect(a.reporting.levels.map((l) => [l.level, l.deadline, l.state])).toEqual([
      ['county', china(start - 3 * HOUR), 'overdue'], ['city', china(start - 1 * HOUR), 'overdue'],
    ]);
    // The unit reported 1 h 25 min after the accident: 25 minutes late (第九条: within 1 hour).
    const res = await report(admin, a.id, 'county', { version: 1, reportedAt: china(start - 4 * HOUR + 85 * MINUTE) });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<View>();
    expect(after.version).toBe(2);
    expect(after.reporting.levels[0]).toMatchObject({
      level: 'county', required: true, reportedAt: china(start - 4 * HOUR + 85 * MINUTE), state: 'late', stateText: '迟报 25 分钟', minutesLate: 25,
      recordedBy: expect.stringMatching(/^committeeadmin-/),
    });
    expect(after.reporting.levels[1]).toMatchObject({ level: 'city', deadline: china(start - 4 * HOUR + 205 * MINUTE), state: 'overdue' });
    expect(await stored(a.id)).toEqual([{ level: 'county', reported_at: new Date(start - 4 * HOUR + 85 * MINUTE).toISOString() }]);

    // A correction: the unit in fact reported after 50 minutes, on time.
    const corrected = await report(admin, a.id, 'county', { version: 2, reportedAt: china(start - 4 * HOUR + 50 * MINUTE) });
    expect(levels(corrected.json<View>())).toEqual([['county', 'onTime', null], ['city', 'overdue', 70]]);
    const city = await report(admin, a.id, 'city', { version: 3, reportedAt: china(start - 4 * HOUR + 150 * MINUTE) });
    expect(levels(city.json<View>())).toEqual([['county', 'onTime', null], ['city', 'onTime', null]]);
    expect(levels(await get(a.id))).toEqual([['county', 'onTime', null], ['city', 'onTime', null]]);
    expect(levels(await get(a.id, leader))).toEqual([['county', 'onTime', null], ['city', 'onTime', null]]);

    const trail = await audits(a.id);
    expect(trail.map((r) => r.action)).toEqual(['accident.record', 'accident.recordReport', 'accident.recordReport', 'accident.recordReport']);
    expect(JSON.parse(trail[2]!.before_json!)).toEqual({ level: 'county', reportedAt: new Date(start - 4 * HOUR + 85 * MINUTE).toISOString(), version: 2 });
    expect(JSON.parse(trail[2]!.after_json!)).toEqual({ level: 'county', reportedAt: new Date(start - 4 * HOUR + 50 * MINUTE).toISOString(), version: 3 });

    // Withdrawing a time recorded by mistake.
    const withdrawn = await report(admin, a.id, 'city', { version: 4, reportedAt: null });
    expect(levels(withdrawn.json<View>())).toEqual([['county', 'onTime', null], ['city', 'overdue', 70]]);
    expect((await stored(a.id)).map((r) => r.level)).toEqual(['county']);
  });

  it('accepts report times on creation and follows the grade a 补报 raises', async () => {
    const a = await accident(5, { reports: { county: china(start - 5 * HOUR + 30 * MINUTE), city: china(start - 5 * HOUR + 90 * MINUTE) } });
    expect(a.grade).toBe('general');
    expect(levels(a)).toEqual([['county', 'onTime', null], ['city', 'onTime', null]]);
    expect(JSON.parse((await audits(a.id))[0]!.after_json!).reports).toEqual({
      county: new Date(start - 5 * HOUR + 30 * MINUTE).toISOString(), city: new Date(start - 5 * HOUR + 90 * MINUTE).toISOString(),
    });
    // Two more deaths make it 较大: the province must now be told, 2 hours after the city (第十条).
    const raised = await admin.inject({ method: 'PUT', url: `/api/accidents/${a.id}/figures`, payload: { version: 1, deaths: 3, note: '两名伤者经抢救无效死亡' } });
    expect(raised.json<View>().grade).toBe('larger');
    expect(raised.json<View>().reporting.levels.map((l) => [l.level, l.deadline, l.state])).toEqual([
      ['county', china(start - 5 * HOUR + 60 * MINUTE), 'onTime'],
      ['city', china(start - 5 * HOUR + 150 * MINUTE), 'onTime'],
      ['province', china(start - 5 * HOUR + 210 * MINUTE), 'overdue'],
    ]);
    // Figures' versions stay numbered 1, 2, … whatever else changed the accident.
    await report(admin, a.id, 'province', { version: 2, reportedAt: china(start - 5 * HOUR + 200 * MINUTE) });
    const again = await admin.inject({ method: 'PUT', url: `/api/accidents/${a.id}/figures`, payload: { version: 3, deaths: 3, seriousInjuries: 2, note: '两人重伤' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<{ versions: { version: number }[] }>().versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('keeps a level the grade does not require when it is recorded', async () => {
    const a = await accident(3);
    const res = await report(admin, a.id, 'province', { version: 1, reportedAt: china(start - HOUR) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<View>().reporting.levels.map((l) => [l.level, l.required, l.state, l.deadline])).toEqual([
      ['county', true, 'overdue', china(start - 2 * HOUR)], ['city', true, 'pending', china(start)], ['province', false, 'notRequired', null],
    ]);
  });

  it('an occurrence recorded as a day runs from 24:00 of it', async () => {
    const day = new Date(start - 10 * 24 * HOUR + 8 * HOUR).toISOString().slice(0, 10);
    const res = await admin.inject({ method: 'POST', url: '/api/accidents', payload: { organisationId: d.districtId, occurredAt: day, deaths: 1, reports: { county: `${day}T23:30` } } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<View>().reporting.occurredAtExact).toBe(false);
    expect(res.json<View>().reporting.levels[0]).toMatchObject({ deadline: `${new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10)}T01:00`, state: 'onTime' });
  });

  it('refuses impossible or malformed times with a Chinese message naming the field, and changes nothing', async () => {
    const a = await accident(2, { reports: { county: china(start - 90 * MINUTE) } });
    const before = await stored(a.id);
    const attempts: [string, Record<string, unknown>, string][] = [
      ['city', { version: 1, reportedAt: china(start - 100 * MINUTE) }, '市级报告时间不能早于县级报告时间'],
      ['county', { version: 1, reportedAt: china(start - 3 * HOUR) }, '县级报告时间不能早于事故发生时间'],
      ['county', { version: 1, reportedAt: china(start + 2 * HOUR) }, '县级报告时间不能晚于现在'],
      ['county', { version: 1, reportedAt: '2026-03-01' }, 'reportedAt'],
      ['county', { version: 1, reportedAt: '2026-02-30T08:00' }, '县级报告时间不是有效的时间'],
      ['county', { reportedAt: china(start - HOUR) }, 'version'],
      ['county', { version: 1, reportedAt: china(start - HOUR), extra: 1 }, '请求体'],
      ['city', { version: 1, reportedAt: null }, '市级尚未登记报告时间'],
    ];
    for (const [level, payload, message] of attempts) {
      const res = await report(admin, a.id, level, payload);
      expect(res.statusCode, `${level} ${JSON.stringify(payload)}`).toBe(400);
      expect(res.json().message).toContain(message);
    }
    const badLevel = await report(admin, a.id, 'town', { version: 1, reportedAt: china(start - HOUR) });
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.json().message).toContain('level');
    expect(await stored(a.id)).toEqual(before);
    expect((await get(a.id)).version).toBe(1);
    expect((await audits(a.id)).map((r) => r.action)).toEqual(['accident.record']);

    // On creation too: nothing is registered.
    const count = async () => Number((await t.database.db.selectFrom('accident').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const n = await count();
    const early = await admin.inject({ method: 'POST', url: '/api/accidents', payload: { organisationId: d.districtId, occurredAt: china(start - HOUR), deaths: 1, reports: { county: china(start - 2 * HOUR) } } });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('县级报告时间不能早于事故发生时间');
    const noTime = await admin.inject({ method: 'POST', url: '/api/accidents', payload: { organisationId: d.districtId, occurredAt: china(start - HOUR), deaths: 1, reports: { city: '2026-03-01' } } });
    expect(noTime.statusCode).toBe(400);
    expect(noTime.json().message).toContain('reports.city');
    expect(await count()).toBe(n);
  });

  it('answers 409 on a stale version and keeps the newer time', async () => {
    const a = await accident(2);
    expect((await report(admin, a.id, 'county', { version: 1, reportedAt: china(start - 90 * MINUTE) })).statusCode).toBe(200);
    const stale = await report(admin, a.id, 'county', { version: 1, reportedAt: china(start - 100 * MINUTE) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');
    expect((await get(a.id)).reporting.levels[0]!.reportedAt).toBe(china(start - 90 * MINUTE));
    // The figures' 补报 and a report time share the accident's version.
    expect((await admin.inject({ method: 'PUT', url: `/api/accidents/${a.id}/figures`, payload: { version: 1, deaths: 2, note: '补报' } })).statusCode).toBe(409);
  });

  it('answers 401 without a session, 403 for a reader, 404 for another district’s accident', async () => {
    const a = await accident(2);
    const payload = { version: 1, reportedAt: china(start - HOUR) };
    expect((await t.app.inject({ method: 'PUT', url: `/api/accidents/${a.id}/reports/county`, payload })).statusCode).toBe(401);
    expect((await report(leader, a.id, 'county', payload)).statusCode).toBe(403);
    expect((await report(otherAdmin, a.id, 'county', payload)).statusCode).toBe(404);
    expect((await otherAdmin.inject({ method: 'GET', url: `/api/accidents/${a.id}` })).statusCode).toBe(404);
    expect((await report(admin, 'no-such-accident', 'county', payload)).statusCode).toBe(404);
    expect(await stored(a.id)).toEqual([]);
    expect((await get(a.id)).version).toBe(1);
  });
});
