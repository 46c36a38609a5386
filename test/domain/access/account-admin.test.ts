import { describe, expect, it } from 'vitest';
import { canGrantAccount, canManageAccount, leavesNoSystemAdmin, manageableRoles } from '../../../src/domain/access/account-admin';
import type { Actor } from '../../../src/domain/access/can';
import type { Role } from '../../../src/domain/access/roles';

const district = '/370000/370300/370306/';
const town = `${district}370306100/`;
const otherDistrict = '/370000/370300/370305/';

function actor(role: Role): Actor {
  return { accountId: 'a', role, organisationPath: district, unitId: role === 'unitLiaison' ? 'u' : null, assignedUnitIds: [] };
}

describe('account management', () => {
  it.each<[string, Role, Role, string, boolean]>([
    ['系统管理员 manages a committee admin anywhere', 'systemAdmin', 'committeeAdmin', otherDistrict, true],
    ['系统管理员 manages another system admin', 'systemAdmin', 'systemAdmin', district, true],
    ['安委办管理员 manages a liaison of its district', 'committeeAdmin', 'unitLiaison', district, true],
    ['安委办管理员 manages an assessor in a town below it', 'committeeAdmin', 'assessor', town, true],
    ['安委办管理员 manages a leader of its district', 'committeeAdmin', 'leader', district, true],
    ['安委办管理员 not another committee admin', 'committeeAdmin', 'committeeAdmin', district, false],
    ['安委办管理员 not a system admin', 'committeeAdmin', 'systemAdmin', district, false],
    ['安委办管理员 not another district’s liaison', 'committeeAdmin', 'unitLiaison', otherDistrict, false],
    ['领导 manages nobody', 'leader', 'unitLiaison', district, false],
    ['考核组成员 manages nobody', 'assessor', 'unitLiaison', district, false],
    ['单位联络员 manages nobody', 'unitLiaison', 'unitLiaison', district, false],
  ])('%s', (_name, role, target, path, expected) => {
    expect(canManageAccount(actor(role), { role: target, organisationPath: path })).toBe(expected);
    expect(canGrantAccount(actor(role), { role: target, organisationPath: path })).toBe(expected);
  });

  it('lists the roles each role may give', () => {
    expect(manageableRoles({ role: 'systemAdmin' })).toHaveLength(5);
    expect(manageableRoles({ role: 'committeeAdmin' })).toEqual(['assessor', 'unitLiaison', 'leader']);
    expect(manageableRoles({ role: 'leader' })).toEqual([]);
  });

  it.each([
    [{ role: 'systemAdmin', disabled: false }, { role: 'systemAdmin', disabled: true }, 0, true],
    [{ role: 'systemAdmin', disabled: false }, { role: 'leader', disabled: false }, 0, true],
    [{ role: 'systemAdmin', disabled: false }, { role: 'leader', disabled: false }, 1, false],
    [{ role: 'systemAdmin', disabled: false }, { role: 'systemAdmin', disabled: false }, 0, false],
    [{ role: 'systemAdmin', disabled: true }, { role: 'leader', disabled: true }, 0, false],
    [{ role: 'leader', disabled: false }, { role: 'leader', disabled: true }, 0, false],
  ] as const)('leavesNoSystemAdmin(%j → %j, others %i) = %s', (before, after, others, expected) => {
    expect(leavesNoSystemAdmin(before, after, others)).toBe(expected);
  });
});
