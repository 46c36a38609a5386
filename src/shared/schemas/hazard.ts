import { z } from 'zod';
import { HAZARD_ACTION_ZH, HAZARD_GRADE_ZH, HAZARD_ROLE_ZH, HAZARD_STATE_ZH } from '../../domain/ledgers/hazard/hazard-card';
import { pageOf, pageQuery } from './list';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const fileIds = z.array(z.string().min(1).max(100)).max(20);

export const hazardStates = ['found', 'registered', 'graded', 'rectifying', 'acceptanceApplied', 'accepted', 'closed'] as const;
export const hazardStateSchema = z.enum(hazardStates).describe('隐患状态');
export const hazardStateLabels = HAZARD_STATE_ZH;
export const hazardGradeSchema = z.enum(['general', 'major']).describe('一般隐患 / 重大隐患');
export const hazardGradeLabels = HAZARD_GRADE_ZH;
export const hazardFoundWaySchema = z.enum(['selfCheck', 'inspection', 'expertCheck', 'tip']).describe('发现方式：自查、执法检查、专家检查、举报');
export const hazardFoundWayLabels: Record<z.infer<typeof hazardFoundWaySchema>, string> = {
  selfCheck: '企业自查', inspection: '执法检查', expertCheck: '专家检查', tip: '举报核查',
};
export const hazardActionLabels = HAZARD_ACTION_ZH;
export const hazardRoleLabels = HAZARD_ROLE_ZH;

export const hazardCreateSchema = z.object({
  enterpriseId: text(100).describe('生产经营单位'),
  foundOn: date.describe('发现日期'),
  foundWay: hazardFoundWaySchema,
  foundBy: text(100).describe('发现人'),
  place: text(200).describe('隐患部位'),
  description: text(2000).describe('隐患描述'),
  photosBefore: fileIds.default([]).describe('整改前照片（已上传文件的标识）'),
  enforcementDocumentNumbers: z.array(text(100)).max(20).default([]).describe('执法文书编号'),
}).strict();
export type HazardCreate = z.infer<typeof hazardCreateSchema>;

const planSchema = z.object({
  goal: z.string().trim().max(2000).describe('治理的目标和任务'),
  measures: z.string().trim().max(2000).describe('采取的方法和措施'),
  funds: z.object({ amountYuan: z.number().int().min(0).max(2_000_000_000), source: z.string().trim().max(200) }).strict().describe('经费和物资的落实'),
  responsibleBody: z.string().trim().max(200).describe('负责治理的机构'),
  responsiblePerson: z.string().trim().max(50).describe('负责治理的人员'),
  deadline: z.string().max(10).describe('治理的时限'),
  safetyAndEmergencyMeasures: z.string().trim().max(2000).describe('安全措施和应急预案'),
}).strict();

const fiveInPlaceSchema = z.object({
  measures: z.boolean(), funds: z.boolean(), deadline: z.boolean(), person: z.boolean(), emergencyPlan: z.boolean(),
}).strict().describe('五到位：措施、资金、期限、责任人、应急预案');

const version = { version: z.number().int().min(1).describe('读取时的版本号') };

/** One step of the card's life cycle; the rules engine checks role, order and data. */
export const hazardStepSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('register'), number: text(50).describe('隐患编号'), ...version }).strict(),
  z.object({ action: z.literal('grade'), grade: hazardGradeSchema, legalBasis: z.string().trim().max(500).optional().describe('判定依据'), ...version }).strict(),
  z.object({
    action: z.literal('startRectification'),
    measures: z.string().trim().max(2000).describe('整改措施'),
    responsiblePerson: z.string().trim().max(50).describe('整改责任人'),
    deadline: date.describe('整改期限'),
    fundsYuan: z.number().int().min(0).max(2_000_000_000).optional().describe('整改资金（元）'),
    temporaryMeasures: z.string().trim().max(2000).optional().describe('临时管控措施'),
    plan: planSchema.optional().describe('重大隐患治理方案'),
    fiveInPlace: fiveInPlaceSchema.optional(),
    ...version,
  }).strict(),
  z.object({ action: z.literal('applyForAcceptance'), summary: z.string().trim().max(2000).describe('整改情况说明'), photosAfter: fileIds.default([]).describe('整改后照片'), ...version }).strict(),
  z.object({ action: z.literal('accept'), conclusion: z.string().trim().max(2000).describe('验收结论'), reviewer: z.string().trim().max(100).describe('验收人'), ...version }).strict(),
  z.object({ action: z.literal('return'), reason: z.string().trim().max(2000).describe('退回理由'), ...version }).strict(),
  z.object({ action: z.literal('close'), ...version }).strict(),
]);
export type HazardStep = z.infer<typeof hazardStepSchema>;

export const escalationLevelSchema = z.enum(['none', 'supervision', 'listedSupervision']);
export const escalationLevelLabels: Record<z.infer<typeof escalationLevelSchema>, string> = {
  none: '无', supervision: '督办', listedSupervision: '挂牌督办',
};

const deadlineStatusSchema = z.object({
  today: z.string(),
  rectificationDeadline: z.string().optional(),
  rectificationOverdue: z.boolean(),
  daysOverdue: z.number().int(),
  acceptanceDueOn: z.string().optional(),
  acceptanceOverdue: z.boolean(),
  acceptanceDaysOverdue: z.number().int(),
});

const escalationSchema = z.object({
  level: escalationLevelSchema,
  sinceOn: z.string().optional(),
  by: z.string().optional().describe('督办机关'),
  reason: z.string(),
});

export const hazardSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  territorialUnitId: z.string(),
  territorialUnitName: z.string(),
  regulatingUnitId: z.string(),
  regulatingUnitName: z.string(),
  sector: z.string(),
  sectorLabel: z.string(),
  foundOn: z.string(),
  foundWay: hazardFoundWaySchema,
  description: z.string(),
  state: hazardStateSchema,
  stateLabel: z.string(),
  grade: hazardGradeSchema.nullable(),
  rectificationDeadline: z.string().nullable(),
  acceptanceDueOn: z.string().nullable(),
  lateAcceptance: z.boolean().describe('超过申请后10日才验收（第16号令第二十三条）'),
  closedOn: z.string().nullable(),
  returnCount: z.number().int(),
  deadlineStatus: deadlineStatusSchema,
  escalation: escalationSchema,
  version: z.number().int(),
});
export type HazardView = z.infer<typeof hazardSchema>;

export const hazardEventSchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  at: z.string(),
  accountId: z.string().nullable(),
  actorRole: z.string(),
  actorRoleLabel: z.string(),
  reason: z.string().nullable(),
  flags: z.array(z.string()),
  summary: z.string(),
});

/** The whole card (一隐患一卡) with its history. */
export const hazardCardSchema = hazardSchema.extend({
  card: z.record(z.string(), z.unknown()).describe('隐患卡全部内容（定级依据、整改方案、验收等）'),
  photosBefore: z.array(z.string()),
  photosAfter: z.array(z.string()),
  events: z.array(hazardEventSchema),
});

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const hazardListQuerySchema = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc').describe('排序方向'),
  sort: z.enum(['foundOn', 'deadline', 'number']).default('foundOn').describe('排序字段'),
  territorialUnitId: z.string().min(1).max(100).optional().describe('属地镇（街道）'),
  regulatingUnitId: z.string().min(1).max(100).optional().describe('行业监管部门'),
  enterpriseId: z.string().min(1).max(100).optional().describe('生产经营单位'),
  sector: z.string().min(1).max(50).optional().describe('行业领域'),
  grade: hazardGradeSchema.optional(),
  state: hazardStateSchema.optional(),
  overdue: bool.optional().describe('只看逾期未整改'),
  foundFrom: date.optional().describe('发现日期起'),
  foundTo: date.optional().describe('发现日期止'),
});
export type HazardListQuery = z.infer<typeof hazardListQuerySchema>;
export const hazardListSchema = pageOf(hazardSchema);
export const hazardExportQuerySchema = hazardListQuerySchema.omit({ page: true, pageSize: true });
export type HazardExportQuery = z.infer<typeof hazardExportQuerySchema>;

export const hazardParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const overdueHazardListSchema = z.object({
  today: z.string(),
  items: z.array(hazardSchema),
});

const hazardCountsSchema = z.object({
  total: z.number().int(),
  overdue: z.number().int().describe('整改或验收逾期'),
  states: z.array(z.object({ state: hazardStateSchema, stateLabel: z.string(), count: z.number().int() })).describe('各状态的隐患数（只列有隐患的状态）'),
});

/** Counts for the dashboard's charts: per town and per sector, by state, overdue at today. */
export const hazardSummarySchema = z.object({
  today: z.string(),
  byTown: z.array(hazardCountsSchema.extend({ unitId: z.string(), unitName: z.string() })),
  bySector: z.array(hazardCountsSchema.extend({ sector: z.string(), sectorLabel: z.string() })),
});
export type HazardSummary = z.infer<typeof hazardSummarySchema>;
