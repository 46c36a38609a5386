import type { Kysely } from 'kysely';
import { leavesNoSystemAdmin } from '../../../domain/access/account-admin';
import type { Actor } from '../../../domain/access/can';
import type { ManagedAccountView } from '../../../shared/schemas/account';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { auditView } from './presenter';
import { countOtherSystemAdmins, deleteSessionsOf, updateAccountIfVersion } from './repository';
import { accountToManage, lastSystemAdmin, managedView, staleAccount } from './update-account';

/**
 * 停用 / 启用. A disabled account cannot log in and its sessions end in the same transaction;
 * enabling also lifts a login lockout. Nobody disables their own account, and the last
 * enabled system administrator stays.
 */
export async function setAccountDisabled(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  version: number,
  disabled: boolean,
  now: Date,
): Promise<ManagedAccountView> {
  return db.transaction().execute(async (trx) => {
    const row = await accountToManage(trx, actor, id, version);
    if (disabled && id === actor.accountId) throw new AppError('conflict', '不能停用自己的账户。');
    const before = await managedView(trx, id);
    if (leavesNoSystemAdmin({ role: before.role, disabled: before.disabled }, { role: before.role, disabled }, await countOtherSystemAdmins(trx, id))) {
      throw lastSystemAdmin();
    }
    const changes = disabled ? { disabled: 1 } : { disabled: 0, failed_logins: 0, locked_until: null };
    if (!(await updateAccountIfVersion(trx, id, version, changes, now.toISOString()))) throw staleAccount();
    const sessionsEnded = disabled ? await deleteSessionsOf(trx, id) : 0;
    const after = await managedView(trx, id);
    await appendAudit(trx, {
      actorId: actor.accountId, action: disabled ? 'account.disable' : 'account.enable', entityType: 'account', entityId: id,
      organisationPath: row.organisation_path, unitId: after.unitId,
      before: auditView(before), after: { ...auditView(after), sessionsEnded },
    }, now);
    return after;
  });
}
