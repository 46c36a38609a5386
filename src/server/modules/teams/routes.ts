import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../shared/schemas/error';
import {
  teamConfirmationSchema, teamConfirmationViewSchema, teamCreateSchema, teamListQuerySchema, teamListSchema, teamParamsSchema,
  teamSchema, teamUnitParamsSchema, teamUnitsUpdateSchema, teamUpdateSchema,
} from '../../../shared/schemas/team';
import { campaignParamsSchema } from '../../../shared/schemas/campaign';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { assignTeamUnits } from './assign-team-units';
import { confirmTeamScore } from './confirm-team-score';
import { createTeam } from './create-team';
import { deleteTeam } from './delete-team';
import { getTeam, listCampaignTeams } from './list-teams';
import { updateTeam } from './update-team';

const tags = ['考核组'];

export async function teamRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns/:id/teams', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '考核活动的考核组（组长、组员、负责单位）；考核组成员只看到本人所在的组，联络员只看到考核本单位的组',
      params: campaignParamsSchema, querystring: teamListQuerySchema, response: { 200: teamListSchema, ...errorResponses },
    },
  }, async (request) => listCampaignTeams(ctx.db, actorOf(request), request.params.id, request.query));

  r.post('/api/campaigns/:id/teams', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '组建考核组（安委办）', params: campaignParamsSchema, body: teamCreateSchema, response: { 201: teamSchema, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await createTeam(ctx.db, actorOf(request), request.params.id, request.body, ctx.now())));

  r.get('/api/campaigns/:id/teams/:teamId', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一个考核组', params: teamParamsSchema, response: { 200: teamSchema, ...errorResponses } },
  }, async (request) => getTeam(ctx.db, actorOf(request), request.params.id, request.params.teamId));

  r.patch('/api/campaigns/:id/teams/:teamId', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '修改考核组名称、组长或组员（安委办，带版本号）', params: teamParamsSchema, body: teamUpdateSchema,
      response: { 200: teamSchema, ...errorResponses },
    },
  }, async (request) => updateTeam(ctx.db, actorOf(request), request.params.id, request.params.teamId, request.body, ctx.now()));

  r.put('/api/campaigns/:id/teams/:teamId/units', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '分配考核组负责的被考核单位（整体替换；一个单位只能属于一个考核组）', params: teamParamsSchema,
      body: teamUnitsUpdateSchema, response: { 200: teamSchema, ...errorResponses },
    },
  }, async (request) => assignTeamUnits(ctx.db, actorOf(request), request.params.id, request.params.teamId, request.body, ctx.now()));

  r.delete('/api/campaigns/:id/teams/:teamId', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '撤销考核组（安委办，带版本号）', params: teamParamsSchema,
      querystring: z.object({ version: z.coerce.number().int().min(1).describe('读取时的考核组版本号') }),
      response: { 200: z.object({ id: z.string(), deleted: z.literal(true) }), ...errorResponses },
    },
  }, async (request) => deleteTeam(ctx.db, actorOf(request), request.params.id, request.params.teamId, request.query.version, ctx.now()));

  r.post('/api/campaigns/:id/teams/:teamId/units/:unitId/confirmation', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '组长确认考核组评分（逐项采用某组员评分或录入，与平均分不同须写理由）', params: teamUnitParamsSchema,
      body: teamConfirmationSchema, response: { 200: teamConfirmationViewSchema, ...errorResponses },
    },
  }, async (request) => confirmTeamScore(
    ctx.db, actorOf(request), request.params.id, request.params.teamId, request.params.unitId, request.body, ctx.now(),
  ));
}
