import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { addTown, createEnterprise } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const DAY = 86_400_000;

interface Counts { total: number; overdue: number; states: { state: string; stateLabel: string; count: number }[] }
interface Summary { today: string; byTown: (Counts & { unitId: string; unitName: string })[]; bySector: (Counts & { sector: string; sectorLabel: string })[] }

describe('GET /api/hazards/summary (隐患统计)', { timeout: 90_000 }, () => {
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let town2: string;
  let admin: Client;
  let leader: Client;
  let town: Client;
  let town2Liaison: Client;
  let mustChange: Client;

  const today = (n = 0) => new Date(t.now().getTime() + 8 * 3_600_000 + n * DAY).toISOString().slice(0, 10);
  let seq = 0;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    town2 = await addTown(db, d, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: town2 }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
    ] as const;
    [admin, leader, town, town2Liaison, mustChange] = await loginAll(t.app, users);
    // Every role reads some hazards; the refused one is a session that must first change its password.
    await db.updateTable('account').set({ must_change_password: 1 }).where('id', '=', users[4].id).execute();

    const construction = (await createEnterprise(admin, d, { sector: 'construction' })).id;
    const fire = (await createEnterprise(admin, d, { sector: 'fire' })).id;
    const create = async (enterpriseId: string) => {
      const res = await town.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId, foundOn: today(-30), foundWay: 'inspection', foundBy: '王五', place: '配电室', description: '配电箱无防护门' } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; version: number }>().id;
    };
    const step = async (id: string, body: Record<string, unknown>) => {
      const { version } = (await admin.inject({ method: 'GET', url: `/api/hazards/${id}` })).json<{ version: number }>();
      const res = await town.inject({ method: 'POST', url: `/api/hazards/${id}/steps`, payload: { version, ...body } });
      expect(res.statusCode, res.body).toBe(200);
    };
    const rectifying = async (enterpriseId: string, deadline: string) => {
      const id = await create(enterpriseId);
      await step(id, { action: 'register', number: `YH-S-${Date.now()}-${(seq += 1)}` });
      await step(id, { action: 'grade', grade: 'general' });
      await step(id, { action: 'startRectification', measures: '加装防护门', responsiblePerson: '张三', deadline });
    };
    // construction: two found, one rectifying within its deadline; fire: one rectifying, due today and then passed.
    await create(construction);
    await create(construction);
    await rectifying(construction, today(20));
    await rectifying(fire, today(1));
  });

  it('counts the cards per town and per sector by state, with the overdue ones at today', async () => {
    const before = (await admin.inject({ method: 'GET', url: '/api/hazards/summary' }));
    expect(before.statusCode, before.body).toBe(200);
    const s = before.json<Summary>();
    expect(s.today).toBe(today());
    expect(s.byTown).toEqual([{
      unitId: d.units.town, unitName: expect.any(String), total: 4, overdue: 0,
      states: [{ state: 'found', stateLabel: '已发现', count: 2 }, { state: 'rectifying', stateLabel: '整改中', count: 2 }],
    }]);
    const bySector = Object.fromEntries(s.bySector.map((r) => [r.sector, r]));
    expect(bySector.construction).toMatchObject({ sectorLabel: '建筑施工', total: 3, overdue: 0 });
    expect(bySector.construction!.states).toEqual([{ state: 'found', stateLabel: '已发现', count: 2 }, { state: 'rectifying', stateLabel: '整改中', count: 1 }]);
    expect(bySector.fire).toMatchObject({ sectorLabel: '消防', total: 1, overdue: 0 });

    // Three days on, the fire card's deadline has passed: overdue, in its town and its sector.
    t.advance(3 * DAY);
    const later = (await leader.inject({ method: 'GET', url: '/api/hazards/summary' })).json<Summary>();
    expect(later.byTown[0]).toMatchObject({ total: 4, overdue: 1 });
    expect(later.bySector.find((r) => r.sector === 'fire')).toMatchObject({ overdue: 1 });
    expect(later.bySector.find((r) => r.sector === 'construction')).toMatchObject({ overdue: 0 });
    expect((await town.inject({ method: 'GET', url: '/api/hazards/summary' })).json<Summary>().byTown[0]).toMatchObject({ unitId: d.units.town, total: 4, overdue: 1 });
  });

  it('answers 401 without a session and 403 to a session that must change its password first', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/hazards/summary' })).statusCode).toBe(401);
    const res = await mustChange.inject({ method: 'GET', url: '/api/hazards/summary' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('another town\'s liaison counts none of these cards', async () => {
    const res = await town2Liaison.inject({ method: 'GET', url: '/api/hazards/summary' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Summary>()).toMatchObject({ byTown: [], bySector: [] });
  });
});
