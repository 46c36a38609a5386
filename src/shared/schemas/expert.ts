import { z } from 'zod';
import { EXPERT_LEVEL_ZH } from '../../domain/ledgers/expert/draw-experts';
import { pageOf, pageQuery } from './list';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(100);

export const expertLevels = ['national', 'provincial', 'city', 'county'] as const;
export const expertLevelSchema = z.enum(expertLevels).describe('专家级别：国家级、省级、市级、县级');
export const expertLevelLabels = EXPERT_LEVEL_ZH;

const period = z.object({ from: date.describe('起'), to: date.describe('止') }).strict()
  .refine((p) => p.from <= p.to, { message: '起始日期不能晚于终止日期', path: ['to'] });

/** The fields of an expert; on create all but the optional ones are required, on update any. */
const expertFields = {
  name: text(50).describe('姓名'),
  specialties: z.array(text(50)).min(1).max(20).describe('专业'),
  level: expertLevelSchema,
  title: text(50).nullable().optional().describe('职称'),
  employerEnterpriseId: id.nullable().optional().describe('现工作单位（本区台账中的生产经营单位）'),
  employerName: text(200).nullable().optional().describe('现工作单位名称（不在台账中时）'),
  formerEmployers: z.array(z.object({ enterpriseId: id, until: date.describe('任职至') }).strict()).max(20).optional().describe('曾任职单位'),
  declaredTies: z.array(z.object({ enterpriseId: id, relation: text(100).describe('关系（亲属、持股、顾问等）') }).strict()).max(20).optional().describe('申报的利害关系'),
  active: z.boolean().optional().describe('在库（停用的专家不参加抽取）'),
  unavailable: z.array(period).max(50).optional().describe('不能参加检查的期间'),
};

export const expertCreateSchema = z.object(expertFields).strict();
export type ExpertCreate = z.infer<typeof expertCreateSchema>;

export const expertUpdateSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  ...Object.fromEntries(Object.entries(expertFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof expertFields]: z.ZodOptional<(typeof expertFields)[K]> },
}).strict();
export type ExpertUpdate = z.infer<typeof expertUpdateSchema>;

export const expertParamsSchema = z.object({ id });

export const expertSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  specialties: z.array(z.string()),
  level: expertLevelSchema,
  levelLabel: z.string(),
  title: z.string().nullable(),
  employerEnterpriseId: z.string().nullable(),
  employerName: z.string().nullable().describe('现工作单位名称（台账中的企业取其名称）'),
  formerEmployers: z.array(z.object({ enterpriseId: z.string(), until: z.string() })),
  declaredTies: z.array(z.object({ enterpriseId: z.string(), relation: z.string() })),
  active: z.boolean(),
  unavailable: z.array(z.object({ from: z.string(), to: z.string() })),
  version: z.number().int(),
});
export type ExpertView = z.infer<typeof expertSchema>;

export const expertListQuerySchema = z.object({
  ...pageQuery,
  specialty: text(50).optional().describe('专业'),
  level: expertLevelSchema.optional(),
  active: bool.optional().describe('是否在库'),
}).strict();
export type ExpertListQuery = z.infer<typeof expertListQuerySchema>;
export const expertListSchema = pageOf(expertSchema);
