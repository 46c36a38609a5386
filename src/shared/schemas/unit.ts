import { z } from 'zod';
import { pageOf, pageQuery } from './list';

export const unitCategorySchema = z.enum(['territorial', 'department', 'stationed']).describe('属地 / 部门 / 驻区单位');

export const unitCategoryLabels: Record<z.infer<typeof unitCategorySchema>, string> = {
  territorial: '属地',
  department: '部门',
  stationed: '驻区单位',
};

const personName = (label: string) => z.string().trim().min(1, `请填写${label}姓名`).max(50, `${label}姓名最多 50 字`);
const post = (label: string) => z.string().trim().min(1, `请填写${label}职务`).max(50, `${label}职务最多 50 字`);

/** A phone as offices write it: 0533-6181234, 13800000000, +86 533 6181234. */
export const contactPhoneSchema = z.string().trim().regex(/^[0-9+\-() ]{7,20}$/, '联系电话应为 7–20 位数字，可含 - + ( ) 和空格');

/** 单位的主要负责人、分管负责人（签订责任书的人）与联系人。 */
export const unitContactsSchema = z.object({
  principal: z.object({ name: personName('主要负责人'), post: post('主要负责人').optional() }).strict().optional().describe('主要负责人'),
  deputy: z.object({ name: personName('分管负责人'), post: post('分管负责人').optional() }).strict().optional().describe('分管负责人'),
  contact: z.object({
    name: personName('联系人').optional(),
    phone: contactPhoneSchema.optional(),
  }).strict().refine((c) => c.name !== undefined || c.phone !== undefined, '联系人须有姓名或联系电话').optional()
    .describe('联系人（姓名与联系电话，至少一项；名册只有单位电话时无姓名）'),
}).strict();
export type UnitContacts = z.infer<typeof unitContactsSchema>;

export const unitSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  areaOrganisationId: z.string().nullable(),
  name: z.string(),
  category: unitCategorySchema,
  sectors: z.array(z.string()).describe('监管的行业领域'),
  sortOrder: z.number().int(),
  contacts: unitContactsSchema,
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

/** 单位名录: one entry per unit of the actor's organisation, for choosing a unit in a form. */
export const unitDirectorySchema = z.object({
  items: z.array(z.object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    category: unitCategorySchema,
    sectors: z.array(z.string()).describe('监管的行业领域'),
  })),
});
export type UnitDirectory = z.infer<typeof unitDirectorySchema>;

export const unitParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const unitPatchSchema = z
  .object({
    version: z.number().int().min(1).describe('读取时的版本号'),
    name: z.string().trim().min(1).max(100).optional(),
    category: unitCategorySchema.optional(),
    sectors: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
    contacts: unitContactsSchema.optional().describe('主要负责人、分管负责人与联系人：整体替换，不填的一项即清除'),
  })
  .strict();
export type UnitPatch = z.infer<typeof unitPatchSchema>;
