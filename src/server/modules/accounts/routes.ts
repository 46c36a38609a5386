import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { manageableRoles } from '../../../domain/access/account-admin';
import { canList, listScope } from '../../../domain/access/can';
import {
  accountCreatedSchema, accountCreateSchema, accountListQuerySchema, accountListSchema, accountParamsSchema,
  accountPatchSchema, accountVersionSchema, managedAccountSchema, passwordResetResultSchema, passwordResetSchema,
} from '../../../shared/schemas/account';
import { errorResponses } from '../../../shared/schemas/error';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { createAccountBy } from './create-account';
import { toManagedAccountView } from './presenter';
import { assignmentsOf, listAccounts } from './repository';
import { resetPassword } from './reset-password';
import { setAccountDisabled } from './set-account-disabled';
import { updateAccount } from './update-account';

export async function accountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Roles that manage no accounts hear 403 before their body is looked at.
  const managers = async (request: FastifyRequest) => {
    if (manageableRoles(actorOf(request)).length === 0) throw forbidden();
  };
  const manage = [ctx.authenticate, managers];

  r.get('/api/accounts', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['账户'],
      summary: '账户列表（分页、按角色/组织/状态/名称筛选、排序；只含本人辖区）',
      querystring: accountListQuerySchema,
      response: { 200: accountListSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'account.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listAccounts(ctx.db, listScope(actor, 'account.read'), q);
    const assigned = await assignmentsOf(ctx.db, rows.filter((row) => row.role === 'assessor').map((row) => row.id));
    return { items: rows.map((row) => toManagedAccountView(row, assigned.get(row.id) ?? [])), total, page: q.page, pageSize: q.pageSize };
  });

  r.post('/api/accounts', {
    preValidation: manage,
    schema: {
      tags: ['账户'],
      summary: '新建账户（系统管理员：任意角色；安委办管理员：本辖区的考核组成员、单位联络员、领导）。不填密码时生成一个，只返回这一次；用户首次登录须修改密码',
      body: accountCreateSchema,
      response: { 201: accountCreatedSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    return reply.code(201).send(await createAccountBy(ctx.db, actorOf(request), request.body, ctx.now()));
  });

  r.patch('/api/accounts/:id', {
    preValidation: manage,
    schema: {
      tags: ['账户'],
      summary: '修改账户：姓名、角色、所属组织、联络员的单位、考核组成员的单位（带 version；版本过期返回 409）',
      params: accountParamsSchema,
      body: accountPatchSchema,
      response: { 200: managedAccountSchema, ...errorResponses },
    },
  }, async (request) => updateAccount(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.post('/api/accounts/:id/disable', {
    preValidation: manage,
    schema: {
      tags: ['账户'],
      summary: '停用账户：不能再登录，已有会话立即结束（带 version）',
      params: accountParamsSchema,
      body: accountVersionSchema,
      response: { 200: managedAccountSchema, ...errorResponses },
    },
  }, async (request) => setAccountDisabled(ctx.db, actorOf(request), request.params.id, request.body.version, true, ctx.now()));

  r.post('/api/accounts/:id/enable', {
    preValidation: manage,
    schema: {
      tags: ['账户'],
      summary: '启用账户（同时解除登录锁定；带 version）',
      params: accountParamsSchema,
      body: accountVersionSchema,
      response: { 200: managedAccountSchema, ...errorResponses },
    },
  }, async (request) => setAccountDisabled(ctx.db, actorOf(request), request.params.id, request.body.version, false, ctx.now()));

  r.post('/api/accounts/:id/reset-password', {
    preValidation: manage,
    schema: {
      tags: ['账户'],
      summary: '管理员重置密码：用户下次登录须先修改密码，已有会话全部结束。不填密码时生成一个，只返回这一次',
      params: accountParamsSchema,
      body: passwordResetSchema,
      response: { 200: passwordResetResultSchema, ...errorResponses },
    },
  }, async (request) => resetPassword(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));
}
