import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/commands/audit';
import { auditCountCap, listAudit } from '../../src/server/modules/audit/repository';
import { verifyAuditChain } from '../../src/server/modules/audit/verify-audit-chain';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';
import { cliEnv } from '../support/test-database';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('audit trail API', () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let liaison: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const a = await createUser(db, 'committeeAdmin', { organisationId: d.districtId });
    const l = await createUser(db, 'leader', { organisationId: d.districtId });
    const u = await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town });
    const o = await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId });
    [admin, leader, liaison, otherAdmin] = await loginAll(t.app, [a, l, u, o]);
    const unit = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).json();
    await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version: unit.version, sortOrder: 5 } });
  });

  it('lists records of the actor’s subtree, newest first, filtered by entity and action', async () => {
    const res = await leader.inject({ method: 'GET', url: `/api/audit?entityType=unit&entityId=${d.units.town}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ action: string; seq: number; before: { sortOrder: number } | null; after: { sortOrder: number } }>;
    expect(items.map((i) => i.action)).toEqual(['unit.update', 'unit.create']);
    expect(items[0]!.seq).toBeGreaterThan(items[1]!.seq);
    expect(items[0]!.after.sortOrder).toBe(5);
    const updates = await admin.inject({ method: 'GET', url: `/api/audit?action=unit.update&actorId=${admin.accountId}` });
    expect(updates.json().total).toBe(1);
  });

  it('pages and filters by time', async () => {
    const all = (await admin.inject({ method: 'GET', url: '/api/audit?pageSize=200' })).json();
    expect(all.total).toBeGreaterThan(3);
    const page = (await admin.inject({ method: 'GET', url: '/api/audit?pageSize=2&page=2&order=asc' })).json();
    expect(page.items.map((i: { seq: number }) => i.seq)).toEqual([...all.items].reverse().slice(2, 4).map((i: { seq: number }) => i.seq));
    const future = new Date(t.now().getTime() + 60_000).toISOString();
    expect((await admin.inject({ method: 'GET', url: `/api/audit?from=${future}` })).json().total).toBe(0);
  });

  it('stops counting a thousand rows past the next whole thousand after the page', () => {
    expect(auditCountCap({ page: 1, pageSize: 20 })).toBe(2000);
    expect(auditCountCap({ page: 50, pageSize: 20 })).toBe(2000);
    expect(auditCountCap({ page: 51, pageSize: 20 })).toBe(3000);
    expect(auditCountCap({ page: 100, pageSize: 200 })).toBe(21_000);
  });

  it('stops counting at the cap and says so', async () => {
    const scope = { kind: 'subtree' as const, path: `/${d.provinceId}/` };
    const page = { page: 1, pageSize: 2, order: 'desc' as const };
    const exact = await listAudit(t.database.db, scope, {}, page);
    expect(exact.totalCapped).toBe(false);
    expect(exact.total).toBeGreaterThan(3);
    const capped = await listAudit(t.database.db, scope, {}, page, 3);
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(capped.rows.map((r) => r.seq)).toEqual(exact.rows.map((r) => r.seq));
    expect((await admin.inject({ method: 'GET', url: '/api/audit' })).json().totalCapped).toBe(false);
  });

  it('never shows another district’s records', async () => {
    const res = await otherAdmin.inject({ method: 'GET', url: `/api/audit?entityId=${d.units.town}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });

  it('403 for a unit liaison, 401 without a session, 400 naming a bad filter', async () => {
    expect((await liaison.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    const bad = await admin.inject({ method: 'GET', url: '/api/audit?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('“from”');
  });
});

describe('anke audit verify', () => {
  const t = useTestApp();

  it('passes an intact chain, then names an edited record and a deleted one', async () => {
    const d = await createDistrict(t.database.db, t.now());
    await createUser(t.database.db, 'leader', { organisationId: d.districtId });
    const ok = capture();
    expect(await runAudit(['verify'], ok.io, cliEnv(t.testDb))).toBe(0);
    expect(ok.out.join('\n')).toMatch(/审计链完整：共 \d+ 条记录/);

    const db = t.database.db;
    await sql`update audit_record set after_json = ${'{"name":"篡改"}'} where seq = 3`.execute(db);
    await sql`delete from audit_record where seq = 5`.execute(db);
    const bad = capture();
    expect(await runAudit(['verify'], bad.io, cliEnv(t.testDb))).toBe(1);
    const report = bad.err.join('\n');
    expect(report).toContain('审计记录 #3');
    expect(report).toContain('被修改');
    expect(report).toContain('审计记录 #5 已被删除');
    expect(report).not.toContain('#4');
  });
});

describe('verifyAuditChain', () => {
  const t = useTestApp();

  it('detects a deleted last record and a record re-hashed to hide an edit', async () => {
    const d = await createDistrict(t.database.db, t.now());
    void d;
    const db = t.database.db;
    expect((await verifyAuditChain(db)).problems).toEqual([]);
    const { seq: last } = await db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    await sql`delete from audit_record where seq = ${last}`.execute(db);
    const tail = await verifyAuditChain(db);
    expect(tail.problems).toEqual([expect.objectContaining({ seq: last, kind: 'deleted' })]);

    // Recomputing the hash of an edited record breaks the link from the next one.
    const { auditHash } = await import('../../src/server/modules/audit/audit-hash');
    const row = await db.selectFrom('audit_record').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...row, after_json: '{"forged":true}' };
    await sql`update audit_record set after_json = ${forged.after_json}, hash = ${auditHash(forged)} where seq = 2`.execute(db);
    const relinked = await verifyAuditChain(db);
    expect(relinked.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'relinked' }));
  });
});
