import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../../domain/access/can';
import { campaignParamsSchema } from '../../../shared/schemas/campaign';
import { errorResponses } from '../../../shared/schemas/error';
import { objectionAnswerSchema, objectionCreateSchema, objectionListSchema, objectionParamsSchema, objectionSchema } from '../../../shared/schemas/objection';
import { notFound } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign, listCampaignUnits } from '../campaigns/repository';
import { answerObjection } from './answer-objection';
import { fileObjection } from './file-objection';
import { toObjectionView } from './presenter';
import { listObjections } from './repository';

const tags = ['公示与申诉'];

export async function publicationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns/:id/objections', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '申诉及答复（单位只看到本单位的）', params: campaignParamsSchema, response: { 200: objectionListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    const row = await findCampaign(ctx.db, request.params.id);
    if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    const all = can(actor, 'result.read', campaignResource(row));
    const own = all ? null : (await listCampaignUnits(ctx.db, row.id))
      .map((u) => u.unit_id).filter((unitId) => can(actor, 'unit.read', { organisationPath: row.organisation_path, unitId }));
    return { items: (await listObjections(ctx.db, row.id, own)).map(toObjectionView) };
  });

  r.post('/api/campaigns/:id/objections', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '公示期间提出申诉', params: campaignParamsSchema, body: objectionCreateSchema, response: { 201: objectionSchema, ...errorResponses } },
  }, async (request, reply) => {
    const view = await fileObjection(ctx.db, actorOf(request), request.params.id, request.body.unitId, request.body.content, ctx.now());
    return reply.code(201).send(view);
  });

  r.post('/api/campaigns/:id/objections/:objectionId/answer', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '答复申诉', params: objectionParamsSchema, body: objectionAnswerSchema, response: { 200: objectionSchema, ...errorResponses } },
  }, async (request) => answerObjection(ctx.db, actorOf(request), request.params.id, request.params.objectionId, request.body, ctx.now()));
}
