import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

describe('GET /api/accounts', () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let liaison: Client;
  let assessor: Client;
  let names: { admin: string; leader: string; liaison: string; assessor: string; other: string };

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    names = { admin: users[0].username, leader: users[1].username, liaison: users[2].username, assessor: users[3].username, other: users[4].username };
    [admin, leader, liaison, assessor] = await loginAll(t.app, [users[0], users[1], users[2], users[3]]);
  });

  const usernames = (res: { json: () => { items: Array<{ username: string }> } }) => res.json().items.map((a) => a.username);

  it('lists the accounts of the district, not another district’s, and never a password hash', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/accounts?pageSize=200' });
    expect(res.statusCode).toBe(200);
    expect(usernames(res).sort()).toEqual([names.admin, names.assessor, names.leader, names.liaison].sort());
    expect(usernames(res)).not.toContain(names.other);
    expect(res.body).not.toMatch(/scrypt|password|failed_logins/);
    expect(usernames(await leader.inject({ method: 'GET', url: '/api/accounts' }))).toHaveLength(4);
  });

  it('filters by role and name, sorts and pages', async () => {
    expect(usernames(await admin.inject({ method: 'GET', url: '/api/accounts?role=leader' }))).toEqual([names.leader]);
    expect(usernames(await admin.inject({ method: 'GET', url: `/api/accounts?q=${names.liaison.slice(-8)}` }))).toEqual([names.liaison]);
    const page = (await admin.inject({ method: 'GET', url: '/api/accounts?sort=username&order=desc&pageSize=1&page=2' })).json();
    expect(page.total).toBe(4);
    expect(page.items.map((a: { username: string }) => a.username)).toEqual([[names.admin, names.assessor, names.leader, names.liaison].sort().reverse()[1]]);
  });

  it('400 naming the field, 401 without a session, 403 for a liaison and an assessor', async () => {
    const bad = await admin.inject({ method: 'GET', url: '/api/accounts?role=boss' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('“role”');
    expect((await t.app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
    expect((await liaison.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(403);
    expect((await assessor.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(403);
  });
});
