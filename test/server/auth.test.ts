import { describe, expect, it } from 'vitest';
import { createDistrict, createUser, testPassword } from '../support/factories';
import { login, useTestApp } from '../support/test-app';

describe('login, sessions, lockout, CSRF', () => {
  const t = useTestApp({ sessionIdleMinutes: 30 });

  async function someUser() {
    const d = await createDistrict(t.database.db, t.now());
    return createUser(t.database.db, 'committeeAdmin', { organisationId: d.districtId }, t.now());
  }

  it('logs in with a HttpOnly SameSite=Strict cookie and returns no password hash', async () => {
    const user = await someUser();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: testPassword } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'anke_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.secure).toBeFalsy();
    expect(res.body).not.toContain('scrypt');
    expect(res.json().account).toMatchObject({ username: user.username, role: 'committeeAdmin' });
  });

  it('rejects a wrong password and an unknown user alike', async () => {
    const user = await someUser();
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ code: 'invalid_credentials', message: '用户名或密码不正确。' });
  });

  it('400 names the missing field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().message).toContain('password');
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password', async () => {
    const user = await someUser();
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password } });
    for (let i = 0; i < 4; i += 1) expect((await attempt('wrong-password')).statusCode).toBe(401);
    expect((await attempt('wrong-password')).statusCode).toBe(401); // 5th failure locks
    const locked = await attempt(testPassword);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toEqual({ code: 'account_locked', message: '连续登录失败次数过多，账户已锁定，请 15 分钟后再试。' });
    t.advance(14 * 60_000);
    expect((await attempt(testPassword)).statusCode).toBe(423);
    t.advance(61_000);
    expect((await attempt(testPassword)).statusCode).toBe(200);
    const lockRecord = await t.database.db.selectFrom('audit_record').select('action')
      .where('entity_id', '=', user.id).where('action', '=', 'account.lock').execute();
    expect(lockRecord).toHaveLength(1);
  });

  it('4 failures then a success resets the counter', async () => {
    const user = await someUser();
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password } });
    for (let i = 0; i < 4; i += 1) await attempt('wrong-password');
    expect((await attempt(testPassword)).statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) await attempt('wrong-password');
    expect((await attempt(testPassword)).statusCode).toBe(200);
  });

  it('401 without a session, 401 with a forged cookie', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'anke_session=forged' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('unauthenticated');
  });

  it('expires a session idle longer than the limit; activity keeps it alive', async () => {
    const user = await someUser();
    const client = await login(t.app, user.username);
    t.advance(29 * 60_000);
    expect((await client.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    t.advance(29 * 60_000);
    expect((await client.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    t.advance(31 * 60_000);
    const expired = await client.inject({ method: 'GET', url: '/api/auth/session' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('session_expired');
    // and it stays unusable: another request with the same cookie (say one already in flight)
    // hears the same reason, not a different one
    const again = await client.inject({ method: 'GET', url: '/api/auth/session' });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('session_expired');
    t.advance(1_000);
    expect((await client.inject({ method: 'GET', url: '/api/auth/session' })).json().code).toBe('session_expired');
  });

  it('removes sessions idle past the limit when anyone logs in', async () => {
    const user = await someUser();
    const abandoned = await login(t.app, user.username);
    t.advance(31 * 60_000);
    await login(t.app, user.username);
    const rows = await t.database.db.selectFrom('session').select('id').where('account_id', '=', abandoned.accountId).execute();
    expect(rows).toHaveLength(1);
  });

  it('rejects a cookie-authenticated write without the right CSRF token', async () => {
    const user = await someUser();
    const client = await login(t.app, user.username);
    const missing = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual({ code: 'csrf_rejected', message: '请求缺少有效的防伪令牌，请刷新页面后重试。' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    // The session survived both attempts; with the token, logout works and ends it.
    expect((await client.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await client.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  const t = useTestApp({ loginRateLimit: 3 });

  it('answers 429 in the one error shape once a client exceeds the limit', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'x' } });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ code: 'rate_limited', message: '请求过于频繁，请稍后再试。' });
  });
});
