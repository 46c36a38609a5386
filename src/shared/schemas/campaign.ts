import { z } from 'zod';
import { campaignStates } from '../../domain/workflow/campaign-state';
import { graceDaysRange } from '../../domain/workflow/monthly-report';

/** Dates the office sets for a campaign (ISO dates, YYYY-MM-DD). */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** 月报报送期限: days after month end, range and reason in domain/workflow/monthly-report.ts. */
const graceRangeMessage = `月报报送期限应为月末后 ${graceDaysRange.min} 至 ${graceDaysRange.max} 日的整数`;
export const monthlyReportGraceDaysSchema = z.number(graceRangeMessage).int(graceRangeMessage)
  .min(graceDaysRange.min, graceRangeMessage).max(graceDaysRange.max, graceRangeMessage);

export const campaignDatesSchema = z.object({
  agreementDue: isoDate.optional().describe('责任书签订截止日期'),
  selfAssessmentDue: isoDate.optional().describe('单位自评截止日期'),
  assessmentEnds: isoDate.optional().describe('考核评分截止日期'),
  monthlyReportGraceDays: monthlyReportGraceDaysSchema.optional()
    .describe('月报报送期限：月末后 N 日内报送为按时（0 为月末当日）；新建缺省 2，复制缺省沿用上年'),
}).strict();

/**
 * A change of a campaign's dates (修改考核活动日期) read at `version`: any of the dates, null to
 * clear one. Which may still change, and their order, is domain/workflow/campaign-dates.ts.
 */
export const campaignDatesUpdateSchema = z.object({
  version: z.number().int().min(1).describe('读取时的考核活动版本号'),
  agreementDue: isoDate.nullable().optional().describe('责任书签订截止日期；null 清除'),
  selfAssessmentDue: isoDate.nullable().optional().describe('单位自评截止日期；null 清除'),
  assessmentEnds: isoDate.nullable().optional().describe('考核评分截止日期；null 清除'),
  publicityDays: z.number().int('公示天数应为整数').min(1, '公示天数应为 1 至 30 天').max(30, '公示天数应为 1 至 30 天').nullable().optional()
    .describe('计划公示天数（审定时可改）；null 清除'),
  monthlyReportGraceDays: monthlyReportGraceDaysSchema.optional()
    .describe('月报报送期限：月末后 N 日内（0–15）；只适用于尚未结束的月份，已结束的月份仍按原期限'),
}).strict();
export type CampaignDatesUpdate = z.infer<typeof campaignDatesUpdateSchema>;

/**
 * One assessed unit of a campaign: a unit of the platform plus the engine's per-campaign
 * fields (docs/scheme-format.md, units). They are validated with the scheme by the rules engine.
 */
export const campaignUnitInputSchema = z.object({
  unitId: z.string().min(1).max(100).describe('被考核单位 id'),
  category: z.string().min(1).max(50).optional().describe('考核方案中的单位类别 id；缺省为单位的类别'),
  regulates: z.array(z.string().min(1).max(50)).max(50).optional().describe('监管行业'),
  rewardBase: z.number().int().nonnegative().optional().describe('奖励基数（元）'),
  persons: z.array(z.object({ role: z.string(), name: z.string() }).strict()).max(20).optional(),
  controlIndicators: z.array(z.record(z.string(), z.unknown())).max(50).optional().describe('控制指标'),
}).strict();
export type CampaignUnitInput = z.infer<typeof campaignUnitInputSchema>;

export const campaignCreateSchema = z.object({
  organisationId: z.string().min(1).max(100).describe('组织考核的机构（如区）'),
  scheme: z.union([z.record(z.string(), z.unknown()), z.string().min(1).max(2_000_000)])
    .describe('考核方案：JSON 对象，或 YAML/JSON 文本（格式见 docs/scheme-format.md）'),
  units: z.array(campaignUnitInputSchema).min(1).max(10_000),
  period: z.string().trim().max(20).optional().describe('如“第三季度”；缺省为年度'),
  dates: campaignDatesSchema.optional(),
}).strict();
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;

export const schemeRevisionSchema = z.object({
  version: z.number().int().min(1).describe('修改所依据的方案版本号'),
  scheme: z.union([z.record(z.string(), z.unknown()), z.string().min(1).max(2_000_000)])
    .describe('修改后的考核方案：JSON 对象，或 YAML/JSON 文本'),
  note: z.string().trim().min(1).max(500).optional().describe('修改说明'),
}).strict();
export type SchemeRevision = z.infer<typeof schemeRevisionSchema>;

export const campaignCopySchema = z.object({
  year: z.number().int().min(1990).max(2100).describe('新考核年度'),
  name: z.string().trim().min(1).max(100).optional().describe('缺省：把原名称中的年份换成新年度'),
  addUnits: z.array(campaignUnitInputSchema).max(1000).optional(),
  removeUnitIds: z.array(z.string()).max(1000).optional(),
  dates: campaignDatesSchema.optional(),
}).strict();
export type CampaignCopy = z.infer<typeof campaignCopySchema>;

export const campaignSchemeUpdateSchema = z.object({
  version: z.number().int().min(1).describe('读取时的考核活动版本号'),
  scheme: campaignCreateSchema.shape.scheme,
  note: z.string().trim().min(1).max(500).describe('修改说明'),
}).strict();

export const campaignStateSchema = z.enum(campaignStates);

export const campaignSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  year: z.number().int(),
  period: z.string().nullable(),
  state: campaignStateSchema,
  stateLabel: z.string(),
  schemeVersion: z.number().int(),
  agreementDue: z.string().nullable(),
  selfAssessmentDue: z.string().nullable(),
  assessmentEnds: z.string().nullable(),
  publicityDays: z.number().int().nullable(),
  publicityEndsAt: z.string().nullable(),
  approvalMeeting: z.string().nullable(),
  monthlyReportGraceDays: z.number().int().describe('月报报送期限：月末后 N 日内（适用于修改时尚未结束的月份）'),
  version: z.number().int().describe('乐观并发版本号：状态变更时原样带回'),
  updatedAt: z.string(),
});
export type CampaignView = z.infer<typeof campaignSchema>;

export const campaignListSchema = z.object({ items: z.array(campaignSchema) });

/** The new campaign of a copy, with the assessment teams copied into it. */
export const campaignCopyResultSchema = campaignSchema.extend({
  teams: z.array(z.object({
    teamId: z.string(),
    name: z.string(),
    memberCount: z.number().int().describe('复制的组员数（含组长）'),
    unitCount: z.number().int().describe('复制的被考核单位数（仅限复制到新活动的单位）'),
    leftOutMembers: z.array(z.object({ accountId: z.string(), displayName: z.string() }))
      .describe('账号已停用、未复制的组员；组长停用时新考核组暂无组长'),
  })).describe('随考核活动复制的考核组'),
});

/** The campaign's current scheme as stored (docs/scheme-format.md), for reading it on screen. */
export const campaignSchemeViewSchema = z.object({
  version: z.number().int().describe('考核方案版本'),
  scheme: z.record(z.string(), z.unknown()).describe('考核方案（JSON）'),
});

export const campaignParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const campaignUnitParamsSchema = z.object({ id: z.string().min(1).max(100), unitId: z.string().min(1).max(100) });

export const campaignUnitSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  category: z.string(),
  sortOrder: z.number().int(),
});
export const campaignUnitListSchema = z.object({ items: z.array(campaignUnitSchema) });

export const campaignTransitionSchema = z.object({
  action: z.enum([
    'openSigning', 'startYear', 'openSelfAssessment', 'startAssessment', 'submitForReview',
    'submitForApproval', 'approve', 'returnForRevision', 'publish',
  ]),
  version: z.number().int().min(1).describe('读取时的考核活动版本号'),
  meeting: z.string().trim().max(200).optional().describe('审定会议（审定时必填）'),
  publicityDays: z.number().int().optional().describe('公示天数（审定时必填，1–30）'),
  reason: z.string().trim().max(1000).optional().describe('退回理由'),
}).strict();
export type CampaignTransition = z.infer<typeof campaignTransitionSchema>;
