import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import { auditListQuerySchema, auditListSchema } from '../../../shared/schemas/audit';
import { errorResponses } from '../../../shared/schemas/error';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { listAudit } from './repository';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['审计'],
      summary: '审计记录（分页、按对象/操作人/操作/时间筛选；只含本人辖区）',
      querystring: auditListQuerySchema,
      response: { 200: auditListSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'audit.read')) throw forbidden();
    const { page, pageSize, order, ...filter } = request.query;
    const { rows, total, totalCapped } = await listAudit(ctx.db, listScope(actor, 'audit.read'), filter, { page, pageSize, order });
    return {
      items: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        unitId: r.unit_id,
        before: r.before_json == null ? null : (JSON.parse(r.before_json) as unknown),
        after: r.after_json == null ? null : (JSON.parse(r.after_json) as unknown),
        hash: r.hash,
      })),
      total,
      totalCapped,
      page,
      pageSize,
    };
  });
}
