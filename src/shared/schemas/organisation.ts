import { z } from 'zod';
import { pageOf, pageQuery } from './list';

export const organisationKindSchema = z.enum(['province', 'city', 'county', 'town', 'body']);

export const organisationSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: organisationKindSchema,
  divisionCode: z.string().nullable().describe('行政区划代码（GB/T 2260，6 位，乡镇 9 位），未知时为空'),
  version: z.number().int(),
});
export type OrganisationView = z.infer<typeof organisationSchema>;

export const organisationListQuerySchema = z.object({
  ...pageQuery,
  sort: z.enum(['tree', 'name', 'kind', 'divisionCode']).default('tree').describe('排序字段：tree 为树的顺序（上级在前）'),
  kind: organisationKindSchema.optional(),
  parentId: z.string().max(100).optional().describe('只列出此组织的直接下级'),
  q: z.string().trim().max(50).optional().describe('名称包含'),
  all: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true：不分页，返回可见范围内符合条件的全部组织（用于组织树）'),
});

export const organisationListSchema = pageOf(organisationSchema);
