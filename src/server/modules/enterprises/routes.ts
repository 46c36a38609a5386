import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canList, listScope } from '../../../domain/access/can';
import {
  enterpriseCreateSchema, enterpriseFileSchema, enterpriseImportResultSchema, enterpriseListQuerySchema, enterpriseListSchema,
  enterpriseParamsSchema, enterprisePatchSchema, enterpriseSchema,
} from '../../../shared/schemas/enterprise';
import { errorResponses, errorSchema } from '../../../shared/schemas/error';
import { AppError, forbidden, notFound } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { createEnterprise } from './create-enterprise';
import { getEnterpriseFile } from './get-enterprise-file';
import { importEnterprises } from './import-enterprises';
import { canOnEnterprise, toEnterpriseView } from './presenter';
import { findEnterprise, listEnterprises } from './repository';
import { updateEnterprise } from './update-enterprise';

const tags = ['一企一档'];

export async function enterpriseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/enterprises', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '生产经营单位列表（按镇街、监管部门、行业、规模筛选；分页、排序）', querystring: enterpriseListQuerySchema, response: { 200: enterpriseListSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'enterprise.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listEnterprises(ctx.db, listScope(actor, 'enterprise.read'), q);
    const now = ctx.now();
    return { items: rows.map((row) => toEnterpriseView(row, now)), total, page: q.page, pageSize: q.pageSize };
  });

  r.post('/api/enterprises', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '登记生产经营单位（统一社会信用代码按 GB 32100-2015 校验）', body: enterpriseCreateSchema, response: { 201: enterpriseSchema, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createEnterprise(ctx.db, actorOf(request), request.body, ctx.now())));

  r.post('/api/enterprises/import', {
    preValidation: ctx.authenticate,
    schema: {
      tags, summary: '从 Excel 导入生产经营单位（全部正确才导入；每个错误单元格写明行、列）', consumes: ['multipart/form-data'],
      response: { 201: enterpriseImportResultSchema, ...errorResponses, 413: errorSchema, 415: errorSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canList(actor, 'enterprise.manage')) throw forbidden();
    if (!request.isMultipart()) throw new AppError('unsupported_media_type', '导入须使用 multipart/form-data 上传 Excel 文件。');
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw new AppError('validation_failed', '请求体字段“file”：缺少上传的 Excel 文件。');
    const buffer = await part.toBuffer();
    return reply.code(201).send(await importEnterprises(ctx.db, actor, buffer, ctx.now()));
  });

  r.get('/api/enterprises/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一个生产经营单位', params: enterpriseParamsSchema, response: { 200: enterpriseSchema, ...errorResponses } },
  }, async (request) => {
    const row = await findEnterprise(ctx.db, request.params.id);
    if (!row || !canOnEnterprise(actorOf(request), 'enterprise.read', row)) throw notFound('生产经营单位');
    return toEnterpriseView(row, ctx.now());
  });

  r.patch('/api/enterprises/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '修改生产经营单位档案（带 version；版本过期返回 409）', params: enterpriseParamsSchema, body: enterprisePatchSchema, response: { 200: enterpriseSchema, ...errorResponses } },
  }, async (request) => updateEnterprise(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));

  r.get('/api/enterprises/:id/file', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '一企一档：单位档案及其隐患、事故、许可证等全部记录的时间线（新的在前）', params: enterpriseParamsSchema, response: { 200: enterpriseFileSchema, ...errorResponses } },
  }, async (request) => getEnterpriseFile(ctx.db, actorOf(request), request.params.id, ctx.now()));
}
