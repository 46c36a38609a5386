import { z } from 'zod';
import { accidentGrades } from '../../domain/accidents/grade';
import { pageOf, pageQuery } from './list';

const count = z.number().int().nonnegative();
const figures = {
  deaths: count.max(100_000).describe('死亡人数'),
  seriousInjuries: count.max(100_000).default(0).describe('重伤（含急性工业中毒）人数'),
  directLoss: count.max(2_000_000_000).default(0).describe('直接经济损失（元）'),
};

export const accidentCreateSchema = z.object({
  number: z.string().trim().min(1).max(50).regex(/^[\w.-]+$/, '事故编号只能含字母、数字、“-”“_”“.”').optional().describe('事故编号；缺省自动生成'),
  organisationId: z.string().min(1).max(100).describe('登记事故的机构（如区）'),
  occurredAt: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, '时间格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:mm').describe('发生时间'),
  place: z.string().trim().max(200).optional(),
  territorialUnitId: z.string().min(1).max(100).optional().describe('事故发生地所属的属地单位'),
  sector: z.string().trim().min(1).max(50).optional().describe('行业领域代码，如 construction、road-traffic、fire'),
  regulatingUnitId: z.string().min(1).max(100).optional().describe('行业监管部门'),
  enterprise: z.string().trim().max(200).optional(),
  liability: z.boolean().default(true).describe('是否责任事故'),
  summary: z.string().trim().max(2000).optional(),
  ...figures,
}).strict();
export type AccidentCreate = z.infer<typeof accidentCreateSchema>;

export const accidentFiguresSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  ...figures,
  note: z.string().trim().min(1).max(500).describe('变化说明（如“伤者经抢救无效死亡”）'),
}).strict();
export type AccidentFiguresChange = z.infer<typeof accidentFiguresSchema>;

export const accidentVersionSchema = z.object({
  version: z.number().int(),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  directLoss: z.number().int(),
  grade: z.enum(accidentGrades),
  late: z.boolean().describe('超出国务院令第493号第十三条补报期限'),
  note: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable().optional().describe('修改人姓名'),
});

export const accidentSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  occurredAt: z.string(),
  place: z.string().nullable(),
  territorialUnitId: z.string().nullable(),
  sector: z.string().nullable(),
  regulatingUnitId: z.string().nullable(),
  enterprise: z.string().nullable(),
  liability: z.boolean(),
  summary: z.string().nullable(),
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  directLoss: z.number().int(),
  grade: z.enum(accidentGrades),
  gradeLabel: z.string(),
  gradeReasons: z.array(z.string()),
  version: z.number().int(),
  versions: z.array(accidentVersionSchema).optional(),
  updateWarning: z.string().nullable().optional().describe('逾期补报的提示'),
});

export const accidentListQuerySchema = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc').describe('按发生时间排序的方向'),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  unitId: z.string().min(1).max(100).optional().describe('属地单位或行业监管部门'),
  sector: z.string().trim().min(1).max(50).optional().describe('行业领域代码'),
  grade: z.enum(accidentGrades).optional().describe('事故等级'),
});
export type AccidentListQuery = z.infer<typeof accidentListQuerySchema>;
export const accidentListSchema = pageOf(accidentSchema);
export const accidentParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const vetoProposalSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  ruleId: z.string(),
  reason: z.string(),
  accidentIds: z.array(z.string()),
  decision: z.enum(['pending', 'confirmed', 'rejected']),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const vetoProposalListSchema = z.object({ items: z.array(vetoProposalSchema) });

export const vetoDecisionSchema = z.object({
  unitId: z.string().min(1).max(100),
  ruleId: z.string().min(1).max(100),
  decision: z.enum(['confirmed', 'rejected']),
  reason: z.string().trim().min(2).max(1000).describe('确认或驳回的理由'),
}).strict();
export type VetoDecisionInput = z.infer<typeof vetoDecisionSchema>;
