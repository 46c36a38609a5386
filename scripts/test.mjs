#!/usr/bin/env node
/* global process, console, URL */
// `npm test`: every check the project has, in order, with one summary line at the end.
// Type check and lint count as one test each; vitest tiers count their own tests.
// The last line is always `N passed, N failed` (CI reads it; vitest's own summary is not used).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { postgresBin, startTemporaryPostgres } from './temporary-postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp', `test-results-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function check(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  if (run(cmd, args) === 0) passed += 1;
  else { failed += 1; failures.push(name); }
}

function vitestTier(name, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const out = join(tmp, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args], env);
  if (!existsSync(out)) {
    failed += 1;
    failures.push(`${name}（未产生结果，退出码 ${status}）`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no tests but is still a failure.
  const brokenSuites = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0);
  failed += brokenSuites.length;
  if (report.numFailedTests > 0 || brokenSuites.length > 0) failures.push(name);
  else if (status !== 0) { failed += 1; failures.push(`${name}（退出码 ${status}）`); }
}

// The database tests (test/server) run in the unit tier on SQLite, then again on PostgreSQL.
// CI=true there: a snapshot written on SQLite is compared on PostgreSQL, never rewritten.
const databaseTests = ['test/server/'];

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['eslint', '.']);
vitestTier('unit', []);

// PostgreSQL tier: DATABASE_URL when given (the tests create and drop their own databases
// there, so the role needs CREATEDB), else a temporary cluster when the server is installed.
const pgBin = postgresBin();
if (process.env.DATABASE_URL) {
  console.log('\nPostgreSQL 测试层：使用 DATABASE_URL 指定的服务器。');
  vitestTier('database (PostgreSQL)', databaseTests, { ANKE_TEST_PG_URL: process.env.DATABASE_URL, CI: 'true' });
} else if (pgBin) {
  let pgServer = null;
  // Ctrl+C reaches vitest too; stay alive long enough to stop and delete the cluster.
  const keepAlive = () => {};
  process.on('SIGINT', keepAlive);
  process.on('SIGTERM', keepAlive);
  try {
    pgServer = await startTemporaryPostgres(pgBin);
    console.log(`\nPostgreSQL 测试层：临时集群 ${pgServer.url}（${pgBin}）`);
    vitestTier('database (PostgreSQL)', databaseTests, { ANKE_TEST_PG_URL: pgServer.url, CI: 'true' });
  } catch (error) {
    console.log(`\n无法启动临时 PostgreSQL：${error.message}`);
    failed += 1;
    failures.push('database (PostgreSQL)（无法启动临时集群）');
  } finally {
    pgServer?.stop();
    process.off('SIGINT', keepAlive);
    process.off('SIGTERM', keepAlive);
  }
} else {
  console.log('\n跳过 PostgreSQL 测试层：未设置 DATABASE_URL，也未找到 /usr/lib/postgresql/*/bin。'
    + '运行 scripts/install-system-deps.sh（root）安装 postgresql 后即可运行。');
}

// Browser tier (test/e2e): the built web app served by the real server, in Debian Chromium.
// scripts/install-system-deps.sh installs chromium and fonts-wqy-microhei as root, else names them.
const browserReady = () => existsSync('/usr/bin/chromium') && existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc');
if (!browserReady() && run('bash', ['scripts/install-system-deps.sh']) !== 0) {
  console.log('\n网页测试层无法运行：缺少 chromium 或 fonts-wqy-microhei（见上方提示）。');
  failed += 1;
  failures.push('e2e（缺少 chromium / fonts-wqy-microhei）');
} else {
  console.log('\n▶ build:web');
  if (run('npm', ['run', 'build:web']) !== 0) {
    failed += 1;
    failures.push('build:web');
  } else {
    vitestTier('e2e', ['--config', 'test/e2e/vitest.config.ts']);
  }
}

if (failures.length > 0) console.log(`\n失败：${failures.join('、')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
