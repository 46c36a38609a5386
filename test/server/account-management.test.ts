import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser, testPassword, uniq } from '../support/factories';
import type { District } from '../support/factories';
import { login, loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Account {
  id: string;
  username: string;
  role: string;
  unitId: string | null;
  assignedUnitIds: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  version: number;
}

describe('account management', () => {
  const t = useTestApp();
  let d: District;
  let sysadmin: Client;
  let admin: Client;
  let leader: Client;
  let liaison: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'systemAdmin', { organisationId: d.provinceId }),
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    [sysadmin, admin, leader, liaison, otherAdmin] = await loginAll(t.app, users);
  });

  const create = (client: Client, body: Record<string, unknown>) => client.inject({ method: 'POST', url: '/api/accounts', payload: body });
  const liaisonBody = () => ({ username: `liaison-${uniq()}`, displayName: '联络员甲', role: 'unitLiaison', organisationId: d.districtId, unitId: d.units.town });
  const audit = async (entityId: string) =>
    (await sysadmin.inject({ method: 'GET', url: `/api/audit?entityId=${entityId}&pageSize=100` })).json().items as Array<{ action: string; before: unknown; after: unknown }>;

  it('a committee admin creates a liaison with a chosen password; the user must change it first', async () => {
    const body = { ...liaisonBody(), password: 'Chosen-Passw0rd!' };
    const res = await create(admin, body);
    expect(res.statusCode).toBe(201);
    const { account, initialPassword } = res.json() as { account: Account; initialPassword: string | null };
    expect(initialPassword).toBeNull();
    expect(account).toMatchObject({ username: body.username, role: 'unitLiaison', unitId: d.units.town, disabled: false, mustChangePassword: true, version: 1 });
    expect(res.body).not.toMatch(/scrypt|Chosen-Passw0rd/);
    const user = await login(t.app, body.username, body.password);
    const blocked = await user.inject({ method: 'GET', url: '/api/units' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().message).toContain('请先修改密码');
    expect((await user.inject({ method: 'GET', url: '/api/auth/session' })).json().account.mustChangePassword).toBe(true);
    const changed = await user.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: body.password, newPassword: 'Own-Choice-2026!' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().account.mustChangePassword).toBe(false);
    expect((await user.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(200);
    const records = await audit(account.id);
    expect(records.map((r) => r.action)).toEqual(expect.arrayContaining(['account.create', 'account.password_change']));
    expect(JSON.stringify(records)).not.toMatch(/scrypt|Chosen-Passw0rd|Own-Choice|password_hash|passwordHash/);
  });

  it('without a password one is generated, returned once, meets the rule and works', async () => {
    const body = liaisonBody();
    const res = await create(sysadmin, body);
    expect(res.statusCode).toBe(201);
    const { initialPassword } = res.json() as { initialPassword: string };
    expect(initialPassword).toMatch(/^.{14}$/);
    await login(t.app, body.username, initialPassword);
    const list = await sysadmin.inject({ method: 'GET', url: `/api/accounts?q=${body.username}` });
    expect(list.body).not.toContain(initialPassword);
  });

  it('400 naming the field: weak password, unknown role, liaison without unit, unit outside the organisation', async () => {
    const weak = await create(admin, { ...liaisonBody(), password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/“password”.*密码至少需要 10 个字符/);
    const role = await create(admin, { ...liaisonBody(), role: 'boss' });
    expect(role.statusCode).toBe(400);
    expect(role.json().message).toContain('“role”');
    const noUnit = await create(admin, { ...liaisonBody(), unitId: undefined });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().message).toMatch(/“unitId”.*单位联络员必须指定所属被考核单位/);
    const outside = await create(sysadmin, { ...liaisonBody(), unitId: d.units.other });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toMatch(/不在组织/);
    const noOrg = await create(sysadmin, { ...liaisonBody(), organisationId: 'no-such-org' });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().message).toContain('“所属组织”：组织“no-such-org”不存在');
    const taken = await create(admin, { ...liaisonBody(), username: (await leader.inject({ method: 'GET', url: '/api/auth/session' })).json().account.username });
    expect(taken.statusCode).toBe(409);
  });

  it('401 without a session; 403 for a liaison, a leader, another district’s admin, and roles above a committee admin', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/accounts', payload: liaisonBody() })).statusCode).toBe(401);
    expect((await create(liaison, liaisonBody())).statusCode).toBe(403);
    expect((await create(leader, liaisonBody())).statusCode).toBe(403);
    // A leader is refused before the body is looked at.
    expect((await create(leader, {})).statusCode).toBe(403);
    expect((await create(otherAdmin, liaisonBody())).statusCode).toBe(403);
    const raise = await create(admin, { ...liaisonBody(), role: 'committeeAdmin', unitId: undefined });
    expect(raise.statusCode).toBe(403);
    expect((await create(admin, { ...liaisonBody(), role: 'systemAdmin', unitId: undefined })).statusCode).toBe(403);
  });

  it('edits with a version: role change clears what no longer fits, a stale version is 409 and changes nothing', async () => {
    const { account } = (await create(admin, liaisonBody())).json() as { account: Account };
    const patch = (client: Client, body: Record<string, unknown>, id = account.id) =>
      client.inject({ method: 'PATCH', url: `/api/accounts/${id}`, payload: body });
    const res = await patch(admin, { version: 1, role: 'assessor', assignedUnitIds: [d.units.dept, d.units.town], displayName: '考核员乙' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'assessor', unitId: null, displayName: '考核员乙', version: 2 });
    expect([...res.json().assignedUnitIds].sort()).toEqual([d.units.dept, d.units.town].sort());
    const stale = await patch(admin, { version: 1, displayName: '覆盖' });
    expect(stale.statusCode).toBe(409);
    const list = (await admin.inject({ method: 'GET', url: `/api/accounts?q=${account.username}` })).json().items as Account[];
    expect(list[0]).toMatchObject({ displayName: '考核员乙', version: 2 });
    const noUnit = await patch(admin, { version: 2, role: 'unitLiaison' });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().message).toContain('“所属被考核单位”：单位联络员必须指定');
    const wrongField = await patch(admin, { version: 2, role: 'leader', unitId: d.units.town });
    expect(wrongField.statusCode).toBe(400);
    expect((await patch(admin, { version: 2, assignedUnitIds: [d.units.other] })).json().message).toMatch(/“负责考核的单位”：.*不在组织/);
    expect((await patch(admin, { version: 2, color: 'red' })).statusCode).toBe(400);
    expect((await patch(admin, { version: 2, role: 'committeeAdmin' })).statusCode).toBe(403);
    expect((await patch(leader, { version: 2, displayName: '领导改名' })).statusCode).toBe(403);
    // Another district's admin does not even learn that the account exists.
    expect((await patch(otherAdmin, { version: 2, displayName: 'x' })).statusCode).toBe(404);
    const records = await audit(account.id);
    const update = records.find((r) => r.action === 'account.update')!;
    expect(update.before).toMatchObject({ role: 'unitLiaison', unitId: d.units.town });
    expect(update.after).toMatchObject({ role: 'assessor', unitId: null });
    expect(records.filter((r) => r.action === 'account.update')).toHaveLength(1);
  });

  it('a committee admin cannot edit another committee admin or a system administrator', async () => {
    const list = (await admin.inject({ method: 'GET', url: '/api/accounts?role=committeeAdmin' })).json().items as Account[];
    const self = list.find((a) => a.id === admin.accountId)!;
    expect((await admin.inject({ method: 'PATCH', url: `/api/accounts/${self.id}`, payload: { version: self.version, displayName: 'x' } })).statusCode).toBe(403);
  });

  it('disabling refuses the login with its own message and ends the existing session; enabling restores it', async () => {
    const body = { ...liaisonBody(), password: 'Chosen-Passw0rd!' };
    const { account } = (await create(admin, body)).json() as { account: Account };
    const user = await login(t.app, body.username, body.password);
    const disabled = await admin.inject({ method: 'POST', url: `/api/accounts/${account.id}/disable`, payload: { version: 1 } });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ disabled: true, version: 2 });
    expect((await user.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: body.username, password: body.password } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('该账户已停用');
    // A wrong password does not reveal that the account is disabled.
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: body.username, password: 'Wrong-Passw0rd!' } });
    expect(wrong.json().message).toBe('用户名或密码不正确。');
    expect((await admin.inject({ method: 'POST', url: `/api/accounts/${account.id}/disable`, payload: { version: 1 } })).statusCode).toBe(409);
    expect((await admin.inject({ method: 'GET', url: '/api/accounts?status=disabled&pageSize=200' })).json().items.map((a: Account) => a.id)).toContain(account.id);
    const enabled = await admin.inject({ method: 'POST', url: `/api/accounts/${account.id}/enable`, payload: { version: 2 } });
    expect(enabled.json()).toMatchObject({ disabled: false, version: 3 });
    await login(t.app, body.username, body.password);
    expect((await audit(account.id)).map((r) => r.action)).toEqual(expect.arrayContaining(['account.disable', 'account.enable']));
    expect((await leader.inject({ method: 'POST', url: `/api/accounts/${account.id}/disable`, payload: { version: 3 } })).statusCode).toBe(403);
    expect((await otherAdmin.inject({ method: 'POST', url: `/api/accounts/${account.id}/disable`, payload: { version: 3 } })).statusCode).toBe(404);
  });

  it('an administrator reset: sessions end, lockout lifts, the user must change the password; no secret in the audit', async () => {
    const { id, username } = await createUser(t.database.db, 'leader', { organisationId: d.districtId });
    const user = await login(t.app, username);
    for (let i = 0; i < 5; i += 1) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: `Wrong-${i}-Passw0rd` } });
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: testPassword } })).statusCode).toBe(423);
    const reset = await admin.inject({ method: 'POST', url: `/api/accounts/${id}/reset-password`, payload: { version: 1 } });
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword, account } = reset.json() as { temporaryPassword: string; account: Account };
    expect(account).toMatchObject({ mustChangePassword: true, version: 2 });
    expect((await user.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: testPassword } })).statusCode).toBe(401);
    const again = await login(t.app, username, temporaryPassword);
    expect((await again.inject({ method: 'GET', url: '/api/campaigns' })).statusCode).toBe(403);
    const weak = await admin.inject({ method: 'POST', url: `/api/accounts/${id}/reset-password`, payload: { version: 2, password: 'abc' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('“密码”：');
    expect((await admin.inject({ method: 'POST', url: `/api/accounts/${id}/reset-password`, payload: { version: 1 } })).statusCode).toBe(409);
    const records = await audit(id);
    const record = records.find((r) => r.action === 'account.password_reset')!;
    expect(record.after).toMatchObject({ mustChangePassword: true, generated: true, sessionsEnded: 1 });
    expect(JSON.stringify(records)).not.toContain(temporaryPassword);
    expect(JSON.stringify(records)).not.toMatch(/scrypt/);
    const own = await admin.inject({ method: 'POST', url: `/api/accounts/${admin.accountId}/reset-password`, payload: { version: 1 } });
    expect(own.statusCode).toBe(400);
    expect(own.json().message).toContain('修改密码');
   }, 60_000); // a dozen scrypt hashes: slow on a busy machine

  it('the last enabled system administrator can be neither disabled nor demoted; nobody disables themselves', async () => {
    const other = await createUser(t.database.db, 'systemAdmin', { organisationId: d.provinceId });
    const second = await login(t.app, other.username);
    // Two system administrators: the first may demote the second …
    const demote = await sysadmin.inject({ method: 'PATCH', url: `/api/accounts/${other.id}`, payload: { version: 1, role: 'leader' } });
    expect(demote.statusCode).toBe(200);
    expect((await second.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(200);
    // … but not itself once it is the only one left (other tests' files have their own databases).
    const me = (await sysadmin.inject({ method: 'GET', url: '/api/accounts?role=systemAdmin' })).json().items as Account[];
    expect(me.map((a) => a.id)).toEqual([sysadmin.accountId]);
    const self = await sysadmin.inject({ method: 'PATCH', url: `/api/accounts/${sysadmin.accountId}`, payload: { version: me[0]!.version, role: 'leader' } });
    expect(self.statusCode).toBe(409);
    expect(self.json().message).toContain('至少要保留一个启用的系统管理员');
    const disable = await sysadmin.inject({ method: 'POST', url: `/api/accounts/${sysadmin.accountId}/disable`, payload: { version: me[0]!.version } });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().message).toContain('不能停用自己的账户');
    expect((await sysadmin.inject({ method: 'GET', url: '/api/accounts?role=systemAdmin' })).json().items[0]).toMatchObject({ role: 'systemAdmin', disabled: false, version: me[0]!.version });
  });
});
