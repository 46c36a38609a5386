import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../shared/schemas/error';
import { tipAssignSchema, tipCreateSchema, tipParamsSchema, tipSchema } from '../../../shared/schemas/tip';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { assignTip } from './assign-tip';
import { getTip } from './get-tip';
import { receiveTip } from './receive-tip';

const tags = ['举报'];

export async function tipRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/tips', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '受理举报（举报电话、网上举报、信件；可匿名）', body: tipCreateSchema, response: { 201: tipSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await receiveTip(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/tips/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一件举报：受理、期限和答复状态（举报人身份仅安委办可见）', params: tipParamsSchema, response: { 200: tipSchema, ...errorResponses } },
  }, async (request) => getTip(ctx.db, actorOf(request), request.params.id, ctx.now()));

  r.post('/api/tips/:id/assignment', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '交办：安委办将举报交由负责核查的单位（带 version）', params: tipParamsSchema, body: tipAssignSchema, response: { 200: tipSchema, ...errorResponses } },
  }, async (request) => assignTip(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));
}
