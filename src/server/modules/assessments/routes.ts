import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { campaignUnitParamsSchema } from '../../../shared/schemas/campaign';
import { errorResponses } from '../../../shared/schemas/error';
import {
  scoreItemsSchema, scoreParamsSchema, selfAssessmentActionSchema, selfAssessmentParamsSchema, selfAssessmentSchema, unitScoresSchema,
} from '../../../shared/schemas/score';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { changeSelfAssessment } from './change-self-assessment';
import { toUnitScores } from './presenter';
import { findSelfAssessment, listUnitScores } from './repository';
import { campaignUnitFor, saveItemScores } from './save-item-scores';

const tags = ['自评与考核评分'];

export async function assessmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns/:id/units/:unitId/scores', {
    preHandler: ctx.authenticate,
    schema: {
      tags, summary: '一个单位的逐项得分：考核组评分与单位自评并列',
      params: campaignUnitParamsSchema, response: { 200: unitScoresSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { id, unitId } = request.params;
    const row = await campaignUnitFor(ctx.db, actor, id, unitId);
    // The unit sees the team's scores once the results are published.
    const showTeam = actor.role !== 'unitLiaison' || row.state === 'published';
    return toUnitScores(unitId, await listUnitScores(ctx.db, id, unitId), (await findSelfAssessment(ctx.db, id, unitId))?.state, showTeam);
  });

  r.put('/api/campaigns/:id/units/:unitId/scores/:kind', {
    preHandler: ctx.authenticate,
    schema: {
      tags, summary: '填报逐项得分（self：单位自评；team：考核组评分），按细则编号',
      params: scoreParamsSchema, body: scoreItemsSchema, response: { 200: unitScoresSchema, ...errorResponses },
    },
  }, async (request) => {
    const { id, unitId, kind } = request.params;
    return saveItemScores(ctx.db, actorOf(request), id, unitId, kind, request.body.items, ctx.now());
  });

  r.post('/api/campaigns/:id/units/:unitId/self-assessment', {
    preHandler: ctx.authenticate,
    schema: {
      tags, summary: '提交自评（提交后锁定）或退回自评',
      params: selfAssessmentParamsSchema, body: selfAssessmentActionSchema, response: { 200: selfAssessmentSchema, ...errorResponses },
    },
  }, async (request) => changeSelfAssessment(ctx.db, actorOf(request), request.params.id, request.params.unitId, request.body.action, ctx.now()));
}
