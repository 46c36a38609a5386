import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import { accountListQuerySchema, accountListSchema } from '../../../shared/schemas/account';
import { errorResponses } from '../../../shared/schemas/error';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { toAccountView } from './presenter';
import { listAccounts } from './repository';

export async function accountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/accounts', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['账户'],
      summary: '账户列表（分页、按角色/组织/名称筛选、排序；只含本人辖区）',
      querystring: accountListQuerySchema,
      response: { 200: accountListSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'account.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listAccounts(ctx.db, listScope(actor, 'account.read'), q);
    return { items: rows.map(toAccountView), total, page: q.page, pageSize: q.pageSize };
  });
}
