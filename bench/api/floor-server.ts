// The floor: a bare Fastify server answering the same queries as the API endpoints
// (same repository functions, same database), without sessions, validation, access
// checks or response schemas. The API's throughput is reported as a share of this.
import Fastify from 'fastify';
import { createDatabase } from '../../src/server/db/create-database';
import { listAudit } from '../../src/server/modules/audit/repository';
import { findUnit, listUnits } from '../../src/server/modules/units/repository';

const port = Number(process.env.PORT);
const database = process.env.DATABASE_URL
  ? createDatabase({ databaseUrl: process.env.DATABASE_URL })
  : createDatabase({ dataDir: process.env.ANKE_DATA_DIR! });
const scope = { kind: 'subtree' as const, path: '/bench-province/bench-city/bench-county/' };
const app = Fastify();
app.get('/floor/units', async (request) => {
  const page = Number((request.query as { page?: string }).page ?? 1);
  return listUnits(database.db, scope, { page, pageSize: 20, order: 'asc', sort: 'sortOrder' });
});
app.get('/floor/units/:id', async (request) => findUnit(database.db, (request.params as { id: string }).id));
app.get('/floor/audit', async (request) => {
  const page = Number((request.query as { page?: string }).page ?? 1);
  return listAudit(database.db, scope, {}, { page, pageSize: 20, order: 'desc' });
});
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('floor ready\n');
process.on('SIGTERM', () => void app.close().then(() => database.close()).then(() => process.exit(0)));
