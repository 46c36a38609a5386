import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import {
  enforcementCreateSchema, enforcementDetailSchema, enforcementListQuerySchema, enforcementListSchema, enforcementParamsSchema,
  enforcementSchema, enforcementStepSchema,
} from '../../../shared/schemas/enforcement';
import { errorResponses } from '../../../shared/schemas/error';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { getMeasure } from './get-measure';
import { openMeasure } from './open-measure';
import { toEnforcementView } from './presenter';
import { recordMeasureStep } from './record-measure-step';
import { listMeasures } from './repository';

const tags = ['执法措施'];

export async function enforcementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/enforcement-measures', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '采取执法措施：类型、法律依据、是否紧急情况当场实施、所针对的隐患', body: enforcementCreateSchema, response: { 201: enforcementSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await openMeasure(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/enforcement-measures/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一项执法措施：已记录的步骤、法定期限及其状态、到期提醒、下一步可记录的步骤', params: enforcementParamsSchema, response: { 200: enforcementDetailSchema, ...errorResponses } },
  }, async (request) => getMeasure(ctx.db, actorOf(request), request.params.id, ctx.now()));

  r.post('/api/enforcement-measures/:id/steps', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '记录一个程序步骤（按法定顺序；带 version）', params: enforcementParamsSchema, body: enforcementStepSchema, response: { 200: enforcementDetailSchema, ...errorResponses } },
  }, async (request) => recordMeasureStep(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.get('/api/enforcement-measures', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '执法措施台账（按企业、镇街或部门、类型、是否结束、是否逾期筛选；分页）', querystring: enforcementListQuerySchema, response: { 200: enforcementListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'enforcement.read')) throw forbidden();
    const q = request.query;
    const now = ctx.now();
    const { rows, total } = await listMeasures(ctx.db, listScope(actor, 'enforcement.read'), q, now.toISOString());
    return { items: rows.map((row) => toEnforcementView(row, now)), total, page: q.page, pageSize: q.pageSize };
  });
}
