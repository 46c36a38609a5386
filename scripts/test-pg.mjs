// Runs the given vitest files against a temporary PostgreSQL cluster (or DATABASE_URL when set):
//   npm run test:pg -- test/server/accidents.test.ts
// The same tier `npm test` runs over all of test/server, for one file at a time while working.
/* global process, console, URL */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { postgresBin, startTemporaryPostgres } from './temporary-postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = process.argv.slice(2);
const run = (url) => spawnSync('npx', ['vitest', 'run', ...files], {
  cwd: root, stdio: 'inherit', env: { ...process.env, ANKE_TEST_PG_URL: url, CI: 'true' },
}).status ?? 1;

if (process.env.DATABASE_URL) {
  process.exitCode = run(process.env.DATABASE_URL);
} else {
  const bin = postgresBin();
  if (!bin) {
    console.error('未找到 PostgreSQL（/usr/lib/postgresql/*/bin）：请先以 root 运行 scripts/install-system-deps.sh，或设置 DATABASE_URL。');
    process.exit(1);
  }
  const server = await startTemporaryPostgres(bin);
  try { process.exitCode = run(server.url); } finally { server.stop(); }
}
