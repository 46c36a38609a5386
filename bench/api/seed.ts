import type { Kysely } from 'kysely';
import type { AuditRecordTable, DB } from '../../src/server/db/schema';
import { createAccount } from '../../src/server/modules/accounts/create-account';
import { auditHash } from '../../src/server/modules/audit/audit-hash';
import { importTree } from '../../src/server/modules/organisations/import-tree';
import type { OrganisationInput, UnitInput } from '../../src/server/modules/organisations/import-tree';

export const benchAdmin = { username: 'bench-admin', password: 'Bench-Passw0rd!' };
export const benchCountyId = 'bench-county';

/**
 * A province-scale data set: one county with `towns` towns and `units` units, an admin
 * account, and `auditRecords` audit records (a valid hash chain) spread over the units.
 */
export async function seedBench(db: Kysely<DB>, sizes: { units: number; auditRecords: number; towns?: number }): Promise<{ unitIds: string[] }> {
  const now = new Date('2026-01-01T00:00:00Z');
  const towns = sizes.towns ?? 50;
  const organisations: OrganisationInput[] = [
    { id: 'bench-province', parentId: null, name: '基准省', kind: 'province', divisionCode: null },
    { id: 'bench-city', parentId: 'bench-province', name: '基准市', kind: 'city', divisionCode: null },
    { id: benchCountyId, parentId: 'bench-city', name: '基准县', kind: 'county', divisionCode: null },
    ...Array.from({ length: towns }, (_, i) => ({ id: `bench-town-${i}`, parentId: benchCountyId, name: `基准镇${i}`, kind: 'town' as const, divisionCode: null })),
  ];
  const units: UnitInput[] = Array.from({ length: sizes.units }, (_, i) => ({
    id: `bench-unit-${i}`,
    name: i % 5 === 0 ? `基准镇${i % towns}第${i}号属地单位` : `基准部门${i}`,
    category: i % 5 === 0 ? 'territorial' : 'department',
    sectors: i % 5 === 0 ? [] : ['建筑施工'],
    areaOrganisationId: i % 5 === 0 ? `bench-town-${i % towns}` : null,
  }));
  await db.transaction().execute((trx) => importTree(trx, { organisations, ownerId: benchCountyId, units }, null, now));
  await createAccount(db, { ...benchAdmin, displayName: '基准管理员', role: 'committeeAdmin', organisationId: benchCountyId }, null, now);

  // The rest of the audit trail, appended in bulk but chained exactly as appendAudit does.
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const countyPath = '/bench-province/bench-city/bench-county/';
  let { seq, hash } = head;
  const remaining = Math.max(0, sizes.auditRecords - seq);
  const batchSize = 500;
  for (let done = 0; done < remaining; done += batchSize) {
    const rows: AuditRecordTable[] = [];
    for (let k = 0; k < Math.min(batchSize, remaining - done); k += 1) {
      seq += 1;
      const unitId = `bench-unit-${seq % sizes.units}`;
      const record = {
        seq, at: new Date(now.getTime() + seq * 1000).toISOString(), actor_id: null, action: 'unit.update',
        entity_type: 'unit', entity_id: unitId, organisation_path: countyPath, unit_id: unitId,
        before_json: JSON.stringify({ sortOrder: seq - 1 }), after_json: JSON.stringify({ sortOrder: seq }), prev_hash: hash,
      };
      hash = auditHash(record);
      rows.push({ ...record, hash });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('audit_record').values(rows).execute();
      await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
    });
  }
  return { unitIds: units.map((u) => u.id) };
}
