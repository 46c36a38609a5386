import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/demo/seed-demo';
import { zhoucunUnits } from '../../src/server/demo/zhoucun';
import { verifyAuditChain } from '../../src/server/modules/audit/verify-audit-chain';
import { createTestDatabase } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';

describe('demo data', { timeout: 120_000 }, () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(); });
  afterAll(async () => { await t.drop(); });

  it('reads the 38 units of examples/zhoucun-2014 in published order', () => {
    const units = zhoucunUnits();
    expect(units).toHaveLength(38);
    expect(units[0]).toMatchObject({ name: '王村镇政府', category: 'territorial', areaOrganisationId: 'zhoucun-wangcun' });
    expect(units.at(-1)?.name).toBe('周村国土资源分局');
    expect(units.filter((u) => u.category === 'territorial')).toHaveLength(8);
    expect(units.filter((u) => u.category === 'territorial').every((u) => u.areaOrganisationId)).toBe(true);
  });

  it('seeds the 周村区 tree, its units and the demo accounts once, with an intact audit chain', async () => {
    expect(await seedDemo(t.database.db, new Date())).toBe(true);
    expect(await seedDemo(t.database.db, new Date())).toBe(false);
    const orgs = await t.database.db.selectFrom('organisation').select(['id', 'path', 'division_code']).orderBy('path').execute();
    expect(orgs.find((o) => o.id === '370306')).toMatchObject({ path: '/370000/370300/370306/', division_code: '370306' });
    const units = await t.database.db.selectFrom('unit').select('id').where('organisation_id', '=', '370306').execute();
    expect(units).toHaveLength(38);
    const accounts = await t.database.db.selectFrom('account').select(['username', 'role']).orderBy('username').execute();
    expect(accounts.map((a) => a.username)).toEqual(['admin', 'assessor', 'leader', 'sysadmin', 'wangcun']);
    const check = await verifyAuditChain(t.database.db);
    expect(check.problems).toEqual([]);
    const setup = await t.database.db.selectFrom('audit_record').select('seq')
      .where('action', 'in', ['organisation.create', 'unit.create', 'account.create']).execute();
    expect(setup).toHaveLength(orgs.length + 38 + 5);
    // The demo campaigns (seed-campaigns.ts, tested in demo-campaign.test.ts) add their records after these.
    const all = await t.database.db.selectFrom('audit_record').select('seq').execute();
    expect(check.checked).toBe(all.length);
  });
});
