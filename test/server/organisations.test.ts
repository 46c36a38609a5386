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
    const res = await admin.inject({ method: 'GET', url: '/api/organisations' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; parentId: string | null; kind: string }>;
    expect(items.map((o) => o.id)).toEqual([d.districtId, d.townId]);
    expect(items[1]).toMatchObject({ parentId: d.districtId, kind: 'town' });
    expect(items.map((o) => o.id)).not.toContain(d.otherDistrictId);
    expect((await assessor.inject({ method: 'GET', url: '/api/organisations' })).json().items).toHaveLength(2);
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
