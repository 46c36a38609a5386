import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import { errorSchema } from '../../../shared/schemas/error';
import { organisationListSchema } from '../../../shared/schemas/organisation';
import type { OrganisationView } from '../../../shared/schemas/organisation';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { listOrganisations } from './repository';

export async function organisationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/organisations', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['组织'],
      summary: '组织树（按路径排序的扁平列表，只含本人辖区）',
      response: { 200: organisationListSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'organisation.read')) throw forbidden();
    const rows = await listOrganisations(ctx.db, listScope(actor, 'organisation.read'));
    return {
      items: rows.map((r) => ({
        id: r.id,
        parentId: r.parent_id,
        name: r.name,
        kind: r.kind as OrganisationView['kind'],
        divisionCode: r.division_code,
        version: r.version,
      })),
    };
  });
}
