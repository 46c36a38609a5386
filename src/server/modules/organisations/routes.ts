import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import { errorResponses } from '../../../shared/schemas/error';
import { organisationListQuerySchema, organisationListSchema } from '../../../shared/schemas/organisation';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { toOrganisationView } from './presenter';
import { listOrganisations } from './repository';

export async function organisationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/organisations', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['组织'],
      summary: '组织列表（分页、按类型/上级/名称筛选、排序；只含本人辖区）。all=true 时不分页，按树的顺序返回全部，供组织树使用',
      querystring: organisationListQuerySchema,
      response: { 200: organisationListSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'organisation.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listOrganisations(ctx.db, listScope(actor, 'organisation.read'), q);
    // The whole tree is one page: page 1 of `total` rows.
    const page = q.all ? { page: 1, pageSize: Math.max(total, 1) } : { page: q.page, pageSize: q.pageSize };
    return { items: rows.map(toOrganisationView), total, ...page };
  });
}
