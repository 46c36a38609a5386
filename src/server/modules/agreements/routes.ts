import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementDraftResultSchema, agreementDraftSchema, agreementListQuerySchema, agreementListSchema, agreementParamsSchema,
  agreementSchema, agreementTransitionSchema, agreementUpdateSchema, unsignedAgreementsSchema,
} from '../../../shared/schemas/agreement';
import { campaignParamsSchema } from '../../../shared/schemas/campaign';
import { errorResponses } from '../../../shared/schemas/error';
import type { AppContext } from '../../context';
import { buildAgreementDocx } from '../../documents/agreement-docx';
import { actorOf } from '../auth/authenticate';
import { contentDisposition } from '../files/presenter';
import { changeAgreementState } from './change-agreement-state';
import { draftAgreements } from './draft-agreements';
import { agreementDocxData, getAgreement, listAgreementsFor, listUnsignedAgreements } from './read-agreements';
import { updateAgreement } from './update-agreement';

const tags = ['责任书'];
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function agreementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/campaigns/:id/agreements', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '考核活动的责任书（分页；按状态、单位筛选；单位联络员只见本单位）',
      params: campaignParamsSchema, querystring: agreementListQuerySchema, response: { 200: agreementListSchema, ...errorResponses },
    },
  }, async (request) => listAgreementsFor(ctx.db, actorOf(request), request.params.id, request.query));

  r.post('/api/campaigns/:id/agreements', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '为被考核单位起草责任书（按单位的控制指标和考核方案预填）',
      params: campaignParamsSchema, body: agreementDraftSchema, response: { 201: agreementDraftResultSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const result = await draftAgreements(ctx.db, actorOf(request), request.params.id, request.body.unitIds, ctx.now());
    return reply.code(201).send(result);
  });

  r.get('/api/campaigns/:id/agreements/unsigned', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '尚未签订责任书的单位（含未起草、起草中、已下达）',
      params: campaignParamsSchema, response: { 200: unsignedAgreementsSchema, ...errorResponses },
    },
  }, async (request) => listUnsignedAgreements(ctx.db, actorOf(request), request.params.id));

  r.get('/api/campaigns/:id/agreements/:unitId', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一个单位的责任书', params: agreementParamsSchema, response: { 200: agreementSchema, ...errorResponses } },
  }, async (request) => getAgreement(ctx.db, actorOf(request), request.params.id, request.params.unitId));

  r.put('/api/campaigns/:id/agreements/:unitId', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '修改起草中的责任书（责任目标、控制指标、重点工作任务、签订人；版本号不符返回 409）',
      params: agreementParamsSchema, body: agreementUpdateSchema, response: { 200: agreementSchema, ...errorResponses },
    },
  }, async (request) => updateAgreement(ctx.db, actorOf(request), request.params.id, request.params.unitId, request.body, ctx.now()));

  r.post('/api/campaigns/:id/agreements/:unitId/transitions', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '责任书状态变更：下达、登记签订（签订日期、签订人、扫描件）、撤回修改、归档',
      params: agreementParamsSchema, body: agreementTransitionSchema, response: { 200: agreementSchema, ...errorResponses },
    },
  }, async (request) => changeAgreementState(ctx.db, actorOf(request), request.params.id, request.params.unitId, request.body, ctx.now()));

  r.get('/api/campaigns/:id/agreements/:unitId/docx', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '下载责任书（DOCX，保留中文文件名）', params: agreementParamsSchema, produces: [docxType],
      response: { 200: z.unknown().describe('DOCX 文件'), ...errorResponses },
    },
  }, async (request, reply) => {
    // Built outside any transaction from committed data (architecture: documents).
    const { data, fileName } = await agreementDocxData(ctx.db, actorOf(request), request.params.id, request.params.unitId);
    const buffer = await buildAgreementDocx(data);
    return reply
      .header('content-type', docxType)
      .header('content-disposition', contentDisposition(fileName))
      .header('cache-control', 'private, no-store')
      .send(buffer);
  });
}
