import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app';

// A request without a session learns only that it must log in: authentication runs before
// the body is validated, so nothing about the expected shape leaks and the status is right.
describe('authentication comes before validation', () => {
  const t = useTestApp();

  it.each([
    ['POST', '/api/campaigns', { nonsense: true }],
    ['PATCH', '/api/units/does-not-matter', { version: 'x' }],
    ['POST', '/api/accidents', {}],
  ])('%s %s with a bad body and no session → 401', async (method, url, payload) => {
    const res = await t.app.inject({ method: method as 'POST', url, payload });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'unauthenticated', message: '请先登录。' });
  });
});
