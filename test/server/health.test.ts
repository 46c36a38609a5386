import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/server/security-headers';
import { useTestApp } from '../support/test-app';
import { testEngine } from '../support/test-database';

describe('GET /api/health', () => {
  const t = useTestApp();

  it('answers ok with the version and the engine in use, without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: '0.1.0', database: testEngine });
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    // Plain HTTP on an intranet: no HSTS, no upgrade of requests (security-headers.ts).
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    // Errors carry them too: the hook runs before routing.
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('adds HSTS and upgrade-insecure-requests behind TLS', () => {
    const headers = securityHeaders(true);
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('answers an unknown address with the one error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: '请求的地址不存在。' });
  });

  it('serves the OpenAPI document listing every route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/health', '/api/auth/login', '/api/auth/session', '/api/auth/logout', '/api/units', '/api/units/{id}', '/api/audit',
      '/api/organisations', '/api/units/{unitId}/files', '/api/files/{id}',
    ]));
  });
});
