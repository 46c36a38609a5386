import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../../shared/schemas/error';
import { loginBodySchema, passwordChangeResultSchema, passwordChangeSchema, sessionSchema } from '../../../shared/schemas/account';
import { AppError } from '../../app-error';
import type { AppContext } from '../../context';
import { toAccountView } from '../accounts/presenter';
import { actorOf } from './authenticate';
import { changePassword } from './change-password';
import { logIn } from './log-in';
import { deleteSession, findSession } from './repository';
import { sessionCookieName } from './session-token';

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: ctx.config.secureCookies };

  r.post('/api/auth/login', {
    schema: {
      tags: ['登录'],
      summary: '用户名密码登录，建立会话（HttpOnly Cookie）',
      body: loginBodySchema,
      response: { 200: sessionSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 423: errorSchema, 429: errorSchema },
    },
    config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const result = await logIn(ctx.db, request.body.username, request.body.password, ctx.now(), ctx.config.sessionIdleMinutes);
    reply.setCookie(sessionCookieName, result.token, cookieOptions);
    return { account: toAccountView(result.account), csrfToken: result.csrfToken };
  });

  r.get('/api/auth/session', {
    preValidation: ctx.authenticate,
    schema: { tags: ['登录'], summary: '当前会话的账户与防伪令牌', response: { 200: sessionSchema, 401: errorSchema } },
  }, async (request) => {
    actorOf(request);
    // The session may have ended since authentication (a logout on another instance while this one kept it for reads).
    const session = await findSession(ctx.db, request.sessionId!);
    if (!session) throw new AppError('unauthenticated', '登录已失效，请重新登录。');
    return {
      account: toAccountView({ ...session, id: session.account_id }),
      csrfToken: session.csrf_token,
    };
  });

  r.post('/api/auth/logout', {
    preValidation: ctx.authenticate,
    schema: { tags: ['登录'], summary: '退出登录', response: { 200: z.object({ ok: z.literal(true) }), 401: errorSchema, 403: errorSchema } },
  }, async (request, reply) => {
    await deleteSession(ctx.db, request.sessionId!);
    reply.clearCookie(sessionCookieName, { path: '/' });
    return { ok: true as const };
  });

  r.post('/api/auth/password', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['登录'],
      summary: '修改本人密码（须提供当前密码；新密码须符合强度要求；本账户的其他会话随即结束，当前会话继续）',
      body: passwordChangeSchema,
      response: { 200: passwordChangeResultSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema, 429: errorSchema },
    },
    // Guessing the current password through a stolen session is as slow as guessing it at login.
    config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
  }, async (request) => {
    await changePassword(ctx.db, actorOf(request), request.sessionId!, request.body, ctx.now());
    const session = (await findSession(ctx.db, request.sessionId!))!;
    return { account: toAccountView({ ...session, id: session.account_id }) };
  });
}
