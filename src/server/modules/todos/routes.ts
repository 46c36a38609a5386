import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { campaignParamsSchema } from '../../../shared/schemas/campaign';
import { errorResponses } from '../../../shared/schemas/error';
import { campaignProgressSchema, todoListSchema } from '../../../shared/schemas/progress';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { getProgress } from '../progress/get-progress';
import { listTodos } from './list-todos';

export async function todoRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/todos', {
    preValidation: ctx.authenticate,
    schema: { tags: ['待办与进度'], summary: '本人待办（含截止日期与到期提醒）', response: { 200: todoListSchema, ...errorResponses } },
  }, async (request) => listTodos(ctx.db, actorOf(request), ctx.now()));

  r.get('/api/campaigns/:id/progress', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['待办与进度'], summary: '考核进度：各单位自评、评分、申诉、否决建议与控制指标进度',
      params: campaignParamsSchema, response: { 200: campaignProgressSchema, ...errorResponses },
    },
  }, async (request) => getProgress(ctx.db, actorOf(request), request.params.id, ctx.now()));
}
