import { describe, expect, it } from 'vitest';
import { can, listScope } from '../../../src/domain/access/can';
import type { Action, Actor, Resource } from '../../../src/domain/access/can';
import type { Role } from '../../../src/domain/access/roles';

// The workflow actions added for issue 4: who may read a campaign, run it, score, object, register accidents.
const district = '/370000/370300/370306/';
const otherDistrict = '/370000/370300/370302/';

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return { accountId: 'a', role, organisationPath: district, unitId: null, assignedUnitIds: [], ...extra };
}

const campaign: Resource = { organisationPath: district };
const otherCampaign: Resource = { organisationPath: otherDistrict };
const ownUnit: Resource = { organisationPath: district, unitId: 'wangcun' };
const assignedUnit: Resource = { organisationPath: district, unitId: 'beijiao' };
const otherUnit: Resource = { organisationPath: district, unitId: 'nanjiao' };

const liaison = actor('unitLiaison', { unitId: 'wangcun' });
const assessor = actor('assessor', { assignedUnitIds: ['beijiao'] });
const office = actor('committeeAdmin');
const leader = actor('leader');

const table: Array<[string, Actor, Action, Resource, boolean]> = [
  ['联络员 reads the names of its district\'s units (单位名录)', liaison, 'unit.directory', otherUnit, true],
  ['联络员 not another unit\'s data', liaison, 'unit.read', otherUnit, false],
  ['联络员 not another district\'s names', liaison, 'unit.directory', { organisationPath: otherDistrict, unitId: 'x' }, false],
  ['考核组 reads the names of its district\'s units', assessor, 'unit.directory', otherUnit, true],
  ['领导 reads the names', leader, 'unit.directory', otherUnit, true],
  ['安委办 runs a campaign of its district', office, 'campaign.manage', campaign, true],
  ['安委办 not another district', office, 'campaign.manage', otherCampaign, false],
  ['安委办 scores as the team', office, 'score.team', otherUnit, true],
  ['安委办 registers accidents', office, 'accident.record', campaign, true],
  ['领导 reads the campaign and its results', leader, 'result.read', campaign, true],
  ['领导 reads accidents', leader, 'accident.read', campaign, true],
  ['领导 does not run it', leader, 'campaign.manage', campaign, false],
  ['领导 does not score', leader, 'score.team', ownUnit, false],
  ['考核组 sees the campaign', assessor, 'campaign.read', campaign, true],
  ['考核组 not another district\'s campaign', assessor, 'campaign.read', otherCampaign, false],
  ['考核组 scores an assigned unit', assessor, 'score.team', assignedUnit, true],
  ['考核组 not an unassigned unit', assessor, 'score.team', otherUnit, false],
  ['考核组 reads an assigned unit\'s trace', assessor, 'result.read', assignedUnit, true],
  ['考核组 not the whole results table', assessor, 'result.read', campaign, false],
  ['考核组 does not self-assess', assessor, 'score.self', assignedUnit, false],
  ['考核组 does not run the campaign', assessor, 'campaign.manage', campaign, false],
  ['联络员 sees the campaign', liaison, 'campaign.read', campaign, true],
  ['联络员 self-assesses its unit', liaison, 'score.self', ownUnit, true],
  ['联络员 not another unit', liaison, 'score.self', otherUnit, false],
  ['联络员 does not team-score', liaison, 'score.team', ownUnit, false],
  ['联络员 objects for its unit', liaison, 'objection.file', ownUnit, true],
  ['联络员 not for another unit', liaison, 'objection.file', otherUnit, false],
  ['联络员 reads its own trace', liaison, 'result.read', ownUnit, true],
  ['联络员 not the whole table', liaison, 'result.read', campaign, false],
  ['联络员 no accident register', liaison, 'accident.read', campaign, false],
  ['联络员 reports its unit\'s monthly figures', liaison, 'report.submit', ownUnit, true],
  ['联络员 not another unit\'s', liaison, 'report.submit', otherUnit, false],
  ['考核组 does not report', assessor, 'report.submit', assignedUnit, false],
  ['领导 does not report', leader, 'report.submit', ownUnit, false],
  ['联络员 confirms or disputes its unit\'s scores', liaison, 'result.respond', ownUnit, true],
  ['联络员 not another unit\'s', liaison, 'result.respond', otherUnit, false],
  ['考核组 does not answer for the unit', assessor, 'result.respond', assignedUnit, false],
];

describe('can: workflow actions', () => {
  it.each(table)('%s', (_name, who, action, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });
});

describe('listScope agrees with can for workflow actions', () => {
  const resources = [campaign, otherCampaign, ownUnit, assignedUnit, otherUnit];
  const actors = [actor('systemAdmin'), office, leader, assessor, liaison];
  const inScope = (scope: ReturnType<typeof listScope>, r: Resource) =>
    scope.kind === 'all' ||
    (scope.kind === 'subtree' && r.organisationPath.startsWith(scope.path)) ||
    (scope.kind === 'units' && r.unitId != null && scope.unitIds.includes(r.unitId));
  for (const who of actors) {
    for (const action of ['campaign.read', 'accident.read'] as const) {
      it(`${who.role} ${action}`, () => {
        const scope = listScope(who, action);
        for (const r of resources) expect(inScope(scope, r)).toBe(can(who, action, r));
      });
    }
  }
});
