import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { createDatabase } from '../../src/server/db/create-database';
import { migrateToLatest } from '../../src/server/db/migrate';
// @ts-expect-error plain ESM
import { postgresBin, startTemporaryPostgres } from '../../scripts/temporary-postgres.mjs';
import { seedBench } from './seed';
import { listUnits, findUnit } from '../../src/server/modules/units/repository';
import { listAudit } from '../../src/server/modules/audit/repository';
const scope = { kind: 'subtree' as const, path: '/bench-province/bench-city/bench-county/' };
async function time(name: string, f: () => Promise<unknown>, n = 300) {
  for (let i = 0; i < 20; i++) await f();
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(name, ((performance.now() - t) / n).toFixed(2), 'ms');
}
const r = (n: number) => 1 + Math.floor(Math.random() * n);
async function run(open: () => ReturnType<typeof createDatabase>, label: string) {
  const d = open();
  await migrateToLatest(d.db);
  await seedBench(d.db, { units: 5000, auditRecords: 200000 });
  await d.refreshStatistics?.();
  await time(`${label} units list`, () => listUnits(d.db, scope, { page: r(250), pageSize: 20, order: 'asc', sort: 'sortOrder' }));
  await time(`${label} unit read`, () => findUnit(d.db, `bench-unit-${r(4999)}`));
  await time(`${label} audit list`, () => listAudit(d.db, scope, {}, { page: r(100), pageSize: 20, order: 'desc' }));
  const orgs = (await d.db.selectFrom('organisation').select('id').where('path', 'like', `${scope.path}%`).execute()).map((o) => o.id);
  await time(`${label} orgs`, () => d.db.selectFrom('organisation').select('id').where('path', 'like', `${scope.path}%`).execute());
  await time(`${label} unit count`, () => d.db.selectFrom('unit').where('organisation_id', 'in', orgs).select((eb) => eb.fn.countAll().as('n')).execute());
  await time(`${label} audit count`, () => d.db.selectFrom(d.db.selectFrom('audit_record').where('organisation_path', 'like', `${scope.path}%`).select('seq').limit(10001).as('c')).select((eb) => eb.fn.countAll().as('n')).execute());
  await time(`${label} audit page`, () => d.db.selectFrom('audit_record').where('organisation_path', 'like', `${scope.path}%`).selectAll().orderBy('seq', 'desc').limit(20).offset(r(100) * 20 - 20).execute());
  if (process.env.IDX) {
    await sql`create index unit_org_idx on unit (organisation_id)`.execute(d.db);
    await d.refreshStatistics?.();
    await time(`${label} unit count +orgidx`, () => d.db.selectFrom('unit').where('organisation_id', 'in', orgs).select((eb) => eb.fn.countAll().as('n')).execute());
    await sql`create index unit_sort_idx on unit (sort_order, id)`.execute(d.db);
    await d.refreshStatistics?.();
    await time(`${label} units list +idx`, () => listUnits(d.db, scope, { page: r(250), pageSize: 20, order: 'asc', sort: 'sortOrder' }));
  }
  await d.close();
}
const dir = mkdtempSync(join(tmpdir(), 'exp-'));
await run(() => createDatabase({ dataDir: dir }), 'sqlite');
const cluster = await startTemporaryPostgres(postgresBin());
const admin = new pg.Client({ connectionString: cluster.url }); await admin.connect();
await admin.query('create database expdb'); await admin.end();
const url = new URL(cluster.url); url.pathname = '/expdb';
await run(() => createDatabase({ databaseUrl: url.toString() }), 'pg');
cluster.stop();
