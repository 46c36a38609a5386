import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { passwordProblem } from '../../../domain/access/password-policy';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { fieldMessage } from '../accounts/presenter';
import { appendAudit } from '../audit/repository';
import { hashPassword, verifyPassword } from './password';
import { deleteOtherSessions, findPasswordOf, replacePassword } from './repository';

/**
 * The signed-in user changes their own password: the current one is required, the new one
 * must meet the strength rule and differ from it. The user's other sessions end (a session
 * someone else opened with the old password stops working); this one continues. Clears the
 * must-change flag set by an administrator. The audit record never holds either password.
 */
export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<void> {
  const account = await findPasswordOf(db, actor.accountId);
  if (!account) throw new AppError('unauthenticated', '登录已失效，请重新登录。');
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
    throw new AppError('validation_failed', '当前密码不正确。');
  }
  const problem = passwordProblem(input.newPassword, account.username);
  if (problem) throw new AppError('validation_failed', fieldMessage('newPassword', problem));
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_failed', '新密码不能与当前密码相同。');
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    if (!(await replacePassword(trx, account.id, account.password_hash, hash, now.toISOString()))) {
      throw new AppError('conflict', '密码刚刚被修改过，请重新登录后再试。');
    }
    const sessionsEnded = await deleteOtherSessions(trx, account.id, sessionId);
    await appendAudit(trx, {
      actorId: account.id, action: 'account.password_change', entityType: 'account', entityId: account.id,
      organisationPath: account.organisation_path, unitId: account.unit_id,
      before: null, after: { sessionsEnded },
    }, now);
  });
}
