import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from '../../src/server/config';

describe('loadConfig', () => {
  it('no variables at all: SQLite in ./data, 127.0.0.1:3000, demo data', () => {
    expect(loadConfig({}, '/srv/anke')).toMatchObject({
      host: '127.0.0.1', port: 3000, databaseUrl: undefined, dataDir: resolve('/srv/anke/data'), demo: true,
      sessionIdleMinutes: 30, secureCookies: false, loginRateLimit: 20, uploadMaxBytes: 20 * 1024 * 1024,
    });
  });

  it('PostgreSQL when DATABASE_URL is set, and then no demo data unless asked', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://anke@db/anke' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://anke@db/anke', demo: false });
    expect(loadConfig({ DATABASE_URL: 'postgres://anke@db/anke', ANKE_DEMO: '1' }).demo).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, '环境变量 PORT=“abc”不是整数。'],
    [{ PORT: '70000' }, '环境变量 PORT=70000 超出范围（1–65535）。'],
    [{ DATABASE_URL: 'mysql://x' }, '环境变量 DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头。'],
    [{ ANKE_DEMO: 'maybe' }, '环境变量 ANKE_DEMO=“maybe”应为 1 或 0。'],
    [{ ANKE_LOG_LEVEL: 'loud' }, '环境变量 ANKE_LOG_LEVEL=“loud”无效，可选：fatal、error、warn、info、debug、trace、silent。'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  it('documents every variable it reads, with a default', () => {
    const source = loadConfig.toString();
    const read = [...source.matchAll(/'((?:ANKE_|DATABASE_|HOST|PORT)[A-Z_]*)'/g)].map((m) => m[1]);
    const documented = configVariables.map((v) => v.name);
    for (const name of read) expect(documented).toContain(name);
    for (const v of configVariables) expect(v.default).not.toBe('');
  });
});
