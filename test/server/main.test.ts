import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';

const root = new URL('../..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root, env: { ...process.env, ANKE_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('按 Ctrl+C 停止')) { clearInterval(timer); resolve(); }
    }, 50);
    void exited.then((code) => { clearInterval(timer); reject(new Error(`server exited ${code}: ${output}`)); });
  });
  ready.catch(() => {}); // awaited only by tests that expect a start
  return { child, ready, exited, output: () => output };
}

describe('src/server/main.ts', () => {
  let t: TestDatabase;
  const dataDir = mkdtempSync(join(tmpdir(), 'anke-main-'));
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => {
    await t.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with demo data, prints the URL and how to log in, and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const env: Record<string, string> = { PORT: String(port), ANKE_DEMO: '1', ANKE_DATA_DIR: dataDir };
    if (t.database.engine === 'postgres') env.DATABASE_URL = t.location;
    const server = startServer(env);
    await server.ready;
    const banner = server.output();
    expect(banner).toContain(`安考已启动：http://127.0.0.1:${port}`);
    expect(banner).toContain('演示模式');
    expect(banner).toMatch(/admin\s+安委办管理员/);

    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok', version: '0.1.0', database: t.database.engine });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Zhoucun@2014' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${base}/api/units?pageSize=200`, { headers: { cookie } });
    await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((await res.json()).total).toBe(38);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('已停止');
  });

  it('refuses a bad configuration with a Chinese message and exit code 2', { timeout: 30_000 }, async () => {
    const server = startServer({ PORT: 'abc', ANKE_DATA_DIR: dataDir });
    expect(await server.exited).toBe(2);
    expect(server.output()).toContain('配置错误：环境变量 PORT=“abc”不是整数。');
  });
});
