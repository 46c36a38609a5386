import { describe, expect, it } from 'vitest';
import { can, listScope } from '../../../src/domain/access/can';
import type { Action, Actor, Resource } from '../../../src/domain/access/can';
import type { Role } from '../../../src/domain/access/roles';

// 专家库 and 检查 (docs/ledgers.md §5). An expert is a resource of the organisation (no unit); an
// inspection is checked, like its enterprise, against its town and its regulating department.
const district = '/370000/370300/370306/';
const otherDistrict = '/370000/370300/370302/';

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return { accountId: 'a', role, organisationPath: district, unitId: null, assignedUnitIds: [], ...extra };
}

const expert: Resource = { organisationPath: district, unitId: null };
const otherDistrictExpert: Resource = { organisationPath: otherDistrict, unitId: null };
const byTown: Resource = { organisationPath: district, unitId: 'wangcun' };
const byDept: Resource = { organisationPath: district, unitId: 'zhujian' };
const otherTown: Resource = { organisationPath: district, unitId: 'nanjiao' };
const otherDistrictInspection: Resource = { organisationPath: otherDistrict, unitId: 'x' };

const office = actor('committeeAdmin');
const leader = actor('leader');
const town = actor('unitLiaison', { unitId: 'wangcun' });
const dept = actor('unitLiaison', { unitId: 'zhujian' });
const assessor = actor('assessor', { assignedUnitIds: ['wangcun'] });
const sysadmin = actor('systemAdmin');

const table: Array<[string, Actor, Action, Resource, boolean]> = [
  ['安委办 reads the pool', office, 'expert.read', expert, true],
  ['安委办 keeps the pool', office, 'expert.manage', expert, true],
  ['安委办 not another district\'s pool', office, 'expert.read', otherDistrictExpert, false],
  ['系统管理员 keeps any pool', sysadmin, 'expert.manage', otherDistrictExpert, true],
  ['领导 does not read the pool (personal data)', leader, 'expert.read', expert, false],
  ['联络员 does not read the pool', town, 'expert.read', expert, false],
  ['联络员 does not keep the pool', town, 'expert.manage', expert, false],
  ['考核组 does not read the pool', assessor, 'expert.read', expert, false],
  ['安委办 reads an inspection', office, 'inspection.read', byTown, true],
  ['安委办 plans and records one', office, 'inspection.manage', byTown, true],
  ['安委办 not another district\'s', office, 'inspection.read', otherDistrictInspection, false],
  ['领导 reads inspections', leader, 'inspection.read', byTown, true],
  ['领导 does not manage them', leader, 'inspection.manage', byTown, false],
  ['镇 liaison reads its enterprise\'s inspection', town, 'inspection.read', byTown, true],
  ['镇 liaison records it', town, 'inspection.manage', byTown, true],
  ['部门 liaison reads its enterprise\'s inspection', dept, 'inspection.read', byDept, true],
  ['部门 liaison records it', dept, 'inspection.manage', byDept, true],
  ['联络员 not another town\'s', town, 'inspection.read', otherTown, false],
  ['联络员 cannot manage another town\'s', town, 'inspection.manage', otherTown, false],
  ['考核组 never reads inspections, even of an assigned unit', assessor, 'inspection.read', byTown, false],
  ['考核组 does not manage them', assessor, 'inspection.manage', byTown, false],
  ['系统管理员 any inspection', sysadmin, 'inspection.manage', otherDistrictInspection, true],
];

describe('can: expert and inspection actions', () => {
  it.each(table)('%s', (_name, who, action, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });
});

describe('listScope agrees with can for expert and inspection actions', () => {
  const resources = [expert, otherDistrictExpert, byTown, byDept, otherTown, otherDistrictInspection];
  const actors = [sysadmin, office, leader, assessor, town, dept];
  const inScope = (scope: ReturnType<typeof listScope>, r: Resource) =>
    scope.kind === 'all' ||
    (scope.kind === 'subtree' && r.organisationPath.startsWith(scope.path)) ||
    (scope.kind === 'units' && r.unitId != null && scope.unitIds.includes(r.unitId));
  for (const who of actors) {
    for (const action of ['expert.read', 'expert.manage', 'inspection.read', 'inspection.manage'] as const) {
      it(`${who.role}${who.unitId ? `(${who.unitId})` : ''} ${action}`, () => {
        const scope = listScope(who, action);
        for (const r of resources) expect(inScope(scope, r)).toBe(can(who, action, r));
      });
    }
  }
});
