import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { isRole } from '../../../domain/access/roles';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { assignedUnitIds, findSession, touchSession } from './repository';
import type { CachedSession, SessionCache } from './session-cache';
import { csrfHeaderName, sameToken, sessionCookieName, sessionIdOf } from './session-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
  }
}

/** Methods that change nothing: they need no CSRF token and may be answered from the session cache. */
export const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** All an account whose password an administrator set may do until it chooses its own. */
const beforePasswordChange = new Set(['GET /api/auth/session', 'POST /api/auth/logout', 'POST /api/auth/password']);
// Writing last_seen_at on every request would turn every read into a write; a minute of
// slack on a 30-minute idle timeout is immaterial.
const touchEveryMs = 60_000;

export interface AuthOptions {
  db: Kysely<DB>;
  now: () => Date;
  idleMinutes: number;
  sessions: SessionCache;
}

/**
 * preValidation hook of every authenticated route — before the body is validated, so a
 * request without a session is told 401, not 400 — resolves the session cookie to an actor,
 * expires idle sessions, and rejects cookie-authenticated writes without the CSRF token.
 */
export function makeAuthenticate(options: AuthOptions) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = request.cookies[sessionCookieName];
    if (!token) throw new AppError('unauthenticated', '请先登录。');
    const id = sessionIdOf(token);
    const safe = safeMethods.has(request.method);
    const generation = options.sessions.generation;
    const session = (safe ? options.sessions.get(id) : undefined) ?? await lookUp(options.db, id);
    if (!session) {
      reply.clearCookie(sessionCookieName, { path: '/' });
      throw new AppError('unauthenticated', '登录已失效，请重新登录。');
    }
    const now = options.now();
    const idleMs = now.getTime() - Date.parse(session.lastSeenAt);
    if (idleMs > options.idleMinutes * 60_000) {
      // The row stays until the next login's clean-up: requests already in flight with the
      // same cookie then all hear "expired", not a mix of "expired" and "not found". It can
      // never be used again, since nothing touches last_seen_at once it is idle too long.
      reply.clearCookie(sessionCookieName, { path: '/' });
      throw new AppError('session_expired', `超过 ${options.idleMinutes} 分钟未操作，登录已过期，请重新登录。`);
    }
    if (!safe) {
      const header = request.headers[csrfHeaderName];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw new AppError('csrf_rejected', '请求缺少有效的防伪令牌，请刷新页面后重试。');
      }
    }
    if (session.mustChangePassword && !beforePasswordChange.has(`${request.method} ${request.routeOptions.url}`)) {
      throw new AppError('forbidden', '管理员为您设置了密码，请先修改密码后再继续使用。');
    }
    if (idleMs > touchEveryMs) {
      await touchSession(options.db, id, now.toISOString());
      session.lastSeenAt = now.toISOString();
    }
    if (safe) options.sessions.set(id, session, generation);
    request.sessionId = id;
    request.actor = session.actor;
  };
}

async function lookUp(db: Kysely<DB>, id: string): Promise<CachedSession | undefined> {
  const row = await findSession(db, id);
  if (!row || row.disabled !== 0 || !isRole(row.role)) return undefined;
  return {
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
    mustChangePassword: row.must_change_password !== 0,
    actor: {
      accountId: row.account_id,
      role: row.role,
      organisationPath: row.organisation_path,
      unitId: row.unit_id,
      assignedUnitIds: row.role === 'assessor' ? await assignedUnitIds(db, row.account_id) : [],
    },
  };
}

/** The actor of an authenticated request (the authentication hook has run). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', '请先登录。');
  return request.actor;
}
