import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

describe('units API', () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let assessor: Client;
  let liaison: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = {
      admin: await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      leader: await createUser(db, 'leader', { organisationId: d.districtId }),
      assessor: await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] }),
      liaison: await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      otherAdmin: await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    };
    [admin, leader, assessor, liaison, otherAdmin] = await loginAll(t.app, [users.admin, users.leader, users.assessor, users.liaison, users.otherAdmin]);
  });

  const ids = (res: { json: () => { items: Array<{ id: string }> } }) => res.json().items.map((u) => u.id).sort();

  describe('GET /api/units/directory (单位名录)', () => {
    it('gives every role the names of its district’s units to choose from, without their people, and nothing of another district', async () => {
      for (const who of [admin, leader, assessor, liaison]) {
        const res = await who.inject({ method: 'GET', url: '/api/units/directory' });
        expect(res.statusCode).toBe(200);
        expect(ids(res)).toEqual([d.units.dept, d.units.town].sort());
        expect(Object.keys(res.json().items[0]).sort()).toEqual(['category', 'id', 'name', 'organisationId', 'sectors']);
      }
      expect(ids(await otherAdmin.inject({ method: 'GET', url: '/api/units/directory' }))).toEqual([d.units.other]);
      expect((await t.app.inject({ method: 'GET', url: '/api/units/directory' })).statusCode).toBe(401);
    });
  });

  describe('GET /api/units', () => {
    it('lists the units of the admin’s district, not another district’s', async () => {
      const res = await admin.inject({ method: 'GET', url: '/api/units' });
      expect(res.statusCode).toBe(200);
      expect(ids(res)).toEqual([d.units.dept, d.units.town].sort());
      expect(res.json().total).toBe(2);
      expect(ids(await otherAdmin.inject({ method: 'GET', url: '/api/units' }))).toEqual([d.units.other]);
    });

    it('shows an assessor only assigned units and a liaison only its own', async () => {
      expect(ids(await assessor.inject({ method: 'GET', url: '/api/units' }))).toEqual([d.units.dept]);
      expect(ids(await liaison.inject({ method: 'GET', url: '/api/units' }))).toEqual([d.units.town]);
    });

    it('filters, sorts and pages', async () => {
      const territorial = await admin.inject({ method: 'GET', url: '/api/units?category=territorial' });
      expect(ids(territorial)).toEqual([d.units.town]);
      const byName = await admin.inject({ method: 'GET', url: '/api/units?sort=sortOrder&order=desc&pageSize=1&page=1' });
      expect(byName.json()).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(ids(byName)).toEqual([d.units.dept]);
      const page2 = await admin.inject({ method: 'GET', url: '/api/units?sort=sortOrder&order=desc&pageSize=1&page=2' });
      expect(ids(page2)).toEqual([d.units.town]);
      const search = await admin.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent('住建')}` });
      expect(ids(search)).toEqual([d.units.dept]);
    });

    it('400 naming the field on bad query values', async () => {
      for (const url of ['/api/units?pageSize=0', '/api/units?pageSize=abc', '/api/units?sort=password', '/api/units?category=x']) {
        const res = await admin.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(400);
        const field = new URL(url, 'http://x').searchParams.keys().next().value!;
        expect(res.json().message, url).toContain(`“${field}”`);
      }
    });

    it('401 without a session', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/units' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'unauthenticated', message: '请先登录。' });
    });
  });

  describe('GET /api/units/:id', () => {
    it('returns a visible unit', async () => {
      const res = await leader.inject({ method: 'GET', url: `/api/units/${d.units.town}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: d.units.town, category: 'territorial', areaOrganisationId: d.townId, version: 1 });
    });

    it('answers another unit’s data exactly like a missing unit', async () => {
      const hidden = await liaison.inject({ method: 'GET', url: `/api/units/${d.units.dept}` });
      const missing = await liaison.inject({ method: 'GET', url: '/api/units/no-such-unit' });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toEqual(missing.json());
      expect((await otherAdmin.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).statusCode).toBe(404);
      expect((await assessor.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).statusCode).toBe(404);
    });

    it('401 without a session', async () => {
      expect((await t.app.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).statusCode).toBe(401);
    });
  });

  describe('PATCH /api/units/:id', () => {
    it('updates with the current version, bumps it and writes the audit record in the same change', async () => {
      const before = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.dept}` })).json();
      const res = await admin.inject({
        method: 'PATCH', url: `/api/units/${d.units.dept}`,
        payload: { version: before.version, sectors: ['建筑施工', '城镇燃气'] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ sectors: ['建筑施工', '城镇燃气'], version: before.version + 1 });
      const audit = await t.database.db.selectFrom('audit_record').select(['actor_id', 'before_json', 'after_json'])
        .where('action', '=', 'unit.update').where('entity_id', '=', d.units.dept).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_id).toBe(admin.accountId);
      expect(JSON.parse(audit[0]!.before_json!).sectors).toEqual(['建筑施工']);
      expect(JSON.parse(audit[0]!.after_json!).sectors).toEqual(['建筑施工', '城镇燃气']);
    });

    it('keeps the unit’s people (负责人与联系人), replaced whole; a bad phone is refused naming the field and changes nothing', async () => {
      const before = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.dept}` })).json();
      const contacts = { principal: { name: '张建国', post: '局长' }, deputy: { name: '李明' }, contact: { name: '王芳', phone: '0533-6181234' } };
      const saved = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.dept}`, payload: { version: before.version, contacts } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().contacts).toEqual(contacts);
      const bad = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.dept}`, payload: { version: saved.json().version, contacts: { contact: { name: '王芳', phone: '电话' } } } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain('contacts.contact.phone');
      expect(bad.json().message).toContain('联系电话应为');
      const read = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.dept}` })).json();
      expect(read).toMatchObject({ contacts, version: saved.json().version });
      const cleared = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.dept}`, payload: { version: read.version, contacts: { principal: { name: '张建国' } } } });
      expect(cleared.json().contacts).toEqual({ principal: { name: '张建国' } });
      const audit = await t.database.db.selectFrom('audit_record').select(['after_json']).where('action', '=', 'unit.update').where('entity_id', '=', d.units.dept).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(JSON.parse(audit.after_json!).contacts).toEqual({ principal: { name: '张建国' } });
    });

    it('409 on a stale version, and nothing is overwritten', async () => {
      const current = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).json();
      const first = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: current.version, sortOrder: 7 } });
      expect(first.statusCode).toBe(200);
      const stale = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: current.version, sortOrder: 99 } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toEqual({ code: 'stale_version', message: '该单位已被他人修改，请刷新后重新编辑。' });
      const after = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).json();
      expect(after).toMatchObject({ sortOrder: 7, version: current.version + 1 });
    });

    it('400 naming the field; unknown fields refused', async () => {
      const bad = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: 1, category: '属地' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain('“category”');
      const missing = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { name: 'x' } });
      expect(missing.json().message).toContain('“version”');
      const extra = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: 1, organisation_id: 'x' } });
      expect(extra.statusCode).toBe(400);
      const notJson = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: '{oops', headers: { 'content-type': 'application/json' } });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().code).toBe('bad_request');
    });

    it('403 for roles that may read but not edit', async () => {
      for (const client of [leader, liaison]) {
        const current = (await client.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).json();
        const res = await client.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: current.version, name: '改名' } });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
    });

    it('404 for another district’s unit; 401 without a session; 403 without the CSRF token', async () => {
      const other = await otherAdmin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: 1, name: '改名' } });
      expect(other.statusCode).toBe(404);
      const anonymous = await t.app.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: 1, name: '改名' } });
      expect(anonymous.statusCode).toBe(401);
      const noCsrf = await t.app.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: 1, name: '改名' }, headers: { cookie: admin.cookie } });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().code).toBe('csrf_rejected');
    });

    it('409 when renaming onto another unit’s name', async () => {
      const dept = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.dept}` })).json();
      const town = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).json();
      const res = await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: town.version, name: dept.name } });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('conflict');
    });
  });
});
