import { describe, expect, it } from 'vitest';
import { can, listScope } from '../../../src/domain/access/can';
import type { Action, Actor, Resource } from '../../../src/domain/access/can';
import type { Role } from '../../../src/domain/access/roles';

// 举报 (docs/ledgers.md §6): a tip is seen by the committee office and by the unit it is assigned to.
const district = '/370000/370300/370306/';
const otherDistrict = '/370000/370300/370302/';

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return { accountId: 'a', role, organisationPath: district, unitId: null, assignedUnitIds: [], ...extra };
}

const assignedTip: Resource = { organisationPath: district, unitId: 'wangcun' };
const otherUnitsTip: Resource = { organisationPath: district, unitId: 'nanjiao' };
const unassignedTip: Resource = { organisationPath: district, unitId: null };
const otherDistrictTip: Resource = { organisationPath: otherDistrict, unitId: 'x' };

const office = actor('committeeAdmin');
const leader = actor('leader');
const liaison = actor('unitLiaison', { unitId: 'wangcun' });
const assessor = actor('assessor', { assignedUnitIds: ['wangcun'] });

const table: Array<[string, Actor, Action, Resource, boolean]> = [
  ['安委办 reads a tip of its district', office, 'tip.read', assignedTip, true],
  ['安委办 reads a tip not yet assigned', office, 'tip.read', unassignedTip, true],
  ['安委办 manages (assigns, rewards) a tip', office, 'tip.manage', otherUnitsTip, true],
  ['安委办 not another district\'s tip', office, 'tip.read', otherDistrictTip, false],
  ['领导 reads tips', leader, 'tip.read', assignedTip, true],
  ['领导 does not manage them', leader, 'tip.manage', assignedTip, false],
  ['联络员 reads a tip assigned to its unit', liaison, 'tip.read', assignedTip, true],
  ['联络员 verifies and answers it', liaison, 'tip.manage', assignedTip, true],
  ['联络员 not a tip assigned to another unit', liaison, 'tip.read', otherUnitsTip, false],
  ['联络员 not an unassigned tip', liaison, 'tip.read', unassignedTip, false],
  ['联络员 cannot manage another unit\'s tip', liaison, 'tip.manage', otherUnitsTip, false],
  ['考核组 never sees tips, even of an assigned unit', assessor, 'tip.read', assignedTip, false],
  ['考核组 does not manage them', assessor, 'tip.manage', assignedTip, false],
  ['系统管理员 any tip', actor('systemAdmin'), 'tip.read', otherDistrictTip, true],
];

describe('can: tip actions', () => {
  it.each(table)('%s', (_name, who, action, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });
});

describe('listScope agrees with can for tip actions', () => {
  const resources = [assignedTip, otherUnitsTip, unassignedTip, otherDistrictTip];
  const actors = [actor('systemAdmin'), office, leader, assessor, liaison];
  const inScope = (scope: ReturnType<typeof listScope>, r: Resource) =>
    scope.kind === 'all' ||
    (scope.kind === 'subtree' && r.organisationPath.startsWith(scope.path)) ||
    (scope.kind === 'units' && r.unitId != null && scope.unitIds.includes(r.unitId));
  for (const who of actors) {
    for (const action of ['tip.read', 'tip.manage'] as const) {
      it(`${who.role} ${action}`, () => {
        const scope = listScope(who, action);
        for (const r of resources) expect(inScope(scope, r)).toBe(can(who, action, r));
      });
    }
  }
});
