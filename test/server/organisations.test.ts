import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

describe('GET /api/organisations', () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let assessor: Client;
  let liaison: Client;
  let sysadmin: Client;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'systemAdmin', { organisationId: d.provinceId }),
    ] as const;
    [admin, assessor, liaison, sysadmin] = await loginAll(t.app, users);
  });

  it('returns the actor’s subtree only, parents before children', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/organisations?all=true' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, page: 1 });
    const items = res.json().items as Array<{ id: string; parentId: string | null; kind: string }>;
    expect(items.map((o) => o.id)).toEqual([d.districtId, d.townId]);
    expect(items[1]).toMatchObject({ parentId: d.districtId, kind: 'town' });
    expect(items.map((o) => o.id)).not.toContain(d.otherDistrictId);
    expect((await assessor.inject({ method: 'GET', url: '/api/organisations' })).json().items).toHaveLength(2);
  });

  it('pages, filters by kind, parent and name, and sorts', async () => {
    const list = async (query: string) => {
      const res = await sysadmin.inject({ method: 'GET', url: `/api/organisations?${query}` });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: Array<{ id: string; name: string }>; total: number; page: number; pageSize: number };
    };
    const s = d.districtId.slice(2);
    const mine = await list(`q=${s}&pageSize=200`);
    // Tree order by default: every parent before its children.
    expect(mine.items.map((o) => o.id)).toEqual([d.provinceId, d.cityId, d.districtId, d.townId, d.otherDistrictId]);
    expect(mine.total).toBe(5);
    const paged = await list(`q=${s}&pageSize=2&page=2&sort=name&order=desc`);
    expect(paged).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.items.map((o) => o.name)).toEqual(mine.items.map((o) => o.name).sort().reverse().slice(2, 4));
    expect((await list(`kind=county&q=${s}`)).items.map((o) => o.id).sort()).toEqual([d.districtId, d.otherDistrictId].sort());
    expect((await list(`parentId=${d.districtId}`)).items.map((o) => o.id)).toEqual([d.townId]);
    const bad = await sysadmin.inject({ method: 'GET', url: '/api/organisations?sort=colour' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('“sort”');
    expect((await sysadmin.inject({ method: 'GET', url: '/api/organisations?pageSize=201' })).statusCode).toBe(400);
  });

  it('a system administrator sees the whole tree', async () => {
    const ids = (await sysadmin.inject({ method: 'GET', url: '/api/organisations' })).json().items.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([d.provinceId, d.cityId, d.districtId, d.townId, d.otherDistrictId]));
  });

  it('403 for a unit liaison, 401 without a session', async () => {
    expect((await liaison.inject({ method: 'GET', url: '/api/organisations' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/organisations' })).statusCode).toBe(401);
  });
});
