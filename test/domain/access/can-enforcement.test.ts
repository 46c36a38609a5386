import { describe, expect, it } from 'vitest';
import { can, listScope } from '../../../src/domain/access/can';
import type { Action, Actor, Resource } from '../../../src/domain/access/can';
import type { Role } from '../../../src/domain/access/roles';

// 执法措施 (docs/ledgers.md §4): a measure belongs to the enterprise's town and its regulating
// department, like the enterprise's hazard cards; the server asks for either unit.
const district = '/370000/370300/370306/';
const otherDistrict = '/370000/370300/370302/';

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return { accountId: 'a', role, organisationPath: district, unitId: null, assignedUnitIds: [], ...extra };
}

const ownTowns: Resource = { organisationPath: district, unitId: 'wangcun' };
const otherTowns: Resource = { organisationPath: district, unitId: 'nanjiao' };
const otherDistricts: Resource = { organisationPath: otherDistrict, unitId: 'x' };

const office = actor('committeeAdmin');
const leader = actor('leader');
const liaison = actor('unitLiaison', { unitId: 'wangcun' });
const assessor = actor('assessor', { assignedUnitIds: ['wangcun'] });

const table: Array<[string, Actor, Action, Resource, boolean]> = [
  ['安委办 records a measure in its district', office, 'enforcement.manage', otherTowns, true],
  ['安委办 not in another district', office, 'enforcement.read', otherDistricts, false],
  ['领导 reads measures', leader, 'enforcement.read', ownTowns, true],
  ['领导 records none', leader, 'enforcement.manage', ownTowns, false],
  ['联络员 records its unit\'s measures', liaison, 'enforcement.manage', ownTowns, true],
  ['联络员 reads its unit\'s measures', liaison, 'enforcement.read', ownTowns, true],
  ['联络员 not another unit\'s', liaison, 'enforcement.read', otherTowns, false],
  ['考核组 reads an assigned unit\'s measures (they are scored)', assessor, 'enforcement.read', ownTowns, true],
  ['考核组 not another unit\'s', assessor, 'enforcement.read', otherTowns, false],
  ['考核组 records none', assessor, 'enforcement.manage', ownTowns, false],
  ['系统管理员 any', actor('systemAdmin'), 'enforcement.manage', otherDistricts, true],
];

describe('can: enforcement actions', () => {
  it.each(table)('%s', (_name, who, action, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });
});

describe('listScope agrees with can for enforcement actions', () => {
  const resources = [ownTowns, otherTowns, otherDistricts];
  const inScope = (scope: ReturnType<typeof listScope>, r: Resource) =>
    scope.kind === 'all' ||
    (scope.kind === 'subtree' && r.organisationPath.startsWith(scope.path)) ||
    (scope.kind === 'units' && r.unitId != null && scope.unitIds.includes(r.unitId));
  for (const who of [actor('systemAdmin'), office, leader, assessor, liaison]) {
    for (const action of ['enforcement.read', 'enforcement.manage'] as const) {
      it(`${who.role} ${action}`, () => {
        const scope = listScope(who, action);
        for (const r of resources) expect(inScope(scope, r)).toBe(can(who, action, r));
      });
    }
  }
});
