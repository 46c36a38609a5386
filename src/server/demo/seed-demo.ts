import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { createAccount } from '../modules/accounts/create-account';
import { importTree } from '../modules/organisations/import-tree';
import type { FileStore } from '../modules/files/file-store';
import { seedDemoAgreements } from './seed-agreements';
import { seedDemoCampaigns } from './seed-campaigns';
import { seedDemoEnforcement } from './seed-enforcement';
import { seedDemoLedgers } from './seed-ledgers';
import { seedDemoTeams } from './seed-teams';
import { zhoucunId, zhoucunOrganisations, zhoucunUnits } from './zhoucun';

/** Demo accounts exist only in demo mode (ANKE_DEMO=1); the start banner lists them. */
export const demoPassword = 'Zhoucun@2014';

export const demoAccounts = [
  { username: 'admin', displayName: '区安委办管理员', role: 'committeeAdmin', organisationId: zhoucunId },
  { username: 'leader', displayName: '分管副区长', role: 'leader', organisationId: zhoucunId },
  { username: 'assessor', displayName: '考核组成员', role: 'assessor', organisationId: zhoucunId, assignedUnitIds: ['wangcun', 'beijiao', 'anjian'] },
  { username: 'wangcun', displayName: '王村镇联络员', role: 'unitLiaison', organisationId: zhoucunId, unitId: 'wangcun' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'systemAdmin', organisationId: zhoucunId },
] as const;

/** Writes the demo data once: does nothing when the database already has organisations. */
/** `files` stores the demo's scanned agreement pages; without it the agreements stay issued. */
export async function seedDemo(db: Kysely<DB>, now: Date, files?: FileStore): Promise<boolean> {
  const existing = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const units = zhoucunUnits();
  await db.transaction().execute(async (trx) => {
    await importTree(trx, { organisations: zhoucunOrganisations, ownerId: zhoucunId, units }, null, now);
  });
  const unitIds = new Set(units.map((u) => u.id));
  for (const account of demoAccounts) {
    const assigned = 'assignedUnitIds' in account ? account.assignedUnitIds.filter((id) => unitIds.has(id)) : [];
    const unitId = 'unitId' in account && unitIds.has(account.unitId) ? account.unitId : null;
    if (account.role === 'unitLiaison' && !unitId) continue;
    await createAccount(db, { ...account, password: demoPassword, unitId, assignedUnitIds: assigned }, null, now);
  }
  // The 2014 round as published and this year's round in progress (issue 4 item 12).
  await seedDemoCampaigns(db, now);
  await seedDemoAgreements(db, now, files);
  await seedDemoTeams(db, now);
  await seedDemoLedgers(db, now);
  await seedDemoEnforcement(db, now);
  return true;
}
