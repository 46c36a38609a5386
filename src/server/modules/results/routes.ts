import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WhatIfChange } from '../../../domain/assessment/what-if';
import { campaignParamsSchema, campaignUnitParamsSchema } from '../../../shared/schemas/campaign';
import { errorResponses } from '../../../shared/schemas/error';
import { freezePhases, progressStreamDescription } from '../../../shared/schemas/progress-stream';
import {
  campaignResultsSchema, correctionSchema, diffParamsSchema, resultQuerySchema, resultVersionListSchema, resultVersionQuerySchema,
  tableDiffSchema, traceSchema, whatIfResultSchema, whatIfSchema,
} from '../../../shared/schemas/result';
import type { AppContext } from '../../context';
import { answerWithProgress } from '../../progress-stream';
import { actorOf } from '../auth/authenticate';
import { correctResults } from './correct-results';
import { diffVersions, listVersions } from './diff-versions';
import { getResults, getTrace } from './get-results';
import { PublishedTables } from './published-tables';
import { runWhatIf } from './run-what-if';

const tags = ['考核结果'];
const correctionResultSchema = campaignResultsSchema.pick({ version: true }).extend({ reason: correctionSchema.shape.reason, diff: tableDiffSchema });

export async function resultRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tables = new PublishedTables();

  r.get('/api/campaigns/:id/results', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '考核成绩表（与 anke assess --format json 的行相同）；发布后为已发布的版本',
      params: campaignParamsSchema, querystring: resultQuerySchema, response: { 200: campaignResultsSchema, ...errorResponses },
    },
  }, async (request) => getResults(ctx.db, actorOf(request), request.params.id, request.query, tables, ctx.now()));

  r.get('/api/campaigns/:id/units/:unitId/trace', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '一个单位的得分反查（到细则、扣分和否决所依据的事故）',
      params: campaignUnitParamsSchema, querystring: resultVersionQuerySchema, response: { 200: traceSchema, ...errorResponses },
    },
  }, async (request) => getTrace(ctx.db, actorOf(request), request.params.id, request.params.unitId, request.query.version, ctx.now()));

  r.get('/api/campaigns/:id/result-versions', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '已发布结果的各个版本', params: campaignParamsSchema, response: { 200: resultVersionListSchema, ...errorResponses } },
  }, async (request) => listVersions(ctx.db, actorOf(request), request.params.id));

  r.post('/api/campaigns/:id/result-versions', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '更正已发布的结果：按更正后的数据生成新版本（须写明理由）',
      description: `计算并保存全部单位的结果与得分反查。${progressStreamDescription('更正', freezePhases)}`,
      params: campaignParamsSchema, body: correctionSchema,
      response: { 201: correctionResultSchema, ...errorResponses },
    },
  }, async (request, reply) => answerWithProgress(request, reply, { status: 201, schema: correctionResultSchema },
    (onProgress) => correctResults(ctx.db, actorOf(request), request.params.id, request.body.reason, ctx.now(), onProgress)));

  r.get('/api/campaigns/:id/result-versions/:from/diff/:to', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '两个结果版本之间的差异', params: diffParamsSchema, response: { 200: tableDiffSchema, ...errorResponses } },
  }, async (request) => diffVersions(ctx.db, actorOf(request), request.params.id, request.params.from, request.params.to));

  r.post('/api/campaigns/:id/what-if', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '假设测算（分数线、奖励标准、逐项得分、增删事故、增加或驳回否决、事故改归属）；不改动实际结果',
      params: campaignParamsSchema, body: whatIfSchema, response: { 200: whatIfResultSchema, ...errorResponses },
    },
  }, async (request) => runWhatIf(ctx.db, actorOf(request), request.params.id, request.body.changes as WhatIfChange[], ctx.now()));
}
