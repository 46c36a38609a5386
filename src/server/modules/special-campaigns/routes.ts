import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import { errorResponses } from '../../../shared/schemas/error';
import {
  progressReportCreateSchema, specialCampaignCreateSchema, specialCampaignDetailSchema, specialCampaignListQuerySchema, specialCampaignListSchema,
  specialCampaignParamsSchema, specialCampaignSchema, specialCampaignUpdateSchema,
} from '../../../shared/schemas/special-campaign';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { createSpecialCampaign } from './create-campaign';
import { getSpecialCampaign } from './get-campaign';
import { campaignOf, toCampaignSummary } from './presenter';
import { reportProgress } from './report-progress';
import { listProgressReportsOf, listSpecialCampaigns, unitNames } from './repository';
import { updateSpecialCampaign } from './update-campaign';

const tags = ['专项行动'];

export async function specialCampaignRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/special-campaigns', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '部署专项行动：阶段安排和各单位任务', body: specialCampaignCreateSchema, response: { 201: specialCampaignSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createSpecialCampaign(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/special-campaigns', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '专项行动（按类型、有任务的单位筛选；分页，新的在前；附当前阶段和各单位完成情况）', querystring: specialCampaignListQuerySchema, response: { 200: specialCampaignListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'specialCampaign.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listSpecialCampaigns(ctx.db, listScope(actor, 'specialCampaign.read'), q);
    const now = ctx.now();
    const [names, reports] = await Promise.all([
      unitNames(ctx.db, rows.flatMap((row) => campaignOf(row).tasks.map((t) => t.unitId))), listProgressReportsOf(ctx.db, rows.map((row) => row.id)),
    ]);
    return { items: rows.map((row) => toCampaignSummary(row, reports.get(row.id) ?? [], names, actor, now)), total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/api/special-campaigns/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一项专项行动：当前阶段、各单位任务完成情况和进展报告', params: specialCampaignParamsSchema, response: { 200: specialCampaignDetailSchema, ...errorResponses } },
  }, async (request) => getSpecialCampaign(ctx.db, actorOf(request), request.params.id, ctx.now()));

  r.patch('/api/special-campaigns/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '修改专项行动（带 version；修改后的计划重新校验）', params: specialCampaignParamsSchema, body: specialCampaignUpdateSchema, response: { 200: specialCampaignSchema, ...errorResponses } },
  }, async (request) => updateSpecialCampaign(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.post('/api/special-campaigns/:id/progress', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '报送任务进展（承担任务的单位或安委办）', params: specialCampaignParamsSchema, body: progressReportCreateSchema, response: { 201: specialCampaignDetailSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await reportProgress(ctx.db, actorOf(request), request.params.id, request.body, ctx.now())));
}
