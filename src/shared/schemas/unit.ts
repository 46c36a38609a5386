import { z } from 'zod';
import { pageOf, pageQuery } from './list';

export const unitCategorySchema = z.enum(['territorial', 'department', 'stationed']).describe('属地 / 部门 / 驻区单位');

export const unitCategoryLabels: Record<z.infer<typeof unitCategorySchema>, string> = {
  territorial: '属地',
  department: '部门',
  stationed: '驻区单位',
};

export const unitSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  areaOrganisationId: z.string().nullable(),
  name: z.string(),
  category: unitCategorySchema,
  sectors: z.array(z.string()).describe('监管的行业领域'),
  sortOrder: z.number().int(),
  version: z.number().int().describe('乐观并发版本号：修改时原样带回'),
  updatedAt: z.string(),
});
export type UnitView = z.infer<typeof unitSchema>;

export const unitListQuerySchema = z.object({
  ...pageQuery,
  sort: z.enum(['sortOrder', 'name', 'category', 'updatedAt']).default('sortOrder').describe('排序字段'),
  category: unitCategorySchema.optional(),
  q: z.string().trim().max(50).optional().describe('名称包含'),
});

export const unitListSchema = pageOf(unitSchema);

export const unitParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const unitPatchSchema = z
  .object({
    version: z.number().int().min(1).describe('读取时的版本号'),
    name: z.string().trim().min(1).max(100).optional(),
    category: unitCategorySchema.optional(),
    sectors: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type UnitPatch = z.infer<typeof unitPatchSchema>;
