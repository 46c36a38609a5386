import { describe, expect, test } from 'vitest';
import type { AccountView } from '../../src/shared/schemas/account';
import type { TeamView } from '../../src/shared/schemas/team';
import {
  leaderProblem, maySeeAllTeams, teamBody, teamFormProblem, teamMessage, unassignedUnits, unitOwners,
} from '../../src/web/pages/teams/teams-view';

const team = (id: string, name: string, leaderId: string | null, memberIds: string[], unitIds: string[]): TeamView => ({
  id, campaignId: 'c', name, leaderId, leaderName: leaderId, version: 1, updatedAt: '2014-01-01T00:00:00.000Z',
  members: memberIds.map((m) => ({ accountId: m, displayName: m, isLeader: m === leaderId })),
  units: unitIds.map((u) => ({ unitId: u, name: u })),
});

describe('the 考核组 page', () => {
  const units = ['a', 'b', 'c', 'd'].map((u) => ({ unitId: u, name: `单位${u}` }));
  const teams = [team('t1', '第一考核组', 'x', ['x', 'y'], ['a', 'c']), team('t2', '第二考核组', null, [], ['d'])];

  test('which team has each unit, and the units without a team in campaign order', () => {
    expect(unitOwners(teams).get('c')).toEqual({ teamId: 't1', teamName: '第一考核组' });
    expect(unitOwners(teams).has('b')).toBe(false);
    expect(unassignedUnits(units, teams).map((u) => u.unitId)).toEqual(['b']);
    expect(unassignedUnits(units, []).map((u) => u.unitId)).toEqual(['a', 'b', 'c', 'd']);
  });

  test.each([
    ['a staffed team with its leader', team('t', '组', 'x', ['x', 'y'], []), null],
    ['members but no leader (copied, leader left out)', team('t', '组', null, ['y'], []), 'noLeader'],
    ['the leader\'s account disabled since', team('t', '组', 'z', ['z', 'y'], []), 'leaderDisabled'],
    ['formed but not yet staffed', team('t', '组', null, [], []), 'noMembers'],
  ] as const)('leader problem: %s', (_name, t, expected) => {
    expect(leaderProblem(t, new Set(['z']))).toBe(expected);
  });

  test.each([
    ['members without a leader', { memberIds: ['x'] }, { field: 'leaderId', message: '考核组有组员时须指定组长' }],
    ['a disabled member kept', { memberIds: ['x', 'z'], leaderId: 'x' }, { field: 'memberIds', message: '张三的账号已停用，请移出本组' }],
    ['a disabled leader', { memberIds: [], leaderId: 'z' }, { field: 'leaderId', message: '张三的账号已停用，请另选组长' }],
    ['no members, no leader', { memberIds: [] }, null],
    ['members and their leader', { memberIds: ['x', 'y'], leaderId: 'y' }, null],
  ] as const)('form check: %s', (_name, values, expected) => {
    expect(teamFormProblem({ ...values, memberIds: [...values.memberIds] }, new Map([['z', '张三']]))).toEqual(expected);
  });

  test('the body puts the leader among the members and trims the name', () => {
    expect(teamBody({ name: ' 第四考核组 ', leaderId: 'x', memberIds: ['y'] })).toEqual({ name: '第四考核组', leaderId: 'x', memberIds: ['x', 'y'] });
    expect(teamBody({ name: '组', leaderId: 'x', memberIds: ['y', 'x'] }).memberIds).toEqual(['y', 'x']);
    expect(teamBody({ name: '组', leaderId: undefined })).toEqual({ name: '组', leaderId: null, memberIds: [] });
  });

  test('refusals read without codes', () => {
    expect(teamMessage('组员中的“李四”账号已停用。')).toBe('组员中的“李四”账号已停用。');
    expect(teamMessage('请求体字段“name”：请填写考核组名称')).toBe('考核组名称：请填写考核组名称');
    expect(teamMessage('该考核组已被他人修改，请刷新后重试。')).toBe('该考核组已被他人修改，请刷新后重试。');
  });

  test.each([
    ['committeeAdmin', true], ['systemAdmin', true], ['leader', true], ['assessor', false], ['unitLiaison', false],
  ] as const)('%s sees every team: %s', (role, expected) => {
    const account: AccountView = { id: 'a', username: 'u', displayName: 'u', role, organisationId: 'o', unitId: role === 'unitLiaison' ? 'u1' : null, disabled: false, mustChangePassword: false, version: 1 };
    expect(maySeeAllTeams(account)).toBe(expected);
  });
});
