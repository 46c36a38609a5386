import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canList, listScope } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import { errorResponses } from '../../../shared/schemas/error';
import {
  hazardCardSchema, hazardCreateSchema, hazardExportQuerySchema, hazardListQuerySchema, hazardListSchema, hazardParamsSchema,
  hazardSchema, hazardStepSchema, hazardSummarySchema, overdueHazardListSchema,
} from '../../../shared/schemas/hazard';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { contentDisposition } from '../files/presenter';
import { exportHazards } from './export-hazards';
import { getHazardCard } from './get-hazard-card';
import { toHazardView } from './presenter';
import { recordHazard } from './record-hazard';
import { listHazards, listOverdueHazards } from './repository';
import { summarizeHazards } from './summarize-hazards';
import { takeHazardStep } from './take-hazard-step';

const tags = ['一隐患一卡'];
const OVERDUE_LIMIT = 1000;

export async function hazardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/hazards', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '隐患台账（按镇街、部门、行业、等级、状态、逾期、发现日期筛选；分页、排序）', querystring: hazardListQuerySchema, response: { 200: hazardListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'hazard.read')) throw forbidden();
    const q = request.query;
    const now = ctx.now();
    const { rows, total } = await listHazards(ctx.db, listScope(actor, 'hazard.read'), q, chinaDateOf(now));
    return { items: rows.map((row) => toHazardView(row, now)), total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/api/hazards.xlsx', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '导出隐患台账（Excel，筛选条件同台账）', querystring: hazardExportQuerySchema,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: z.unknown().describe('Excel 文件'), ...errorResponses },
    },
  }, async (request, reply) => {
    const now = ctx.now();
    const buffer = await exportHazards(ctx.db, actorOf(request), request.query, now);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`隐患台账-${chinaDateOf(now)}.xlsx`))
      .header('cache-control', 'private, no-store')
      .send(buffer);
  });

  r.get('/api/hazards/overdue', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '逾期隐患（整改或验收逾期）及其督办、挂牌督办，按今天计算', response: { 200: overdueHazardListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'hazard.read')) throw forbidden();
    const now = ctx.now();
    const today = chinaDateOf(now);
    const rows = await listOverdueHazards(ctx.db, listScope(actor, 'hazard.read'), today, OVERDUE_LIMIT);
    return { today, items: rows.map((row) => toHazardView(row, now)) };
  });

  r.get('/api/hazards/summary', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '隐患统计：按镇街、按行业领域的各状态隐患数和逾期数，按今天计算', response: { 200: hazardSummarySchema, ...errorResponses } },
  }, async (request) => summarizeHazards(ctx.db, actorOf(request), ctx.now()));

  r.post('/api/hazards', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '录入隐患（一隐患一卡，状态为已发现）', body: hazardCreateSchema, response: { 201: hazardSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await recordHazard(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/hazards/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一张隐患卡：全部内容、照片和每一步办理记录', params: hazardParamsSchema, response: { 200: hazardCardSchema, ...errorResponses } },
  }, async (request) => getHazardCard(ctx.db, actorOf(request), request.params.id, ctx.now()));

  r.post('/api/hazards/:id/steps', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '办理一步：登记、定级、开始整改、申请验收、验收、退回、销号（带 version；角色、顺序和数据由规则检查）',
      params: hazardParamsSchema, body: hazardStepSchema, response: { 200: hazardSchema, ...errorResponses },
    },
  }, async (request) => takeHazardStep(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));
}
