import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { createEnterprise } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

describe('expert pool (专家库) API', { timeout: 90_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let otherAdmin: Client;
  let leader: Client;
  let town: Client;
  let enterpriseId: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    [admin, otherAdmin, leader, town] = await loginAll(t.app, [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
    ] as const);
    enterpriseId = (await createEnterprise(admin, d)).id;
  });

  const body = { name: '王工', specialties: ['建筑施工', '消防'], level: 'city', title: '高级工程师' };
  const create = (who: Client, payload: Record<string, unknown>) => who.inject({ method: 'POST', url: '/api/experts', payload });
  const count = async () => Number((await t.database.db.selectFrom('expert').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('the office adds an expert with an employer in the ledger, ties and leave; the view names the employer and the level, and the change is audited', async () => {
    const res = await create(admin, {
      ...body, employerEnterpriseId: enterpriseId, declaredTies: [{ enterpriseId, relation: '配偶任该企业安全员' }],
      formerEmployers: [{ enterpriseId, until: '2020-06-30' }], unavailable: [{ from: '2026-01-01', to: '2026-01-31' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    const enterpriseName = (await t.database.db.selectFrom('enterprise').select('name').where('id', '=', enterpriseId).executeTakeFirstOrThrow()).name;
    expect(e).toMatchObject({
      name: '王工', specialties: ['建筑施工', '消防'], level: 'city', levelLabel: '市级', title: '高级工程师', employerEnterpriseId: enterpriseId,
      employerName: enterpriseName, declaredTies: [{ enterpriseId, relation: '配偶任该企业安全员' }], active: true, version: 1,
      organisationId: d.districtId,
    });
    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', e.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['expert.create']);
  });

  it('refuses bad input naming the field, an unknown employer, and other roles; nothing is written', async () => {
    const before = await count();
    for (const payload of [
      { ...body, level: 'village' },
      { ...body, specialties: [] },
      { ...body, name: '' },
      { ...body, unavailable: [{ from: '2026-02-01', to: '2026-01-01' }] },
    ]) expect((await create(admin, payload)).statusCode).toBe(400);
    const unknown = await create(admin, { ...body, declaredTies: [{ enterpriseId: 'no-such', relation: '持股' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('declaredTies.0.enterpriseId');
    expect((await create(leader, body)).statusCode).toBe(403);
    expect((await create(town, body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/experts', payload: body })).statusCode).toBe(401);
    expect(await count()).toBe(before);
  });

  it('lists the pool with specialty, level and active filters; only the office reads it', async () => {
    const a = (await create(admin, { ...body, name: '甲', specialties: ['危险化学品'], level: 'provincial' })).json();
    const b = (await create(admin, { ...body, name: '乙', specialties: ['危险化学品', '消防'], level: 'county', active: false })).json();
    const c = (await create(otherAdmin, { ...body, name: '丙', specialties: ['危险化学品'] })).json();
    const ids = async (who: Client, query: string) => {
      const res = await who.inject({ method: 'GET', url: `/api/experts${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id);
    };
    expect((await ids(admin, '?specialty=危险化学品')).sort()).toEqual([a.id, b.id].sort());
    expect(await ids(admin, '?specialty=危险化学品&active=true')).toEqual([a.id]);
    expect(await ids(admin, '?specialty=危险化学品&level=county')).toEqual([b.id]);
    expect(await ids(otherAdmin, '?specialty=危险化学品')).toEqual([c.id]);
    // "危险" is not a specialty of anyone: the filter matches a whole specialty, not a part.
    expect(await ids(admin, '?specialty=危险')).toEqual([]);
    expect((await leader.inject({ method: 'GET', url: '/api/experts' })).statusCode).toBe(403);
    expect((await town.inject({ method: 'GET', url: '/api/experts' })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'GET', url: '/api/experts?level=x' })).statusCode).toBe(400);
    expect((await otherAdmin.inject({ method: 'GET', url: `/api/experts/${a.id}` })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'GET', url: `/api/experts/${a.id}` })).json()).toMatchObject({ id: a.id, name: '甲' });
  });

  it('the office updates against the version; a stale version is 409, others 403/404, and refusals change nothing', async () => {
    const e = (await create(admin, body)).json();
    const patch = (who: Client, payload: Record<string, unknown>) => who.inject({ method: 'PATCH', url: `/api/experts/${e.id}`, payload });
    const res = await patch(admin, { version: 1, active: false, employerEnterpriseId: null, employerName: '某设计院' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, employerEnterpriseId: null, employerName: '某设计院', name: '王工', version: 2 });
    expect((await patch(admin, { version: 1, name: '改名' })).statusCode).toBe(409);
    expect((await patch(otherAdmin, { version: 2, name: '改名' })).statusCode).toBe(404);
    expect((await patch(admin, { version: 2, formerEmployers: [{ enterpriseId: 'no-such', until: '2020-01-01' }] })).statusCode).toBe(400);
    const row = await t.database.db.selectFrom('expert').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
    expect([row.name, row.version, row.former_employers_json]).toEqual(['王工', 2, '[]']);
    const audit = await t.database.db.selectFrom('audit_record').select(['action', 'before_json', 'after_json']).where('entity_id', '=', e.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['expert.create', 'expert.update']);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ active: true });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ active: false, employerName: '某设计院' });
  });
});
