import { describe, expect, it } from 'vitest';
import { can, listScope } from '../../../src/domain/access/can';
import type { Action, Actor, Resource } from '../../../src/domain/access/can';
import type { Role } from '../../../src/domain/access/roles';

const district = '/370000/370300/370306/';
const otherDistrict = '/370000/370300/370302/';

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return { accountId: 'a', role, organisationPath: district, unitId: null, assignedUnitIds: [], ...extra };
}

const ownUnit: Resource = { organisationPath: district, unitId: 'wangcun' };
const assignedUnit: Resource = { organisationPath: district, unitId: 'beijiao' };
const otherUnitSameDistrict: Resource = { organisationPath: district, unitId: 'nanjiao' };
const unitInOtherDistrict: Resource = { organisationPath: otherDistrict, unitId: 'x' };
const districtNode: Resource = { organisationPath: district };
const townNode: Resource = { organisationPath: `${district}zhoucun-wangcun/` };
const cityNode: Resource = { organisationPath: '/370000/370300/' };

const liaison = actor('unitLiaison', { unitId: 'wangcun' });
const assessor = actor('assessor', { assignedUnitIds: ['beijiao'] });

const table: Array<[string, Actor, Action, Resource, boolean]> = [
  ['系统管理员 anything anywhere', actor('systemAdmin'), 'unit.update', unitInOtherDistrict, true],
  ['系统管理员 creates accounts', actor('systemAdmin'), 'account.create', cityNode, true],
  ['安委办 edits a unit in its district', actor('committeeAdmin'), 'unit.update', ownUnit, true],
  ['安委办 reads a town below it', actor('committeeAdmin'), 'organisation.read', townNode, true],
  ['安委办 not the city above it', actor('committeeAdmin'), 'organisation.read', cityNode, false],
  ['安委办 not another district', actor('committeeAdmin'), 'unit.read', unitInOtherDistrict, false],
  ['安委办 reads the audit trail', actor('committeeAdmin'), 'audit.read', districtNode, true],
  ['领导 reads units of its subtree', actor('leader'), 'unit.read', otherUnitSameDistrict, true],
  ['领导 reads the audit trail', actor('leader'), 'audit.read', districtNode, true],
  ['领导 is read-only', actor('leader'), 'unit.update', ownUnit, false],
  ['领导 creates no accounts', actor('leader'), 'account.create', districtNode, false],
  ['领导 not another district', actor('leader'), 'unit.read', unitInOtherDistrict, false],
  ['考核组 reads an assigned unit', assessor, 'unit.read', assignedUnit, true],
  ['考核组 uploads evidence for an assigned unit', assessor, 'file.upload', assignedUnit, true],
  ['考核组 not an unassigned unit', assessor, 'unit.read', otherUnitSameDistrict, false],
  ['考核组 does not edit unit master data', assessor, 'unit.update', assignedUnit, false],
  ['考核组 reads the organisation tree', assessor, 'organisation.read', townNode, true],
  ['考核组 no audit trail', assessor, 'audit.read', districtNode, false],
  ['联络员 reads its own unit', liaison, 'unit.read', ownUnit, true],
  ['联络员 uploads for its own unit', liaison, 'file.upload', ownUnit, true],
  ['联络员 not another unit', liaison, 'unit.read', otherUnitSameDistrict, false],
  ['联络员 not the organisation tree', liaison, 'organisation.read', districtNode, false],
  ['联络员 does not edit unit master data', liaison, 'unit.update', ownUnit, false],
  ['联络员 no audit trail', liaison, 'audit.read', districtNode, false],
  ['联络员 without a unit sees nothing', actor('unitLiaison'), 'unit.read', ownUnit, false],
];

describe('can', () => {
  it.each(table)('%s', (_name, who, action, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });
});

describe('listScope agrees with can', () => {
  const resources = [ownUnit, assignedUnit, otherUnitSameDistrict, unitInOtherDistrict];
  const actors = [actor('systemAdmin'), actor('committeeAdmin'), actor('leader'), assessor, liaison];
  const inScope = (scope: ReturnType<typeof listScope>, r: Resource) =>
    scope.kind === 'all' ||
    (scope.kind === 'subtree' && r.organisationPath.startsWith(scope.path)) ||
    (scope.kind === 'units' && r.unitId != null && scope.unitIds.includes(r.unitId));
  for (const who of actors) {
    for (const action of ['unit.read', 'file.read', 'audit.read'] as const) {
      it(`${who.role} ${action}`, () => {
        const scope = listScope(who, action);
        for (const r of resources) expect(inScope(scope, r)).toBe(can(who, action, r));
      });
    }
  }
});
