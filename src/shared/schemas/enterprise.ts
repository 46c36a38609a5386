import { z } from 'zod';
import { validateCreditCode } from '../../domain/ledgers/enterprise/credit-code';
import { ENTERPRISE_SIZE_ZH, STANDARDISATION_LEVEL_ZH } from '../../domain/ledgers/enterprise/enterprise-file';
import { pageOf, pageQuery } from './list';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

export const enterpriseSizes = Object.keys(ENTERPRISE_SIZE_ZH) as (keyof typeof ENTERPRISE_SIZE_ZH)[];
export const enterpriseSizeSchema = z.enum(enterpriseSizes as ['large', 'medium', 'small', 'micro']).describe('企业规模：大型、中型、小型、微型');
export const enterpriseSizeLabels = ENTERPRISE_SIZE_ZH;
export const standardisationLevelSchema = z.enum(['level1', 'level2', 'level3', 'none']).describe('安全生产标准化等级：一级、二级、三级、未达标');
export const standardisationLevelLabels = STANDARDISATION_LEVEL_ZH;

/** 统一社会信用代码, checked by GB 32100-2015 (the refusal names the position or check character). */
export const creditCodeSchema = z.string().superRefine((value, ctx) => {
  const r = validateCreditCode(value);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.messageZh });
}).transform((value) => value.trim().toUpperCase()).describe('统一社会信用代码（18位，按 GB 32100-2015 校验）');

export const licenceSchema = z.object({
  kind: text(100).describe('许可证名称，如 安全生产许可证'),
  number: text(100).describe('证书编号'),
  validFrom: date.describe('有效期起'),
  validTo: date.describe('有效期止'),
}).strict();

export const safetyStaffSchema = z.object({
  name: text(50).describe('姓名'),
  role: text(50).describe('职务，如 安全生产管理人员'),
  certificate: z.string().trim().max(100).optional().describe('资格证书编号'),
}).strict();

export const majorHazardSourceSchema = z.object({
  name: text(200).describe('重大危险源名称'),
  level: z.enum(['一级', '二级', '三级', '四级']).optional().describe('重大危险源等级'),
  note: z.string().trim().max(500).optional(),
}).strict();

export const emergencyPlanSchema = z.object({
  title: text(200).describe('应急预案名称'),
  approvedOn: date.optional().describe('评审或备案日期'),
  drills: z.array(z.object({ on: date.describe('演练日期'), note: z.string().trim().max(500).optional() }).strict()).max(100).default([]).describe('应急演练'),
}).strict();

const enterpriseFields = {
  name: text(200).describe('单位名称'),
  creditCode: creditCodeSchema,
  address: text(300).describe('地址'),
  legalRepresentative: text(50).describe('法定代表人'),
  sector: text(50).describe('行业领域（代码或中文名称）'),
  size: enterpriseSizeSchema,
  territorialUnitId: text(100).describe('属地镇（街道）单位'),
  regulatingUnitId: text(100).describe('行业监管部门'),
  standardisationLevel: standardisationLevelSchema.nullable().optional(),
  licences: z.array(licenceSchema).max(50).default([]),
  safetyStaff: z.array(safetyStaffSchema).max(200).default([]),
  majorHazardSources: z.array(majorHazardSourceSchema).max(100).default([]),
  emergencyPlans: z.array(emergencyPlanSchema).max(100).default([]),
};

export const enterpriseCreateSchema = z.object(enterpriseFields).strict();
export type EnterpriseCreate = z.infer<typeof enterpriseCreateSchema>;

export const enterprisePatchSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  name: enterpriseFields.name.optional(),
  creditCode: creditCodeSchema.optional(),
  address: enterpriseFields.address.optional(),
  legalRepresentative: enterpriseFields.legalRepresentative.optional(),
  sector: enterpriseFields.sector.optional(),
  size: enterpriseSizeSchema.optional(),
  territorialUnitId: enterpriseFields.territorialUnitId.optional(),
  regulatingUnitId: enterpriseFields.regulatingUnitId.optional(),
  standardisationLevel: standardisationLevelSchema.nullable().optional(),
  licences: z.array(licenceSchema).max(50).optional(),
  safetyStaff: z.array(safetyStaffSchema).max(200).optional(),
  majorHazardSources: z.array(majorHazardSourceSchema).max(100).optional(),
  emergencyPlans: z.array(emergencyPlanSchema).max(100).optional(),
}).strict();
export type EnterprisePatch = z.infer<typeof enterprisePatchSchema>;

export const licenceStatusSchema = z.enum(['notYetValid', 'valid', 'expiringSoon', 'expired']);
export const licenceStatusLabels: Record<z.infer<typeof licenceStatusSchema>, string> = {
  notYetValid: '未到有效期', valid: '有效', expiringSoon: '即将到期', expired: '已过期',
};

export const enterpriseSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  creditCode: z.string(),
  address: z.string(),
  legalRepresentative: z.string(),
  sector: z.string(),
  sectorLabel: z.string().describe('行业领域中文名称'),
  size: enterpriseSizeSchema,
  territorialUnitId: z.string(),
  territorialUnitName: z.string(),
  regulatingUnitId: z.string(),
  regulatingUnitName: z.string(),
  standardisationLevel: standardisationLevelSchema.nullable(),
  licences: z.array(licenceSchema.extend({ status: licenceStatusSchema.describe('按今天计算的有效状态') })),
  safetyStaff: z.array(safetyStaffSchema),
  majorHazardSources: z.array(majorHazardSourceSchema),
  emergencyPlans: z.array(emergencyPlanSchema),
  version: z.number().int().describe('乐观并发版本号：修改时原样带回'),
  updatedAt: z.string(),
});
export type EnterpriseView = z.infer<typeof enterpriseSchema>;

export const enterpriseListQuerySchema = z.object({
  ...pageQuery,
  sort: z.enum(['name', 'creditCode', 'updatedAt']).default('name').describe('排序字段'),
  territorialUnitId: z.string().min(1).max(100).optional().describe('属地镇（街道）'),
  regulatingUnitId: z.string().min(1).max(100).optional().describe('行业监管部门'),
  sector: z.string().min(1).max(50).optional().describe('行业领域'),
  size: enterpriseSizeSchema.optional(),
  q: z.string().trim().max(50).optional().describe('名称或信用代码包含'),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuerySchema>;
export const enterpriseListSchema = pageOf(enterpriseSchema);

export const enterpriseParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const timelineKindSchema = z.enum(['hazard', 'inspection', 'enforcement', 'accident', 'tip', 'expertReport', 'training', 'licence']);
export const timelineKindLabels: Record<z.infer<typeof timelineKindSchema>, string> = {
  hazard: '隐患', inspection: '执法检查', enforcement: '执法措施', accident: '事故', tip: '举报', expertReport: '专家报告', training: '培训', licence: '许可证',
};

/** 一企一档: the enterprise and every record about it on one timeline, newest first. */
export const enterpriseFileSchema = z.object({
  enterprise: enterpriseSchema,
  counts: z.object({ hazards: z.number().int(), openHazards: z.number().int(), majorHazards: z.number().int(), accidents: z.number().int() }),
  timeline: z.array(z.object({ kind: timelineKindSchema, id: z.string(), at: z.string(), title: z.string() })),
});

export const enterpriseImportResultSchema = z.object({ imported: z.number().int().describe('导入的单位数') });
