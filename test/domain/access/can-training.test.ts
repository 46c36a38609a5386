import { describe, expect, it } from 'vitest';
import { can, listScope } from '../../../src/domain/access/can';
import type { Action, Actor, Resource } from '../../../src/domain/access/can';
import type { Role } from '../../../src/domain/access/roles';

// 培训覆盖 and 专项行动 (docs/ledgers.md §7): a person's certificates belong to the enterprise's town
// and regulating department (the server asks for either unit); a special campaign is planned by
// the office and read by each unit with tasks in it (the server asks for each such unit), which
// reports its own progress.
const district = '/370000/370300/370306/';
const otherDistrict = '/370000/370300/370302/';

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return { accountId: 'a', role, organisationPath: district, unitId: null, assignedUnitIds: [], ...extra };
}

const ownTowns: Resource = { organisationPath: district, unitId: 'wangcun' };
const otherTowns: Resource = { organisationPath: district, unitId: 'nanjiao' };
const districtWide: Resource = { organisationPath: district, unitId: null };
const otherDistricts: Resource = { organisationPath: otherDistrict, unitId: 'x' };

const office = actor('committeeAdmin');
const leader = actor('leader');
const liaison = actor('unitLiaison', { unitId: 'wangcun' });
const assessor = actor('assessor', { assignedUnitIds: ['wangcun'] });

const table: Array<[string, Actor, Action, Resource, boolean]> = [
  ['安委办 keeps any unit\'s training register', office, 'training.manage', otherTowns, true],
  ['安委办 keeps district-wide sessions', office, 'training.manage', districtWide, true],
  ['安委办 not in another district', office, 'training.read', otherDistricts, false],
  ['领导 reads the register', leader, 'training.read', ownTowns, true],
  ['领导 changes nothing', leader, 'training.manage', ownTowns, false],
  ['联络员 keeps its unit\'s register', liaison, 'training.manage', ownTowns, true],
  ['联络员 not another unit\'s', liaison, 'training.read', otherTowns, false],
  ['联络员 not district-wide records', liaison, 'training.read', districtWide, false],
  ['考核组 reads an assigned unit\'s register (coverage is scored)', assessor, 'training.read', ownTowns, true],
  ['考核组 not another unit\'s', assessor, 'training.read', otherTowns, false],
  ['考核组 changes nothing', assessor, 'training.manage', ownTowns, false],
  ['安委办 plans special campaigns', office, 'specialCampaign.manage', districtWide, true],
  ['安委办 reports for any unit', office, 'specialCampaign.report', otherTowns, true],
  ['安委办 not another district\'s campaigns', office, 'specialCampaign.read', otherDistricts, false],
  ['领导 reads campaigns', leader, 'specialCampaign.read', districtWide, true],
  ['领导 reads a unit\'s tasks', leader, 'specialCampaign.read', ownTowns, true],
  ['领导 neither plans nor reports', leader, 'specialCampaign.report', ownTowns, false],
  ['联络员 reads its unit\'s tasks', liaison, 'specialCampaign.read', ownTowns, true],
  ['联络员 reports its own progress', liaison, 'specialCampaign.report', ownTowns, true],
  ['联络员 not another unit\'s tasks', liaison, 'specialCampaign.read', otherTowns, false],
  ['联络员 not reporting for another unit', liaison, 'specialCampaign.report', otherTowns, false],
  ['联络员 does not plan campaigns', liaison, 'specialCampaign.manage', ownTowns, false],
  ['考核组 no campaigns', assessor, 'specialCampaign.read', ownTowns, false],
  ['系统管理员 any', actor('systemAdmin'), 'specialCampaign.manage', otherDistricts, true],
];

describe('can: training and special campaign actions', () => {
  it.each(table)('%s', (_name, who, action, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });
});

describe('listScope agrees with can for training and special campaign actions', () => {
  const resources = [ownTowns, otherTowns, districtWide, otherDistricts];
  const inScope = (scope: ReturnType<typeof listScope>, r: Resource) =>
    scope.kind === 'all' ||
    (scope.kind === 'subtree' && r.organisationPath.startsWith(scope.path)) ||
    (scope.kind === 'units' && r.unitId != null && scope.unitIds.includes(r.unitId));
  const actions = ['training.read', 'training.manage', 'specialCampaign.read', 'specialCampaign.manage', 'specialCampaign.report'] as const;
  for (const who of [actor('systemAdmin'), office, leader, assessor, liaison]) {
    for (const action of actions) {
      it(`${who.role} ${action}`, () => {
        const scope = listScope(who, action);
        for (const r of resources) expect(inScope(scope, r)).toBe(can(who, action, r));
      });
    }
  }
});
