import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { createEnterprise } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const DAY = 86_400_000;

describe('tips (举报) API', { timeout: 90_000 }, () => {
  // The clock moves by weeks here: sessions must outlive it.
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let admin: Client;
  let leader: Client;
  let town: Client;
  let enterpriseId: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
    ] as const;
    [admin, leader, town] = await loginAll(t.app, users);
    enterpriseId = (await createEnterprise(admin, d)).id;
  });

  const named = { channel: 'phoneLine', anonymous: false, reporterName: '李四', reporterContact: '13800000000', subject: 'majorHazard', description: '仓库堆放易燃物' };
  const receive = (who: Client, body: Record<string, unknown>) => who.inject({ method: 'POST', url: '/api/tips', payload: body });

  it('the office receives a named tip; it sees the reporter, the deadlines and the reply status, and the intake is audited without the identity', async () => {
    const res = await receive(admin, { ...named, enterpriseId });
    expect(res.statusCode, res.body).toBe(201);
    const tip = res.json();
    const receivedOn = new Date(t.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(tip).toMatchObject({ channel: 'phoneLine', channelLabel: '举报电话', anonymous: false, reporter: { name: '李四', contact: '13800000000' }, receivedOn, replyStatus: 'pending', version: 1, enterpriseId });
    const due = new Date(Date.parse(`${receivedOn}T00:00:00Z`) + 60 * DAY).toISOString().slice(0, 10);
    expect(tip.replyDueOn).toBe(due);
    expect((await admin.inject({ method: 'GET', url: `/api/tips/${tip.id}` })).json()).toMatchObject({ id: tip.id, reporter: { name: '李四' } });
    const leaderView = await leader.inject({ method: 'GET', url: `/api/tips/${tip.id}` });
    expect(leaderView.statusCode).toBe(200);
    expect(leaderView.json().reporter).toBeNull();
    const audit = await t.database.db.selectFrom('audit_record').selectAll().where('entity_id', '=', tip.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['tip.receive']);
    expect(JSON.stringify(audit)).not.toContain('李四');
  });

  it('an anonymous tip stores no identity and needs no reply', async () => {
    const res = await receive(admin, { channel: 'letter', anonymous: true, subject: 'illegalProduction', description: '夜间违法生产' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ anonymous: true, reporter: null, replyStatus: 'noReplyNeeded' });
    const row = await t.database.db.selectFrom('tip').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect([row.reporter_name, row.reporter_contact]).toEqual([null, null]);
  });

  it('the reply is overdue once the app clock passes the reply deadline', async () => {
    const id = (await receive(admin, named)).json().id;
    t.advance(61 * DAY);
    const later = await admin.inject({ method: 'GET', url: `/api/tips/${id}` });
    expect(later.json().replyStatus).toBe('overdue');
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await t.database.db.selectFrom('tip').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const body of [
      { ...named, anonymous: true },
      { ...named, reporterName: undefined },
      { ...named, channel: 'fax' },
      { ...named, description: '' },
      { ...named, receivedAt: new Date(t.now().getTime() + DAY).toISOString() },
    ]) {
      const res = await receive(admin, body);
      expect(res.statusCode, res.body).toBe(400);
    }
    expect((await receive(admin, { ...named, anonymous: true })).body).toContain('reporterName');
    const after = await t.database.db.selectFrom('tip').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('401 without a session, 403 for a unit liaison or a leader receiving, 404 for a tip not assigned to the liaison\'s unit', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/tips', payload: named })).statusCode).toBe(401);
    const id = (await receive(admin, named)).json().id;
    expect((await t.app.inject({ method: 'GET', url: `/api/tips/${id}` })).statusCode).toBe(401);
    expect((await receive(town, named)).statusCode).toBe(403);
    expect((await receive(leader, named)).statusCode).toBe(403);
    expect((await town.inject({ method: 'GET', url: `/api/tips/${id}` })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'GET', url: '/api/tips/no-such-tip' })).statusCode).toBe(404);
  });

  it('the office assigns a tip to a unit, whose liaison then reads it without the reporter; a stale version is 409, a bad unit 400, others 403', async () => {
    const tip = (await receive(admin, named)).json();
    const assign = (who: Client, body: Record<string, unknown>) => who.inject({ method: 'POST', url: `/api/tips/${tip.id}/assignment`, payload: body });
    expect((await t.app.inject({ method: 'POST', url: `/api/tips/${tip.id}/assignment`, payload: { version: 1, unitId: d.units.town } })).statusCode).toBe(401);
    expect((await assign(leader, { version: 1, unitId: d.units.town })).statusCode).toBe(403);
    expect((await assign(town, { version: 1, unitId: d.units.town })).statusCode).toBe(404);
    expect((await assign(admin, { version: 1, unitId: 'no-such-unit' })).statusCode).toBe(400);
    expect((await assign(admin, { version: 1 })).statusCode).toBe(400);
    const res = await assign(admin, { version: 1, unitId: d.units.town });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ assignedUnitId: d.units.town, version: 2 });
    expect((await assign(admin, { version: 1, unitId: d.units.dept })).statusCode).toBe(409);
    const seen = await town.inject({ method: 'GET', url: `/api/tips/${tip.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ assignedUnitId: d.units.town, reporter: null });
    expect((await assign(town, { version: 2, unitId: d.units.town })).statusCode).toBe(403);
  });

  it('lists tips in scope: the office all, filtered by unit and channel; a liaison only its unit\'s; 400 on a bad filter, 401, 403 for an assessor', async () => {
    const a = (await receive(admin, { ...named, channel: 'webForm' })).json();
    const b = (await receive(admin, { ...named, channel: 'letter' })).json();
    await admin.inject({ method: 'POST', url: `/api/tips/${a.id}/assignment`, payload: { version: 1, unitId: d.units.town } });
    await admin.inject({ method: 'POST', url: `/api/tips/${b.id}/assignment`, payload: { version: 1, unitId: d.units.dept } });
    const ids = async (who: Client, query: string) => {
      const res = await who.inject({ method: 'GET', url: `/api/tips${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id);
    };
    const all = await ids(admin, '?pageSize=200');
    expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(admin, `?assignedUnitId=${d.units.dept}&pageSize=200`)).toEqual(expect.arrayContaining([b.id]));
    expect(await ids(admin, `?assignedUnitId=${d.units.dept}&pageSize=200`)).not.toContain(a.id);
    expect(await ids(admin, '?channel=webForm&pageSize=200')).toContain(a.id);
    expect(await ids(admin, '?channel=webForm&pageSize=200')).not.toContain(b.id);
    const mine = await ids(town, '?pageSize=200');
    expect(mine).toContain(a.id);
    expect(mine).not.toContain(b.id);
    expect((await admin.inject({ method: 'GET', url: '/api/tips?channel=fax' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/tips' })).statusCode).toBe(401);
    const [assessor] = await loginAll(t.app, [await createUser(t.database.db, 'assessor', { organisationId: d.districtId })]);
    expect((await assessor!.inject({ method: 'GET', url: '/api/tips' })).statusCode).toBe(403);
  });
});
