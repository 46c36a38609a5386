import type { Kysely } from 'kysely';
import { canGrantAccount, canManageAccount, leavesNoSystemAdmin } from '../../../domain/access/account-admin';
import { can } from '../../../domain/access/can';
import type { Actor } from '../../../domain/access/can';
import type { Role } from '../../../domain/access/roles';
import type { AccountPatch, ManagedAccountView } from '../../../shared/schemas/account';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findOrganisation } from '../organisations/repository';
import { auditView, fieldMessage, toManagedAccountView } from './presenter';
import type { AccountChanges } from './repository';
import { assignmentsOf, countOtherSystemAdmins, findAccount, replaceAssignments, unitsOf, updateAccountIfVersion } from './repository';

export const staleAccount = () => new AppError('stale_version', '该账户已被他人修改，请刷新后重试。');
export const lastSystemAdmin = () => new AppError('conflict', '系统中至少要保留一个启用的系统管理员，不能停用或改变最后一个系统管理员的角色。');
const bad = (field: string, message: string) => new AppError('validation_failed', fieldMessage(field, message));

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/**
 * The account the actor is about to change, inside the transaction: another jurisdiction's
 * account is answered like a missing one; one the actor may see but not manage is 403; a
 * stale version is 409.
 */
export async function accountToManage(trx: Kysely<DB>, actor: Actor, id: string, version: number): Promise<AccountRow> {
  const row = await findAccount(trx, id);
  if (!row || !can(actor, 'account.read', { organisationPath: row.organisation_path })) throw notFound('账户');
  if (!canManageAccount(actor, { role: row.role as Role, organisationPath: row.organisation_path })) throw forbidden();
  if (row.version !== version) throw staleAccount();
  return row;
}

export async function managedView(trx: Kysely<DB>, id: string): Promise<ManagedAccountView> {
  const row = (await findAccount(trx, id))!;
  return toManagedAccountView(row, (await assignmentsOf(trx, [id])).get(id) ?? []);
}

/**
 * Edits an account's name, role, organisation, a liaison's unit or an assessor's units, with
 * optimistic concurrency. Fields that no longer fit a changed role are cleared (a liaison made
 * leader loses its unit); a combination that cannot stand is refused naming the field.
 */
export async function updateAccount(db: Kysely<DB>, actor: Actor, id: string, patch: AccountPatch, now: Date): Promise<ManagedAccountView> {
  return db.transaction().execute(async (trx) => {
    const row = await accountToManage(trx, actor, id, patch.version);
    const before = await managedView(trx, id);
    const role: Role = patch.role ?? before.role;
    const organisation = await findOrganisation(trx, patch.organisationId ?? row.organisation_id);
    if (!organisation) throw bad('organisationId', `组织“${patch.organisationId}”不存在。`);
    if (!canGrantAccount(actor, { role, organisationPath: organisation.path })) throw forbidden();

    let unitId: string | null = null;
    if (role === 'unitLiaison') {
      unitId = patch.unitId !== undefined ? patch.unitId : before.unitId;
      if (!unitId) throw bad('unitId', '单位联络员必须指定所属被考核单位。');
    } else if (patch.unitId) {
      throw bad('unitId', '只有单位联络员属于某个被考核单位。');
    }
    let assigned: string[] = [];
    if (role === 'assessor') {
      assigned = [...new Set(patch.assignedUnitIds ?? before.assignedUnitIds)];
    } else if (patch.assignedUnitIds && patch.assignedUnitIds.length > 0) {
      throw bad('assignedUnitIds', '只有考核组成员可以分配被考核单位。');
    }
    const wanted = unitId ? [unitId, ...assigned] : assigned;
    const units = await unitsOf(trx, wanted);
    const known = new Map(units.map((u) => [u.id, u.organisation_path]));
    for (const [field, ids] of [['unitId', unitId ? [unitId] : []], ['assignedUnitIds', assigned]] as const) {
      for (const unit of ids) {
        const path = known.get(unit);
        if (path === undefined) throw bad(field, `被考核单位“${unit}”不存在。`);
        if (!path.startsWith(organisation.path)) throw bad(field, `被考核单位“${unit}”不在组织“${organisation.name}”的辖区内。`);
      }
    }
    if (leavesNoSystemAdmin({ role: before.role, disabled: before.disabled }, { role, disabled: before.disabled }, await countOtherSystemAdmins(trx, id))) {
      throw lastSystemAdmin();
    }

    const changes: AccountChanges = { role, organisation_id: organisation.id, unit_id: unitId };
    if (patch.displayName !== undefined) changes.display_name = patch.displayName;
    if (!(await updateAccountIfVersion(trx, id, patch.version, changes, now.toISOString()))) throw staleAccount();
    const sameUnits = assigned.length === before.assignedUnitIds.length && assigned.every((u) => before.assignedUnitIds.includes(u));
    if (!sameUnits) await replaceAssignments(trx, id, assigned);
    const after = await managedView(trx, id);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'account.update', entityType: 'account', entityId: id,
      organisationPath: organisation.path, unitId: after.unitId,
      before: auditView(before), after: auditView(after),
    }, now);
    return after;
  });
}
