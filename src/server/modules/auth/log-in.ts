import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../app-error';
import { appendAudit } from '../audit/repository';
import { dummyHashPromise, verifyPassword } from './password';
import { clearFailedLogins, countFailedLogin, deleteIdleSessions, findAccountForLogin, insertSession, lockAccount } from './repository';
import { newToken, sessionIdOf } from './session-token';

/** 5 failures in a row lock the account for 15 minutes. */
export const maxFailedLogins = 5;
export const lockoutMinutes = 15;

const invalid = () => new AppError('invalid_credentials', '用户名或密码不正确。');

export interface LoggedIn {
  token: string;
  csrfToken: string;
  account: {
    id: string; username: string; display_name: string; role: string; organisation_id: string; unit_id: string | null;
    disabled: number; must_change_password: number; version: number;
  };
}

export async function logIn(db: Kysely<DB>, username: string, password: string, now: Date, idleMinutes: number): Promise<LoggedIn> {
  const account = await findAccountForLogin(db, username);
  if (!account) {
    await verifyPassword(password, await dummyHashPromise);
    throw invalid();
  }
  if (account.locked_until && account.locked_until > now.toISOString()) {
    const minutes = Math.max(1, Math.ceil((Date.parse(account.locked_until) - now.getTime()) / 60_000));
    throw new AppError('account_locked', `连续登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试。`);
  }
  const ok = await verifyPassword(password, account.password_hash);
  // Only someone who knows the password learns that the account is disabled.
  if (ok && account.disabled !== 0) throw new AppError('forbidden', '该账户已停用，不能登录。如需恢复请联系管理员。');
  if (!ok) {
    await db.transaction().execute(async (trx) => {
      const failures = await countFailedLogin(trx, account.id);
      if (failures >= maxFailedLogins) {
        const until = new Date(now.getTime() + lockoutMinutes * 60_000).toISOString();
        await lockAccount(trx, account.id, until);
        await appendAudit(trx, {
          actorId: null, action: 'account.lock', entityType: 'account', entityId: account.id,
          organisationPath: account.organisation_path, unitId: account.unit_id,
          before: null, after: { lockedUntil: until, reason: `连续 ${failures} 次登录失败` },
        }, now);
      }
    });
    throw invalid();
  }
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction().execute(async (trx) => {
    if (account.failed_logins > 0 || account.locked_until) await clearFailedLogins(trx, account.id);
    const at = now.toISOString();
    await deleteIdleSessions(trx, new Date(now.getTime() - idleMinutes * 60_000).toISOString());
    await insertSession(trx, { id: sessionIdOf(token), account_id: account.id, csrf_token: csrfToken, created_at: at, last_seen_at: at });
    await appendAudit(trx, {
      actorId: account.id, action: 'account.login', entityType: 'account', entityId: account.id,
      organisationPath: account.organisation_path, unitId: account.unit_id, before: null, after: null,
    }, now);
  });
  return { token, csrfToken, account };
}
