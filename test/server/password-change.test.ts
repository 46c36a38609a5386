import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser, testPassword } from '../support/factories';
import type { District } from '../support/factories';
import { login, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

describe('POST /api/auth/password', () => {
  const t = useTestApp();
  let d: District;

  beforeAll(async () => {
    d = await createDistrict(t.database.db, t.now());
  });

  const change = (client: Client, body: Record<string, unknown>) =>
    client.inject({ method: 'POST', url: '/api/auth/password', payload: body });

  it('changes the password: this session continues, the other sessions end, the old password stops working', async () => {
    const { id, username } = await createUser(t.database.db, 'leader', { organisationId: d.districtId });
    const here = await login(t.app, username);
    const elsewhere = await login(t.app, username);
    const res = await change(here, { currentPassword: testPassword, newPassword: 'Brand-New-2026!' });
    expect(res.statusCode).toBe(200);
    expect(res.json().account).toMatchObject({ id, username, mustChangePassword: false });
    expect(res.body).not.toMatch(/scrypt|Brand-New/);
    expect((await here.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    expect((await elsewhere.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: testPassword } })).statusCode).toBe(401);
    await login(t.app, username, 'Brand-New-2026!');
    const sysadmin = await login(t.app, (await createUser(t.database.db, 'systemAdmin', { organisationId: d.provinceId })).username);
    const records = (await sysadmin.inject({ method: 'GET', url: `/api/audit?entityId=${id}&action=account.password_change` })).json().items;
    expect(records).toHaveLength(1);
    expect(records[0].after).toEqual({ sessionsEnded: 1 });
    expect(JSON.stringify(records)).not.toMatch(/Brand-New|Test-Passw0rd|scrypt/);
   }, 60_000); // several scrypt hashes: slow on a busy machine

  it('400 naming the field: wrong current password, weak or unchanged new password, missing fields; nothing changes', async () => {
    const { username } = await createUser(t.database.db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town });
    const user = await login(t.app, username);
    const wrong = await change(user, { currentPassword: 'Not-The-Passw0rd', newPassword: 'Brand-New-2026!' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toBe('当前密码不正确。');
    const weak = await change(user, { currentPassword: testPassword, newPassword: 'alllowercase' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/“新密码”：.*至少三类/);
    const withName = await change(user, { currentPassword: testPassword, newPassword: `X-${username}-9` });
    expect(withName.json().message).toContain('不得包含用户名');
    const same = await change(user, { currentPassword: testPassword, newPassword: testPassword });
    expect(same.json().message).toContain('不能与当前密码相同');
    const missing = await change(user, { currentPassword: testPassword });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('“newPassword”');
    // The session still works with the old password.
    await login(t.app, username);
  });

  it('401 without a session; 403 without the anti-forgery token', async () => {
    const body = { currentPassword: testPassword, newPassword: 'Brand-New-2026!' };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: body })).statusCode).toBe(401);
    const { username } = await createUser(t.database.db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] });
    const user = await login(t.app, username);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: body, headers: { cookie: user.cookie } });
    expect(res.statusCode).toBe(403);
  });
});

describe('POST /api/auth/password is rate-limited', () => {
  const t = useTestApp({ loginRateLimit: 3 });

  it('refuses the fourth attempt in a minute with 429 and a Chinese message', async () => {
    const d = await createDistrict(t.database.db, t.now());
    const { username } = await createUser(t.database.db, 'leader', { organisationId: d.districtId });
    const user = await login(t.app, username);
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 4; i += 1) {
      const res = await user.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: `Guess-${i}-Passw0rd`, newPassword: 'Brand-New-2026!' } });
      statuses.push(res.statusCode);
      last = res.json().message;
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
    expect(last).toContain('请求过于频繁');
  });
});
