import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import { errorResponses } from '../../../shared/schemas/error';
import {
  inspectionCreateSchema, inspectionDrawSchema, inspectionListQuerySchema, inspectionListSchema, inspectionParamsSchema, inspectionRecordSchema,
  inspectionReportCreateSchema, inspectionReportSchema, inspectionSchema,
} from '../../../shared/schemas/inspection';
import { forbidden } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { attachReport } from './attach-report';
import { drawInspectionExperts } from './draw-inspection-experts';
import { getInspection, inspectionViews } from './get-inspection';
import { planInspection } from './plan-inspection';
import { recordInspection } from './record-inspection';
import { listInspections } from './repository';

const tags = ['检查'];

export async function inspectionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/inspections', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '制定检查计划（执法检查或专家查隐患，一家企业、一个计划日期）', body: inspectionCreateSchema, response: { 201: inspectionSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await planInspection(ctx.db, actorOf(request), request.body, ctx.now())));

  r.get('/api/inspections', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '检查台账（按企业、属地镇、监管部门、方式、状态筛选；分页，按计划日期排序）', querystring: inspectionListQuerySchema, response: { 200: inspectionListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'inspection.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listInspections(ctx.db, listScope(actor, 'inspection.read'), q);
    return { items: await inspectionViews(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/api/inspections/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一次检查：计划、抽取的专家（含随机种子和回避）、逐项检查结果和报告', params: inspectionParamsSchema, response: { 200: inspectionSchema, ...errorResponses } },
  }, async (request) => getInspection(ctx.db, actorOf(request), request.params.id));

  r.post('/api/inspections/:id/draw', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '随机抽取专家（按专业和级别，自动回避与被检查单位有关的专家；带 version）', params: inspectionParamsSchema, body: inspectionDrawSchema, response: { 200: inspectionSchema, ...errorResponses } },
  }, async (request) => drawInspectionExperts(ctx.db, actorOf(request), request.params.id, request.body, ctx.now(), ctx.drawSeed()));

  r.post('/api/inspections/:id/record', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '登记检查记录（逐项结果；不符合项同时建立隐患卡；带 version）', params: inspectionParamsSchema, body: inspectionRecordSchema, response: { 200: inspectionSchema, ...errorResponses } },
  }, async (request) => recordInspection(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.post('/api/inspections/:id/reports', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '附加专家或安全生产服务机构的检查报告', params: inspectionParamsSchema, body: inspectionReportCreateSchema, response: { 201: inspectionReportSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await attachReport(ctx.db, actorOf(request), { inspectionId: request.params.id }, request.body, ctx.now())));

  r.post('/api/enterprises/:id/reports', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '附加安全生产服务机构或专家对企业的诊断检查报告（不属于某次检查）', params: inspectionParamsSchema, body: inspectionReportCreateSchema, response: { 201: inspectionReportSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await attachReport(ctx.db, actorOf(request), { enterpriseId: request.params.id }, request.body, ctx.now())));
}
