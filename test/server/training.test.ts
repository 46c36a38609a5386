import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { addTown, createEnterprise } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const chinaDay = (d: Date, n = 0) => new Date(d.getTime() + 8 * HOUR + n * DAY).toISOString().slice(0, 10);

interface Person { id: string; version: number; name: string; active: boolean }
interface Coverage {
  asOf: string; scope: { kind: string; id: string }; required: number; covered: number; rate: number | null;
  byRole: { role: string; required: number; covered: number }[];
  uncovered: { personId: string; name: string; reason: string }[];
  expiringSoon: { certificateId: string; number: string; personName: string; expiresOn: string }[];
}

/** 培训覆盖 through the API: who keeps the register, certificates at the app clock, coverage by enterprise and unit. */
describe('training register (培训覆盖)', { timeout: 120_000 }, () => {
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let admin: Client;
  let leader: Client;
  let town: Client;
  let dept: Client;
  let town2: Client;
  let assessor: Client;
  let enterpriseId: string;
  let town2Unit: string;
  const people: Record<string, Person> = {};

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    town2Unit = await addTown(db, d, t.now());
    [admin, leader, town, dept, town2, assessor] = await loginAll(t.app, [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.dept }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: town2Unit }),
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] }),
    ] as const);
    enterpriseId = (await createEnterprise(admin, d)).id;
  });

  const count = async (table: 'training_person' | 'certificate' | 'training_session' | 'audit_record') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const post = async (who: Client, url: string, payload: Record<string, unknown>) => {
    const res = await who.inject({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const coverage = async (query: string, who: Client = admin) => {
    const res = await who.inject({ method: 'GET', url: `/api/training/coverage?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Coverage>();
  };

  it('the enterprise\'s town and department list its people; others are refused and nothing is written', async () => {
    people.principal = await post(town, '/api/training/persons', { enterpriseId, name: '王主任', role: 'principal', identifier: '1234' });
    people.manager = await post(dept, '/api/training/persons', { enterpriseId, name: '赵安全', role: 'safetyManager' });
    people.electrician = await post(town, '/api/training/persons', { enterpriseId, name: '钱电工', role: 'specialOperation', operationType: '电工作业' });
    const before = { persons: await count('training_person'), audit: await count('audit_record') };

    const other = await town2.inject({ method: 'POST', url: '/api/training/persons', payload: { enterpriseId, name: '孙某', role: 'principal' } });
    expect(other.statusCode).toBe(404);
    const lead = await leader.inject({ method: 'POST', url: '/api/training/persons', payload: { enterpriseId, name: '孙某', role: 'principal' } });
    expect(lead.statusCode).toBe(403);
    const bad = await town.inject({ method: 'POST', url: '/api/training/persons', payload: { enterpriseId, name: '孙某', role: 'principal', operationType: '电工作业' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('operationType');
    expect({ persons: await count('training_person'), audit: await count('audit_record') }).toEqual(before);

    const audit = await t.database.db.selectFrom('audit_record').select(['action', 'entity_type']).where('entity_id', '=', people.principal!.id).execute();
    expect(audit).toEqual([{ action: 'training.addPerson', entity_type: 'training_person' }]);

    // Lists: the department's assessor reads them (coverage is scored); the other town sees none.
    const list = (who: Client, q = '') => who.inject({ method: 'GET', url: `/api/training/persons?enterpriseId=${enterpriseId}${q}` });
    expect((await list(assessor)).json().total).toBe(3);
    expect((await list(town2)).json().total).toBe(0);
    expect((await list(admin, '&role=specialOperation')).json().items.map((p: Person) => p.name)).toEqual(['钱电工']);
  });

  it('certificates carry their status at the app clock and coverage follows, per enterprise, town and department', async () => {
    const today = chinaDay(t.now());
    await post(town, '/api/training/certificates', { personId: people.principal!.id, number: 'ZY-001', issuedOn: chinaDay(t.now(), -300), validUntil: chinaDay(t.now(), 800) });
    const soon = await post(town, '/api/training/certificates', { personId: people.manager!.id, number: 'AQ-002', issuedOn: chinaDay(t.now(), -1000), validUntil: chinaDay(t.now(), 10) });
    expect(soon).toMatchObject({ status: 'expiringSoon', statusLabel: '即将到期', role: 'safetyManager' });
    // A welding certificate does not cover an electrician (特种作业操作证 of the operation type).
    await post(town, '/api/training/certificates', { personId: people.electrician!.id, number: 'TZ-003', operationType: '焊接与热切割作业', issuedOn: chinaDay(t.now(), -10), validUntil: chinaDay(t.now(), 2000) });

    const before = { certs: await count('certificate'), audit: await count('audit_record') };
    const backwards = await town.inject({ method: 'POST', url: '/api/training/certificates', payload: { personId: people.electrician!.id, number: 'TZ-004', issuedOn: today, validUntil: chinaDay(t.now(), -1) } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toContain('validUntil');
    const foreign = await town2.inject({ method: 'POST', url: '/api/training/certificates', payload: { personId: people.electrician!.id, number: 'TZ-005', issuedOn: today, validUntil: today } });
    expect(foreign.statusCode).toBe(404);
    expect({ certs: await count('certificate'), audit: await count('audit_record') }).toEqual(before);

    // By hand: 3 counted, principal and manager covered → 2 ÷ 3 = 66.67%; the manager's expires in 10 days.
    for (const q of [`enterpriseId=${enterpriseId}`, `unitId=${d.units.town}`, `unitId=${d.units.dept}`]) {
      const c = await coverage(q);
      expect(c).toMatchObject({ asOf: today, required: 3, covered: 2, rate: 66.67 });
      expect(c.byRole.find((r) => r.role === 'specialOperation')).toMatchObject({ required: 1, covered: 0 });
      expect(c.uncovered).toEqual([{ personId: people.electrician!.id, name: '钱电工', enterpriseName: expect.any(String), role: 'specialOperation', roleLabel: '特种作业人员', reason: '钱电工无电工作业特种作业操作证' }]);
      expect(c.expiringSoon).toEqual([expect.objectContaining({ number: 'AQ-002', personName: '赵安全', expiresOn: chinaDay(t.now(), 10) })]);
    }
    expect((await coverage(`unitId=${d.units.dept}`)).scope.kind).toBe('sectoral');
    expect((await coverage(`unitId=${town2Unit}`)).required).toBe(0);
    expect((await town2.inject({ method: 'GET', url: `/api/training/coverage?unitId=${d.units.town}` })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'GET', url: `/api/training/coverage?unitId=${d.units.town}&enterpriseId=${enterpriseId}` })).statusCode).toBe(400);

    // Eleven days later the manager's certificate has expired: 1 ÷ 3 = 33.33%.
    t.advance(11 * DAY);
    const later = await coverage(`enterpriseId=${enterpriseId}`);
    expect(later).toMatchObject({ covered: 1, rate: 33.33 });
    expect(later.uncovered.map((u) => u.reason)).toContain(`赵安全的证书AQ-002已于${chinaDay(t.now(), -1)}过期`);
    const certs = (await admin.inject({ method: 'GET', url: `/api/training/certificates?personId=${people.manager!.id}` })).json();
    expect(certs.items[0]).toMatchObject({ number: 'AQ-002', status: 'expired', statusLabel: '已过期' });
  });

  it('a person who left the post is no longer counted; a stale change is refused', async () => {
    const p = people.electrician!;
    const res = await town.inject({ method: 'PATCH', url: `/api/training/persons/${p.id}`, payload: { version: p.version, active: false } });
    expect(res.statusCode, res.body).toBe(200);
    const before = await count('audit_record');
    const stale = await dept.inject({ method: 'PATCH', url: `/api/training/persons/${p.id}`, payload: { version: p.version, name: '钱某' } });
    expect(stale.statusCode).toBe(409);
    expect(await count('audit_record')).toBe(before);
    // By hand: principal and manager counted, only the principal covered → 1 ÷ 2 = 50%.
    expect(await coverage(`enterpriseId=${enterpriseId}`)).toMatchObject({ required: 2, covered: 1, rate: 50 });
  });

  it('sessions belong to the unit that held them', async () => {
    const s = await post(town, '/api/training/sessions', { title: '主要负责人安全培训', heldOn: chinaDay(t.now(), -3), organiser: '镇安监办', hours: 8, roles: ['principal', 'safetyManager'] });
    expect(s).toMatchObject({ unitId: d.units.town, roles: [{ role: 'principal', label: '主要负责人' }, { role: 'safetyManager', label: '安全生产管理人员' }] });
    const district = await post(admin, '/api/training/sessions', { organisationId: d.districtId, title: '特种作业培训', heldOn: chinaDay(t.now(), -2), organiser: '区应急局', hours: 16, roles: ['specialOperation'] });
    expect(district.unitId).toBeNull();
    const before = await count('training_session');
    expect((await town2.inject({ method: 'POST', url: '/api/training/sessions', payload: { unitId: d.units.town, title: '冒名培训', heldOn: chinaDay(t.now()), organiser: '某', hours: 1, roles: ['principal'] } })).statusCode).toBe(403);
    expect(await count('training_session')).toBe(before);
    const titles = async (who: Client) => (await who.inject({ method: 'GET', url: '/api/training/sessions' })).json().items.map((x: { title: string }) => x.title);
    expect(await titles(town)).toEqual(['主要负责人安全培训']);
    expect(await titles(town2)).toEqual([]);
    expect(await titles(admin)).toEqual(['特种作业培训', '主要负责人安全培训']);

    // A certificate from a session: the session must have been held by its issue day.
    const c = await post(town, '/api/training/certificates', { personId: people.principal!.id, number: 'ZY-010', issuedOn: chinaDay(t.now()), validUntil: chinaDay(t.now(), 1000), sessionId: s.id });
    expect(c.sessionId).toBe(s.id);
    const early = await town.inject({ method: 'POST', url: '/api/training/certificates', payload: { personId: people.principal!.id, number: 'ZY-011', issuedOn: chinaDay(t.now(), -5), validUntil: chinaDay(t.now(), 1000), sessionId: s.id } });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('sessionId');
  });

  it('the enterprise\'s file shows each certificate on its issue day and its expiry', async () => {
    const file = await admin.inject({ method: 'GET', url: `/api/enterprises/${enterpriseId}/file` });
    expect(file.statusCode, file.body).toBe(200);
    const training = file.json<{ timeline: { kind: string; at: string; title: string }[] }>().timeline.filter((e) => e.kind === 'training');
    expect(training).toContainEqual({ kind: 'training', id: expect.any(String), at: expect.any(String), title: '赵安全取得安全生产管理人员证书（AQ-002）' });
    expect(training).toContainEqual(expect.objectContaining({ title: `钱电工的焊接与热切割作业特种作业操作证（TZ-003）有效期至${chinaDay(t.now(), 2000 - 11)}` }));
    // Four certificates recorded above (ZY-001, AQ-002, TZ-003, ZY-010): each issued and expiring.
    expect(training).toHaveLength(8);
  });
});
