import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { passwordProblem } from '../../../domain/access/password-policy';
import type { ManagedAccountView } from '../../../shared/schemas/account';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { hashPassword } from '../auth/password';
import { temporaryPasswordFor } from './create-account';
import { auditView, fieldMessage } from './presenter';
import { deleteSessionsOf, updateAccountIfVersion } from './repository';
import { accountToManage, managedView, staleAccount } from './update-account';

/**
 * An administrator sets a new password for someone who lost theirs: the given one (strength
 * checked) or a generated one returned only in this answer. The user must change it at the
 * next login; every session of the account ends; a login lockout is lifted. The audit record
 * notes the reset, never the password.
 */
export async function resetPassword(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: { version: number; password?: string | undefined },
  now: Date,
): Promise<{ account: ManagedAccountView; temporaryPassword: string | null }> {
  if (id === actor.accountId) {
    throw new AppError('validation_failed', '不能为自己重置密码，请使用右上角的“修改密码”。');
  }
  // Checked before the slow hash (and again in the transaction): another jurisdiction's
  // account is not found, whatever the body says.
  const target = await accountToManage(db, actor, id, input.version);
  let password = input.password || null;
  if (password) {
    const problem = passwordProblem(password, target.username);
    if (problem) throw new AppError('validation_failed', fieldMessage('password', problem));
  }
  const temporaryPassword = password ? null : temporaryPasswordFor(target.username);
  password ??= temporaryPassword!;
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await accountToManage(trx, actor, id, input.version);
    // The strength rule was checked against this user name (user names never change).
    if (row.username !== target.username) throw staleAccount();
    const before = await managedView(trx, id);
    const changes = { password_hash: hash, must_change_password: 1, failed_logins: 0, locked_until: null };
    if (!(await updateAccountIfVersion(trx, id, input.version, changes, now.toISOString()))) throw staleAccount();
    const sessionsEnded = await deleteSessionsOf(trx, id);
    const after = await managedView(trx, id);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'account.password_reset', entityType: 'account', entityId: id,
      organisationPath: row.organisation_path, unitId: after.unitId,
      before: auditView(before), after: { ...auditView(after), generated: temporaryPassword !== null, sessionsEnded },
    }, now);
    return { account: after, temporaryPassword };
  });
}
