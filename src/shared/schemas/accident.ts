import { z } from 'zod';
import { accidentGrades } from '../../domain/accidents/grade';
import { reportLevels } from '../../domain/accidents/reporting';
import { pageOf, pageQuery } from './list';

const count = z.number().int().nonnegative();
const figures = {
  deaths: count.max(100_000).describe('死亡人数'),
  seriousInjuries: count.max(100_000).default(0).describe('重伤（含急性工业中毒）人数'),
  directLoss: count.max(2_000_000_000).default(0).describe('直接经济损失（元）'),
};

/** A report time: date and time to the minute (China time unless an offset is given). */
const reportTime = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, '报告时间格式应为 YYYY-MM-DDTHH:mm（须含时和分）');

/** 事故报告时限 (国务院令第493号第九条、第十条): when each level received the report. */
export const accidentReportTimesSchema = z.object({
  county: reportTime.optional().describe('事故单位负责人报告县级安全生产监督管理部门的时间（第九条：1小时内）'),
  city: reportTime.optional().describe('县级上报设区的市级的时间（第十条：2小时内）'),
  province: reportTime.optional().describe('市级上报省级的时间（较大及以上事故）'),
  stateCouncil: reportTime.optional().describe('省级上报国务院安全生产监督管理部门的时间（重大及以上事故）'),
}).strict();

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
  reports: accidentReportTimesSchema.optional().describe('已知的各级报告时间'),
}).strict();
export type AccidentCreate = z.infer<typeof accidentCreateSchema>;

export const accidentFiguresSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  ...figures,
  note: z.string().trim().min(1).max(500).describe('变化说明（如“伤者经抢救无效死亡”）'),
}).strict();
export type AccidentFiguresChange = z.infer<typeof accidentFiguresSchema>;

export const accidentReportLevelParamsSchema = z.object({
  id: z.string().min(1).max(100),
  level: z.enum(reportLevels).describe('报告层级：county 县级、city 市级、province 省级、stateCouncil 国务院'),
});

export const accidentReportChangeSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  reportedAt: reportTime.nullable().describe('该层级收到报告的时间；null 撤销误录的时间'),
}).strict();
export type AccidentReportChange = z.infer<typeof accidentReportChangeSchema>;

export const accidentLevelReportSchema = z.object({
  level: z.enum(reportLevels),
  levelLabel: z.string(),
  authority: z.string().describe('接收报告的部门'),
  reporter: z.string().describe('应当报告的一方'),
  required: z.boolean().describe('按当前事故等级须报至该层级'),
  limitHours: z.number().int().describe('时限（小时）'),
  basis: z.string(),
  deadline: z.string().nullable().describe('报告时限（北京时间 YYYY-MM-DDTHH:mm）'),
  reportedAt: z.string().nullable().describe('报告时间（北京时间 YYYY-MM-DDTHH:mm）'),
  state: z.enum(['onTime', 'late', 'pending', 'overdue', 'notRequired']),
  stateText: z.string().describe('按时、迟报 X 分钟、未报告、已超时'),
  minutesLate: z.number().int().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
});

export const accidentReportingSchema = z.object({
  occurredAtExact: z.boolean().describe('发生时间是否精确到时分；只有日期时时限自当日24时起算'),
  levels: z.array(accidentLevelReportSchema),
});

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
  reporting: accidentReportingSchema.optional().describe('事故报告时限（按应用时钟计算）'),
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
