// Child process for crash.test.ts: logs in through the real app and renames one unit in a
// loop, printing `ack <n>` only after the server answered 200 (the write is acknowledged).
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDatabase } from '../../src/server/db/create-database';
import { migrateToLatest } from '../../src/server/db/migrate';

const [location, username, password, unitId, startArg] = process.argv.slice(2);
if (!location || !username || !password || !unitId) throw new Error('usage: crash-writer <db> <user> <password> <unit> <start>');
const database = location.startsWith('postgres')
  ? createDatabase({ databaseUrl: location, poolSize: 2 })
  : createDatabase({ sqliteFile: location });
await migrateToLatest(database.db);
const app = await buildApp({ database, config: { ...loadConfig({ ANKE_DEMO: '0' }), loginRateLimit: 10_000 } });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const cookie = `anke_session=${login.cookies.find((c) => c.name === 'anke_session')!.value}`;
const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
process.stdout.write('ready\n');
for (let n = Number(startArg ?? 0); ; n += 1) {
  const unit = (await app.inject({ method: 'GET', url: `/api/units/${unitId}`, headers })).json<{ version: number }>();
  const res = await app.inject({ method: 'PATCH', url: `/api/units/${unitId}`, headers, payload: { version: unit.version, name: `写入-${n}` } });
  if (res.statusCode !== 200) throw new Error(`write ${n}: ${res.statusCode} ${res.body}`);
  process.stdout.write(`ack ${n}\n`);
}
