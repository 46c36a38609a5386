import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can, canList, listScope } from '../../../domain/access/can';
import { errorResponses } from '../../../shared/schemas/error';
import { type UnitView, unitDirectorySchema, unitListQuerySchema, unitListSchema, unitParamsSchema, unitPatchSchema, unitSchema } from '../../../shared/schemas/unit';
import { forbidden, notFound } from '../../app-error';
import type { AppContext } from '../../context';
import { actorOf } from '../auth/authenticate';
import { toUnitView } from './presenter';
import { findUnit, listUnitDirectory, listUnits } from './repository';
import { updateUnit } from './update-unit';

export async function unitRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/units', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['被考核单位'],
      summary: '被考核单位列表（分页、筛选、排序；只含本人可见的单位）',
      querystring: unitListQuerySchema,
      response: { 200: unitListSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'unit.read')) throw forbidden();
    const q = request.query;
    const { rows, total } = await listUnits(ctx.db, listScope(actor, 'unit.read'), q);
    return { items: rows.map(toUnitView), total, page: q.page, pageSize: q.pageSize };
  });

  r.get('/api/units/directory', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['被考核单位'],
      summary: '单位名录：本人所在组织的全部单位（名称、类别、监管行业领域），供表单中选择单位；不含联系人等单位资料',
      response: { 200: unitDirectorySchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = actorOf(request);
    if (!canList(actor, 'unit.directory')) throw forbidden();
    const rows = await listUnitDirectory(ctx.db, listScope(actor, 'unit.directory'));
    return {
      items: rows.map((u) => ({
        id: u.id, organisationId: u.organisation_id, name: u.name,
        category: u.category as UnitView['category'], sectors: JSON.parse(u.sectors) as string[],
      })),
    };
  });

  r.get('/api/units/:id', {
    preValidation: ctx.authenticate,
    schema: { tags: ['被考核单位'], summary: '一个被考核单位', params: unitParamsSchema, response: { 200: unitSchema, ...errorResponses } },
  }, async (request) => {
    const actor = actorOf(request);
    const row = await findUnit(ctx.db, request.params.id);
    // Another unit's data is answered exactly like a missing one: its existence is not revealed.
    if (!row || !can(actor, 'unit.read', { organisationPath: row.organisation_path, unitId: row.id })) throw notFound('被考核单位');
    return toUnitView(row);
  });

  r.patch('/api/units/:id', {
    preValidation: ctx.authenticate,
    schema: {
      tags: ['被考核单位'],
      summary: '修改被考核单位（带 version；版本过期返回 409）',
      params: unitParamsSchema,
      body: unitPatchSchema,
      response: { 200: unitSchema, ...errorResponses },
    },
  }, async (request) => updateUnit(ctx.db, actorOf(request), request.params.id, request.body, ctx.now()));
}
