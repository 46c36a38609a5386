import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../../domain/access/can';
import { adjustmentCreateSchema, adjustmentListSchema, adjustmentSchema, metricValuesSchema } from '../../../shared/schemas/adjustment';
import { campaignParamsSchema, campaignUnitParamsSchema } from '../../../shared/schemas/campaign';
import { unitCriteriaSchema } from '../../../shared/schemas/criteria';
import { errorResponses } from '../../../shared/schemas/error';
import { evidenceAttachSchema, evidenceDetachParamsSchema, evidenceListSchema, evidenceParamsSchema } from '../../../shared/schemas/team';
import {
  scoreItemsSchema, scoreParamsSchema, scoreResponseBodySchema, scoreResponseSchema, selfAssessmentActionSchema,
  selfAssessmentParamsSchema, selfAssessmentSchema, unitScoresSchema,
} from '../../../shared/schemas/score';
import { notFound } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { campaignResource, campaignUnitResource } from '../campaigns/presenter';
import { findCampaign } from '../campaigns/repository';
import { listAdjustmentEvents } from '../results/repository';
import { attachEvidence } from './attach-evidence';
import { changeSelfAssessment } from './change-self-assessment';
import { detachEvidence } from './detach-evidence';
import { unitScoresView } from './get-unit-scores';
import { listUnitCriteria } from './list-unit-criteria';
import { recordAdjustment } from './record-adjustment';
import { respondToScores } from './respond-to-scores';
import { saveMetricValues } from './save-metric-values';
import { campaignUnitFor } from './save-item-scores';
import { saveScores } from './save-scores';

const tags = ['自评与考核评分'];

export async function assessmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns/:id/units/:unitId/scores', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '一个单位的逐项得分：考核组评分与单位自评并列',
      params: campaignUnitParamsSchema, response: { 200: unitScoresSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { id, unitId } = request.params;
    // The unit sees the team's scores from assessment on, to confirm them or disagree.
    return unitScoresView(ctx.db, actor, await campaignUnitFor(ctx.db, actor, id, unitId), unitId);
  });

  r.get('/api/campaigns/:id/units/:unitId/criteria', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '适用于一个单位的考核细则（标准分、计分方法、可否缺项、评分标准），自评与评分表单用',
      params: campaignUnitParamsSchema, response: { 200: unitCriteriaSchema, ...errorResponses },
    },
  }, async (request) => listUnitCriteria(ctx.db, actorOf(request), request.params.id, request.params.unitId, ctx.now()));

  r.put('/api/campaigns/:id/units/:unitId/scores/:kind', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '填报逐项得分（self：单位自评；team：考核组评分），按细则编号',
      params: scoreParamsSchema, body: scoreItemsSchema, response: { 200: unitScoresSchema, ...errorResponses },
    },
  }, async (request) => {
    const { id, unitId, kind } = request.params;
    return saveScores(ctx.db, actorOf(request), id, unitId, kind, request.body.items, ctx.now());
  });

  r.post('/api/campaigns/:id/units/:unitId/evidence/:kind', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '为一项细则的得分附上佐证材料（已上传的本单位文件；self：自评，team：考核组评分）',
      params: evidenceParamsSchema, body: evidenceAttachSchema, response: { 200: evidenceListSchema, ...errorResponses },
    },
  }, async (request) => {
    const { id, unitId, kind } = request.params;
    return attachEvidence(ctx.db, actorOf(request), id, unitId, kind, request.body, ctx.now());
  });

  r.delete('/api/campaigns/:id/units/:unitId/evidence/:kind/:criterionId/:fileId', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '移除一项细则得分的一份佐证材料（文件本身保留）',
      params: evidenceDetachParamsSchema, response: { 200: evidenceListSchema, ...errorResponses },
    },
  }, async (request) => {
    const { id, unitId, kind, criterionId, fileId } = request.params;
    return detachEvidence(ctx.db, actorOf(request), id, unitId, kind, criterionId, fileId, ctx.now());
  });

  r.post('/api/campaigns/:id/units/:unitId/response', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '单位确认考核组评分，或提出异议（须写明理由）',
      params: campaignUnitParamsSchema, body: scoreResponseBodySchema, response: { 200: scoreResponseSchema, ...errorResponses },
    },
  }, async (request) => respondToScores(
    ctx.db, actorOf(request), request.params.id, request.params.unitId, request.body.response, request.body.comment, ctx.now(),
  ));

  r.get('/api/campaigns/:id/adjustments', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '加减分事项（各人只看到可见单位的）', params: campaignParamsSchema, response: { 200: adjustmentListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    const row = await findCampaign(ctx.db, request.params.id);
    if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    const events = await listAdjustmentEvents(ctx.db, row.id);
    return {
      items: events.filter((e) => can(actor, 'unit.read', campaignUnitResource(row, e.unit_id))).map((e) => ({
        id: e.id, unitId: e.unit_id, kind: e.kind as 'bonus' | 'penalty', item: e.item_id, level: e.level, times: e.times, note: e.note,
      })),
    };
  });

  r.post('/api/campaigns/:id/adjustments', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '登记加分或减分事项（按考核方案中的事项编号）',
      params: campaignParamsSchema, body: adjustmentCreateSchema, response: { 201: adjustmentSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await recordAdjustment(ctx.db, actorOf(request), request.params.id, request.body, ctx.now())));

  r.put('/api/campaigns/:id/units/:unitId/metrics', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '录入单位的指标数据（按指标计分的细则使用）',
      params: campaignUnitParamsSchema, body: metricValuesSchema,
      response: { 200: z.object({ unitId: z.string(), values: z.record(z.string(), z.unknown()) }), ...errorResponses },
    },
  }, async (request) => saveMetricValues(ctx.db, actorOf(request), request.params.id, request.params.unitId, request.body.values, ctx.now()));

  r.post('/api/campaigns/:id/units/:unitId/self-assessment', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '提交自评（提交后锁定）或退回自评',
      params: selfAssessmentParamsSchema, body: selfAssessmentActionSchema, response: { 200: selfAssessmentSchema, ...errorResponses },
    },
  }, async (request) => changeSelfAssessment(ctx.db, actorOf(request), request.params.id, request.params.unitId, request.body, ctx.now()));
}
