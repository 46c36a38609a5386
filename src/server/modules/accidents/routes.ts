import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import {
  accidentCreateSchema, accidentFiguresSchema, accidentListQuerySchema, accidentListSchema, accidentParamsSchema,
  accidentReportChangeSchema, accidentReportLevelParamsSchema, accidentSchema, vetoDecisionSchema, vetoProposalListSchema, vetoProposalSchema,
} from '../../../shared/schemas/accident';
import { campaignParamsSchema } from '../../../shared/schemas/campaign';
import { errorResponses } from '../../../shared/schemas/error';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { getAccident } from './get-accident';
import { toAccidentView } from './presenter';
import { recordAccident } from './record-accident';
import { recordAccidentReport } from './record-accident-report';
import { listAccidents } from './repository';
import { updateAccidentFigures } from './update-accident-figures';
import { decideVeto, listVetoProposals } from './veto-proposals';

const tags = ['事故登记与一票否决'];

export async function accidentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/accidents', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '事故登记列表（本人辖区；可按年度、单位、行业领域、等级筛选，分页）', querystring: accidentListQuerySchema, response: { 200: accidentListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'accident.read')) throw forbidden();
    const { rows, total } = await listAccidents(ctx.db, listScope(actor, 'accident.read'), request.query);
    return { items: rows.map((a) => toAccidentView(a)), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  r.post('/api/accidents', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '登记事故（等级按国务院令第493号第三条自动认定）', body: accidentCreateSchema, response: { 201: accidentSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await recordAccident(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/accidents/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一起事故及其各次数据版本、各级报告时限', params: accidentParamsSchema, response: { 200: accidentSchema, ...errorResponses } },
  }, async (request) => getAccident(ctx.db, actorOf(request), request.params.id, ctx.now()));

  r.put('/api/accidents/:id/reports/:level', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '登记或更正某一层级收到事故报告的时间（国务院令第493号第九条、第十条）',
      params: accidentReportLevelParamsSchema, body: accidentReportChangeSchema, response: { 200: accidentSchema, ...errorResponses },
    },
  }, async (request) => recordAccidentReport(ctx.db, actorOf(request), request.params.id, request.params.level, request.body, ctx.now()));

  r.put('/api/accidents/:id/figures', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '补报伤亡和损失（保留每个版本；超出第十三条期限的标记为逾期补报）',
      params: accidentParamsSchema, body: accidentFiguresSchema, response: { 200: accidentSchema, ...errorResponses },
    },
  }, async (request) => updateAccidentFigures(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.get('/api/campaigns/:id/veto-proposals', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一票否决建议（由事故触发）及其处理结果', params: campaignParamsSchema, response: { 200: vetoProposalListSchema, ...errorResponses } },
  }, async (request) => listVetoProposals(ctx.db, actorOf(request), request.params.id, ctx.now()));

  r.post('/api/campaigns/:id/veto-decisions', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '确认或驳回一票否决建议（须写明理由；驳回后不再否决）',
      params: campaignParamsSchema, body: vetoDecisionSchema, response: { 200: vetoProposalSchema, ...errorResponses },
    },
  }, async (request) => decideVeto(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));
}
