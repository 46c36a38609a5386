import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema';
import { createAccount } from '../../src/server/modules/accounts/create-account';
import { importTree } from '../../src/server/modules/organisations/import-tree';
import type { UnitInput } from '../../src/server/modules/organisations/import-tree';

export const testPassword = 'Test-Passw0rd!';

/** A short unique suffix so every test builds its own rows in a shared per-file database. */
export function uniq(): string {
  return randomBytes(4).toString('hex');
}

export interface District {
  provinceId: string;
  cityId: string;
  districtId: string;
  townId: string;
  /** A second district in the same city: its units are outside the first one's jurisdiction. */
  otherDistrictId: string;
  units: { town: string; dept: string; other: string };
}

/**
 * province → city → two districts; the first with one town, one territorial and one
 * department unit, the second with one unit of its own.
 */
export async function createDistrict(db: Kysely<DB>, now = new Date()): Promise<District> {
  const s = uniq();
  const d: District = {
    provinceId: `p-${s}`, cityId: `c-${s}`, districtId: `d-${s}`, townId: `t-${s}`, otherDistrictId: `o-${s}`,
    units: { town: `u-town-${s}`, dept: `u-dept-${s}`, other: `u-other-${s}` },
  };
  const unit = (id: string, name: string, category: UnitInput['category'], area: string | null): UnitInput =>
    ({ id, name, category, sectors: category === 'department' ? ['建筑施工'] : [], areaOrganisationId: area });
  await db.transaction().execute(async (trx) => {
    await importTree(trx, {
      organisations: [
        { id: d.provinceId, parentId: null, name: `测试省${s}`, kind: 'province', divisionCode: null },
        { id: d.cityId, parentId: d.provinceId, name: `测试市${s}`, kind: 'city', divisionCode: null },
        { id: d.districtId, parentId: d.cityId, name: `测试区${s}`, kind: 'county', divisionCode: null },
        { id: d.townId, parentId: d.districtId, name: `测试镇${s}`, kind: 'town', divisionCode: null },
      ],
      ownerId: d.districtId,
      units: [unit(d.units.town, `测试镇政府${s}`, 'territorial', d.townId), unit(d.units.dept, `区住建局${s}`, 'department', null)],
    }, null, now);
    await importTree(trx, {
      organisations: [{ id: d.otherDistrictId, parentId: d.cityId, name: `另一区${s}`, kind: 'county', divisionCode: null }],
      ownerId: d.otherDistrictId,
      units: [unit(d.units.other, `另一区单位${s}`, 'department', null)],
    }, null, now);
  });
  return d;
}

export interface AccountOptions {
  organisationId: string;
  unitId?: string;
  assignedUnitIds?: string[];
}

/** Creates an account through the real use case; returns its user name. */
export async function createUser(
  db: Kysely<DB>,
  role: 'systemAdmin' | 'committeeAdmin' | 'assessor' | 'unitLiaison' | 'leader',
  options: AccountOptions,
  now = new Date(),
): Promise<{ id: string; username: string }> {
  const username = `${role.toLowerCase()}-${uniq()}`;
  const { id } = await createAccount(db, {
    username, displayName: username, password: testPassword, role,
    organisationId: options.organisationId, unitId: options.unitId ?? null, assignedUnitIds: options.assignedUnitIds ?? [],
  }, null, now);
  return { id, username };
}
