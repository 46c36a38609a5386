import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can, canList, listScope } from '../../../domain/access/can';
import {
  campaignCopyResultSchema, campaignCopySchema, campaignCreateSchema, campaignDatesUpdateSchema, campaignListSchema, campaignParamsSchema, campaignSchema,
  campaignSchemeViewSchema, campaignTransitionSchema, campaignUnitListSchema, schemeRevisionSchema,
} from '../../../shared/schemas/campaign';
import { errorResponses } from '../../../shared/schemas/error';
import { freezePhases, progressStreamDescription } from '../../../shared/schemas/progress-stream';
import { forbidden, notFound } from '../../app-error';
import type { AppContext } from '../../context';
import { answerWithProgress } from '../../progress-stream';
import { actorOf } from '../auth/authenticate';
import { changeCampaignState } from './change-campaign-state';
import { copyCampaign } from './copy-campaign';
import { createCampaign } from './create-campaign';
import { campaignResource, toCampaignView } from './presenter';
import { findCampaign, findScheme, listCampaignUnits, listCampaigns } from './repository';
import { readScheme } from './read-scheme';
import { reviseScheme } from './revise-scheme';
import { updateCampaignDates } from './update-campaign-dates';

const tags = ['考核活动'];

export async function campaignRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '考核活动列表（本人辖区）', response: { 200: campaignListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'campaign.read')) throw forbidden();
    return { items: (await listCampaigns(ctx.db, listScope(actor, 'campaign.read'))).map(toCampaignView) };
  });

  r.post('/api/campaigns', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '按考核方案新建考核活动（方案可为 JSON 对象或 YAML 文本）',
      body: campaignCreateSchema, response: { 201: campaignSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const view = await createCampaign(ctx.db, actorOf(request), request.body, ctx.now());
    return reply.code(201).send(view);
  });

  r.post('/api/campaigns/:id/copy', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '复制上一年度的考核活动（方案与单位，可增删单位）',
      params: campaignParamsSchema, body: campaignCopySchema, response: { 201: campaignCopyResultSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const view = await copyCampaign(ctx.db, actorOf(request), request.params.id, request.body, ctx.now());
    return reply.code(201).send(view);
  });

  r.get('/api/campaigns/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一个考核活动', params: campaignParamsSchema, response: { 200: campaignSchema, ...errorResponses } },
  }, async (request) => {
    const row = await findCampaign(ctx.db, request.params.id);
    if (!row || !can(actorOf(request), 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    return toCampaignView(row);
  });

  r.patch('/api/campaigns/:id', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '修改考核活动的日期（责任书签订、单位自评、考核评分截止与计划公示天数；各日期在其阶段结束前可改，带版本号）',
      params: campaignParamsSchema, body: campaignDatesUpdateSchema, response: { 200: campaignSchema, ...errorResponses },
    },
  }, async (request) => updateCampaignDates(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.get('/api/campaigns/:id/scheme', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '考核活动的现行考核方案', params: campaignParamsSchema, response: { 200: campaignSchemeViewSchema, ...errorResponses } },
  }, async (request) => {
    const row = await findCampaign(ctx.db, request.params.id);
    if (!row || !can(actorOf(request), 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    return { version: row.scheme_version, scheme: (await findScheme(ctx.db, row.id, row.scheme_version)) as Record<string, unknown> };
  });

  r.put('/api/campaigns/:id/scheme', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '修改考核方案（单位自评开始前）：保存为新版本，带所依据的版本号；按考核单位重新校验', params: campaignParamsSchema,
      body: schemeRevisionSchema, response: { 200: campaignSchema, ...errorResponses },
    },
  }, async (request) => reviseScheme(ctx.db, actorOf(request), request.params.id, { ...request.body, scheme: readScheme(request.body.scheme) }, ctx.now()));

  r.get('/api/campaigns/:id/units', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '考核活动的被考核单位（按排列顺序）', params: campaignParamsSchema, response: { 200: campaignUnitListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    const row = await findCampaign(ctx.db, request.params.id);
    if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    const units = await listCampaignUnits(ctx.db, row.id);
    // Each actor sees the units it may see (a liaison its own, an assessor its assigned ones).
    const visible = units.filter((u) => can(actor, 'unit.read', { organisationPath: row.organisation_path, unitId: u.unit_id }));
    return {
      items: visible.map((u) => ({
        unitId: u.unit_id, name: u.name, sortOrder: u.sort_order, category: String((JSON.parse(u.unit_json) as { category?: string }).category ?? ''),
      })),
    };
  });

  r.post('/api/campaigns/:id/transitions', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '考核活动状态变更（开始签订、年度执行、自评、评分、审核、审定并公示、退回、发布）',
      description: `发布（publish）时计算并保存全部单位的结果与得分反查。${progressStreamDescription('发布', freezePhases)}其他状态变更不经过这些阶段，带该请求头也以普通 JSON 答复。`,
      params: campaignParamsSchema, body: campaignTransitionSchema, response: { 200: campaignSchema, ...errorResponses },
    },
  }, async (request, reply) => answerWithProgress(request, reply, { status: 200, schema: campaignSchema },
    (onProgress) => changeCampaignState(ctx.db, actorOf(request), request.params.id, request.body, ctx.now(), onProgress)));
}
