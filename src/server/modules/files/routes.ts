import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, type Actor } from '../../../domain/access/can';
import { errorResponses, errorSchema } from '../../../shared/schemas/error';
import { fileListQuerySchema, fileListSchema, fileParamsSchema, storedFileSchema, unitFilesParamsSchema } from '../../../shared/schemas/file';
import { AppError, notFound } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { canOnEnterprise } from '../enterprises/presenter';
import { canOnHazard } from '../hazards/presenter';
import { findUnit } from '../units/repository';
import type { FileStore } from './file-store';
import { contentDisposition, toStoredFileView } from './presenter';
import { findStoredFile, listFileAttachments, listUnitFiles } from './repository';
import { assertCanUpload, uploadFile } from './upload-file';

export async function fileRoutes(app: FastifyInstance, ctx: AppContext & { files: FileStore }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/units/:unitId/files', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['文件'],
      summary: '上传一个文件（multipart/form-data，字段 file；类型按内容判定，超过大小上限返回 413）',
      consumes: ['multipart/form-data'],
      params: unitFilesParamsSchema,
      response: { 201: storedFileSchema, ...errorResponses, 413: errorSchema, 415: errorSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    await assertCanUpload(ctx.db, actor, request.params.unitId);
    if (!request.isMultipart()) throw new AppError('unsupported_media_type', '上传须使用 multipart/form-data。');
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw new AppError('validation_failed', '请求体字段“file”：缺少上传的文件。');
    const view = await uploadFile(ctx.db, ctx.files, actor, request.params.unitId, { filename: part.filename, stream: part.file }, ctx.config.uploadMaxBytes, ctx.now());
    return reply.code(201).send(view);
  });

  r.get('/api/units/:unitId/files', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['文件'],
      summary: '一个被考核单位的文件（分页，默认最新在前）',
      params: unitFilesParamsSchema,
      querystring: fileListQuerySchema,
      response: { 200: fileListSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const unit = await findUnit(ctx.db, request.params.unitId);
    if (!unit || !can(actor, 'file.read', { organisationPath: unit.organisation_path, unitId: unit.id })) throw notFound('被考核单位');
    const { page, pageSize, order } = request.query;
    const { rows, total } = await listUnitFiles(ctx.db, unit.id, { page, pageSize, order });
    return { items: rows.map(toStoredFileView), total, page, pageSize };
  });

  r.get('/api/files/:id', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['文件'],
      summary: '下载文件（流式传输，保留原中文文件名）',
      params: fileParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: z.unknown().describe('文件内容（二进制流）'), ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const row = await findStoredFile(ctx.db, request.params.id);
    if (!row || !(await mayReadFile(ctx.db, actor, row))) throw notFound('文件');
    const stream = ctx.files.read(row.sha256);
    return reply
      .header('content-type', row.media_type)
      .header('content-length', String(row.size))
      .header('content-disposition', contentDisposition(row.original_name))
      .header('cache-control', 'private, no-store')
      .send(stream);
  });
}

/**
 * A file is read by whoever may read the unit that uploaded it, and by whoever may read a
 * record that shows it: a hazard card's photos and an enterprise's reports are shared by the
 * town and the department of the card or enterprise, whichever of them uploaded the file.
 */
async function mayReadFile(db: AppContext['db'], actor: Actor, row: { id: string; organisation_path: string; unit_id: string }): Promise<boolean> {
  if (can(actor, 'file.read', { organisationPath: row.organisation_path, unitId: row.unit_id })) return true;
  const { hazards, reports } = await listFileAttachments(db, row.id);
  return hazards.some((h) => canOnHazard(actor, 'hazard.read', h)) || reports.some((e) => canOnEnterprise(actor, 'enterprise.read', e));
}
