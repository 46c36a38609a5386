import { can } from './can';
import type { Actor } from './can';
import { roles } from './roles';
import type { Role } from './roles';

/**
 * Who manages whose account. A 系统管理员 manages every account and gives every role. A
 * 安委办管理员 manages the accounts of its organisation's subtree for the roles below it
 * (考核组成员, 单位联络员, 领导): never another 安委办管理员 or a 系统管理员, and it cannot raise
 * anyone to those roles. Nobody else manages accounts (`can` refuses them 'account.update').
 */
const belowCommitteeAdmin: readonly Role[] = ['assessor', 'unitLiaison', 'leader'];

/** The roles the actor may give, and whose holders it may manage. */
export function manageableRoles(actor: Pick<Actor, 'role'>): readonly Role[] {
  switch (actor.role) {
    case 'systemAdmin':
      return roles;
    case 'committeeAdmin':
      return belowCommitteeAdmin;
    default:
      return [];
  }
}

/** An account as far as authorization is concerned: its role and where it sits in the tree. */
export interface ManagedAccount {
  role: Role;
  organisationPath: string;
}

/** May the actor change this account (edit, disable, enable, reset its password)? */
export function canManageAccount(actor: Actor, account: ManagedAccount): boolean {
  return manageableRoles(actor).includes(account.role)
    && can(actor, 'account.update', { organisationPath: account.organisationPath });
}

/** May the actor create (or move an account to) this role at this place in the tree? */
export function canGrantAccount(actor: Actor, account: ManagedAccount): boolean {
  return manageableRoles(actor).includes(account.role)
    && can(actor, 'account.create', { organisationPath: account.organisationPath });
}

/**
 * At least one enabled 系统管理员 must remain: a change that would leave none is refused.
 * `others` counts the enabled system administrators other than the account being changed.
 */
export function leavesNoSystemAdmin(before: { role: Role; disabled: boolean }, after: { role: Role; disabled: boolean }, others: number): boolean {
  const was = before.role === 'systemAdmin' && !before.disabled;
  const is = after.role === 'systemAdmin' && !after.disabled;
  return was && !is && others === 0;
}
