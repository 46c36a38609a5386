import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import { errorResponses } from '../../../shared/schemas/error';
import { expertCreateSchema, expertListQuerySchema, expertListSchema, expertParamsSchema, expertSchema, expertUpdateSchema } from '../../../shared/schemas/expert';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { createExpert } from './create-expert';
import { getExpert } from './get-expert';
import { toExpertView } from './presenter';
import { listExperts } from './repository';
import { updateExpert } from './update-expert';

const tags = ['专家库'];

export async function expertRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/experts', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '专家入库（专业、级别、职称、工作单位、利害关系、不能参加的期间）', body: expertCreateSchema, response: { 201: expertSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createExpert(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/experts', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '专家库（按专业、级别、是否在库筛选；分页，按姓名排序）', querystring: expertListQuerySchema, response: { 200: expertListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'expert.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listExperts(ctx.db, listScope(actor, 'expert.read'), q);
    return { items: rows.map(toExpertView), total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/api/experts/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一名专家', params: expertParamsSchema, response: { 200: expertSchema, ...errorResponses } },
  }, async (request) => getExpert(ctx.db, actorOf(request), request.params.id));

  r.patch('/api/experts/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '修改专家信息（带 version；停用、工作单位变动、不能参加的期间）', params: expertParamsSchema, body: expertUpdateSchema, response: { 200: expertSchema, ...errorResponses } },
  }, async (request) => updateExpert(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));
}
