import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignParamsSchema } from '../../../shared/schemas/campaign';
import {
  importJobParamsSchema, importJobSchema, importQuerySchema, importRefusedSchema, importTemplateLabels, noticeQuerySchema,
  resultDocumentQuerySchema, scoreSheetQuerySchema,
} from '../../../shared/schemas/document';
import type { ImportTemplateKind } from '../../../shared/schemas/document';
import { errorResponses, errorSchema } from '../../../shared/schemas/error';
import { AppError } from '../../app-error';
import type { AppContext } from '../../context';
import { buildImportTemplate, type ImportKind } from '../../documents/xlsx-import';
import { actorOf } from '../auth/authenticate';
import { cleanFileName, contentDisposition } from '../files/presenter';
import { downloadNotice } from './download-notice';
import { exportAccidents, exportItemScores, exportResults } from './export-results';
import { exportIndicatorReports } from './export-indicator-reports';
import { exportScoreSheets } from './export-score-sheets';
import { getImportJob, runItemScoreImport, startItemScoreImport } from './import-item-scores';
import { exportCriteria } from './export-criteria';
import { importCriteria } from './import-criteria';
import { importUnits } from './import-units';
import { mediaTypes, toImportJobView } from './presenter';
import { findImportJob } from './repository';

const tags = ['公文与表格'];
const binary = z.unknown().describe('文件内容（二进制）');

function sendDocument(reply: FastifyReply, doc: { fileName: string; buffer: Buffer }, ext: 'docx' | 'xlsx') {
  return reply
    .header('content-type', mediaTypes[ext])
    .header('content-disposition', contentDisposition(doc.fileName))
    .header('cache-control', 'private, no-store')
    .send(doc.buffer);
}

/** The one file part of an import request, read whole (the upload size limit applies). */
async function uploadedWorkbook(request: FastifyRequest): Promise<{ fileName: string; buffer: Buffer }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', '导入须使用 multipart/form-data 上传 .xlsx 文件。');
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw new AppError('validation_failed', '请求体字段“file”：缺少上传的文件。');
  const buffer = await part.toBuffer();
  if (buffer.length === 0) throw new AppError('validation_failed', '请求体字段“file”：上传的文件是空的。');
  return { fileName: cleanFileName(part.filename), buffer };
}

const templateKinds: Record<ImportTemplateKind, ImportKind> = {
  units: 'unitRegistry', criteria: 'criteria', 'item-scores': 'itemScores',
};

export async function documentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const download = (summary: string, querystring: z.ZodType = resultDocumentQuerySchema) => ({
    preValidation: ctx.authenticate,
    schema: { tags, summary, params: campaignParamsSchema, querystring, produces: [mediaTypes.docx, mediaTypes.xlsx], response: { 200: binary, ...errorResponses } },
  });

  r.get('/api/campaigns/:id/notice.docx', {
    ...download('通报（DOCX，GB/T 9704-2012）：指定已发布的版本；不指定为按当前数据生成的征求意见稿（带水印）', noticeQuerySchema),
  }, async (request, reply) => {
    const query = noticeQuerySchema.parse(request.query);
    return sendDocument(reply, await downloadNotice(ctx.db, actorOf(request), request.params.id, query, ctx.now()), 'docx');
  });

  r.get('/api/campaigns/:id/results.xlsx', download('考核结果工作簿：成绩表（含等次、排名）与分类汇总'), async (request, reply) => {
    const { version } = resultDocumentQuerySchema.parse(request.query);
    return sendDocument(reply, await exportResults(ctx.db, actorOf(request), request.params.id, version, ctx.now()), 'xlsx');
  });

  r.get('/api/campaigns/:id/item-scores.xlsx', download('各单位逐项得分（可直接作为评分表导入）；联络员只得到本单位'), async (request, reply) => {
    const { version } = resultDocumentQuerySchema.parse(request.query);
    return sendDocument(reply, await exportItemScores(ctx.db, actorOf(request), request.params.id, version, ctx.now()), 'xlsx');
  });

  r.get('/api/campaigns/:id/indicator-reports.xlsx', download('控制指标报表：各单位各月的控制指标使用与时间进度'), async (request, reply) => {
    const { version } = resultDocumentQuerySchema.parse(request.query);
    return sendDocument(reply, await exportIndicatorReports(ctx.db, actorOf(request), request.params.id, version, ctx.now()), 'xlsx');
  });

  r.get('/api/campaigns/:id/accidents.xlsx', download('考核年度的事故台账'), async (request, reply) => {
    const { version } = resultDocumentQuerySchema.parse(request.query);
    return sendDocument(reply, await exportAccidents(ctx.db, actorOf(request), request.params.id, version, ctx.now()), 'xlsx');
  });

  r.get('/api/campaigns/:id/score-sheets.docx', download('考核评分表（DOCX，每单位一页，含得分反查）；可用 unitId 只要一个单位', scoreSheetQuerySchema), async (request, reply) => {
    const query = scoreSheetQuerySchema.parse(request.query);
    return sendDocument(reply, await exportScoreSheets(ctx.db, actorOf(request), request.params.id, query, ctx.now()), 'docx');
  });

  for (const kind of Object.keys(templateKinds) as (keyof typeof templateKinds)[]) {
    r.get(`/api/import-templates/${kind}.xlsx`, {
      preValidation: ctx.authenticate,
      schema: { tags, summary: `导入模板：${importTemplateLabels[kind]}`, produces: [mediaTypes.xlsx], response: { 200: binary, ...errorResponses } },
    }, async (_request, reply) => sendDocument(reply, { fileName: `${importTemplateLabels[kind]}导入模板.xlsx`, buffer: await buildImportTemplate(templateKinds[kind]) }, 'xlsx'));
  }

  r.post('/api/campaigns/:id/imports/item-scores', {
    preValidation: ctx.authenticate,
    schema: {
      tags,
      summary: '导入考核组评分（multipart/form-data，字段 file，.xlsx）：整表校验通过后一次写入，否则不写入；返回导入任务，用 GET /api/import-jobs/:id 查看进度',
      consumes: ['multipart/form-data'],
      params: campaignParamsSchema,
      querystring: importQuerySchema,
      response: { 200: importJobSchema, 202: importJobSchema, 422: importRefusedSchema, ...errorResponses, 413: errorSchema, 415: errorSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { fileName, buffer } = await uploadedWorkbook(request);
    const { jobId, row } = await startItemScoreImport(ctx.db, actor, request.params.id, fileName, ctx.now());
    const running = runItemScoreImport(ctx.db, actor, row, jobId, fileName, buffer, ctx.now);
    if (!request.query.wait) {
      void running;
      return reply.code(202).send(toImportJobView((await findImportJob(ctx.db, jobId))!, ctx.now()));
    }
    await running;
    const job = toImportJobView((await findImportJob(ctx.db, jobId))!, ctx.now());
    if (job.state === 'failed') {
      return reply.code(422).send({ code: 'import_refused', message: `工作簿有 ${job.issues.length} 处问题，没有导入任何数据。`, issues: job.issues });
    }
    return reply.code(200).send(job);
  });

  r.get('/api/campaigns/:id/criteria.xlsx', {
    ...download('考核细则（Excel）：现行方案的细则，可修改后导入', z.object({}).strict()),
  }, async (request, reply) => sendDocument(reply, await exportCriteria(ctx.db, actorOf(request), request.params.id), 'xlsx'));

  r.post('/api/campaigns/:id/imports/criteria', {
    preValidation: ctx.authenticate,
    schema: {
      tags,
      summary: '导入考核细则（multipart/form-data，字段 file，.xlsx）：替换现行方案的细则，保存为新版本；单位自评开始前；整表校验通过后写入，否则不写入并列出全部问题',
      consumes: ['multipart/form-data'],
      params: campaignParamsSchema,
      response: { 201: z.object({ schemeVersion: z.number().int(), criteria: z.number().int() }), 422: importRefusedSchema, ...errorResponses, 413: errorSchema, 415: errorSchema },
    },
  }, async (request, reply) => {
    const { fileName, buffer } = await uploadedWorkbook(request);
    const out = await importCriteria(ctx.db, actorOf(request), request.params.id, fileName, buffer, ctx.now());
    if (!out.ok) return reply.code(422).send({ code: 'import_refused', message: `工作簿有 ${out.issues.length} 处问题，没有导入任何数据。`, issues: out.issues });
    return reply.code(201).send({ schemeVersion: out.schemeVersion, criteria: out.criteria });
  });

  r.post('/api/organisations/:id/imports/units', {
    preValidation: ctx.authenticate,
    schema: {
      tags,
      summary: '导入被考核单位名册（multipart/form-data，字段 file，.xlsx）：只新增单位；整表校验通过后一次写入，否则不写入并列出全部问题',
      consumes: ['multipart/form-data'],
      params: campaignParamsSchema.describe('组织 id'),
      response: { 201: z.object({ created: z.number().int() }), 422: importRefusedSchema, ...errorResponses, 413: errorSchema, 415: errorSchema },
    },
  }, async (request, reply) => {
    const { fileName, buffer } = await uploadedWorkbook(request);
    const out = await importUnits(ctx.db, actorOf(request), request.params.id, fileName, buffer, ctx.now());
    if (!out.ok) return reply.code(422).send({ code: 'import_refused', message: `工作簿有 ${out.issues.length} 处问题，没有导入任何数据。`, issues: out.issues });
    return reply.code(201).send({ created: out.created });
  });

  r.get('/api/import-jobs/:id', {
    preValidation: ctx.authenticate,
    schema: { tags, summary: '导入任务的状态、进度与全部问题', params: importJobParamsSchema, response: { 200: importJobSchema, ...errorResponses } },
  }, async (request) => toImportJobView(await getImportJob(ctx.db, actorOf(request), request.params.id), ctx.now()));
}
