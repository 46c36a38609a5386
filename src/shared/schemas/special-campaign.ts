import { z } from 'zod';
import { pageOf, pageQuery } from './list';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(100);

export const specialCampaignKinds = ['safetyMonth', 'sixStrikes', 'winterHazard', 'other'] as const;
export const specialCampaignKindSchema = z.enum(specialCampaignKinds).describe('专项行动类型');
export const specialCampaignKindLabels: Record<(typeof specialCampaignKinds)[number], string> = {
  safetyMonth: '安全生产月', sixStrikes: '“六打六治”打非治违专项行动', winterHazard: '冬季安全隐患排查整治', other: '其他专项行动',
};

const phase = z.object({
  key: text(50).describe('阶段标识'),
  name: text(100).describe('阶段名称（动员部署、自查自改、督导检查、总结提升……）'),
  from: date.describe('开始日期'),
  to: date.describe('结束日期'),
}).strict();

const task = z.object({
  id: text(50).optional().describe('任务标识（缺省时自动生成；修改计划时保留已有任务的标识）'),
  unitId: id.describe('承担任务的单位'),
  phaseKey: text(50).describe('所属阶段'),
  title: text(200).describe('任务内容'),
  dueOn: date.describe('完成期限'),
}).strict();

export const specialCampaignCreateSchema = z.object({
  organisationId: id.describe('部署专项行动的组织'),
  name: text(200).describe('专项行动名称'),
  kind: specialCampaignKindSchema,
  phases: z.array(phase).max(20).describe('阶段安排（按时间顺序，不得重叠）'),
  tasks: z.array(task).max(2000).describe('各单位的任务（期限在所属阶段内）'),
}).strict();
export type SpecialCampaignCreate = z.infer<typeof specialCampaignCreateSchema>;

export const specialCampaignUpdateSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  name: text(200).optional(),
  kind: specialCampaignKindSchema.optional(),
  phases: z.array(phase).max(20).optional(),
  tasks: z.array(task).max(2000).optional(),
}).strict();
export type SpecialCampaignUpdate = z.infer<typeof specialCampaignUpdateSchema>;

export const progressReportCreateSchema = z.object({
  taskId: text(50).describe('任务标识'),
  completed: z.boolean().describe('任务是否已完成'),
  summary: text(2000).optional().describe('进展情况'),
  note: text(1000).optional().describe('备注'),
  reportedOn: date.optional().describe('报送日期（缺省为今天，不能晚于今天）'),
}).strict();
export type ProgressReportCreate = z.infer<typeof progressReportCreateSchema>;

export const specialCampaignParamsSchema = z.object({ id });

export const specialCampaignSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  kind: specialCampaignKindSchema,
  kindLabel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  phases: z.array(z.object({ key: z.string(), name: z.string(), from: z.string(), to: z.string() })),
  tasks: z.array(z.object({ id: z.string(), unitId: z.string(), unitName: z.string(), phaseKey: z.string(), title: z.string(), dueOn: z.string() })),
  version: z.number().int(),
});
export type SpecialCampaignView = z.infer<typeof specialCampaignSchema>;

export const progressReportSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  taskId: z.string(),
  reportedOn: z.string(),
  completed: z.boolean(),
  summary: z.string().nullable(),
  note: z.string().nullable(),
  late: z.boolean().describe('完成报告晚于任务期限'),
});
export type ProgressReportView = z.infer<typeof progressReportSchema>;

const progressSchema = z.object({
  today: z.string(),
  currentPhaseKey: z.string().nullable(),
  currentPhaseName: z.string().nullable().describe('今天所处阶段；不在任何阶段时为空'),
  units: z.array(z.object({
    unitId: z.string(), unitName: z.string(), tasks: z.number().int(), completed: z.number().int(), completedOnTime: z.number().int(),
    overdueTaskIds: z.array(z.string()), completionRate: z.number().nullable().describe('完成率（%，两位小数）'),
  })),
});

/** A campaign in the list: the plan and its progress at the app clock. */
export const specialCampaignSummarySchema = specialCampaignSchema.extend({ progress: progressSchema });
export type SpecialCampaignSummary = z.infer<typeof specialCampaignSummarySchema>;

export const specialCampaignDetailSchema = specialCampaignSummarySchema.extend({ reports: z.array(progressReportSchema) });
export type SpecialCampaignDetail = z.infer<typeof specialCampaignDetailSchema>;

export const specialCampaignListQuerySchema = z.object({
  kind: specialCampaignKindSchema.optional(),
  unitId: id.optional().describe('有任务的单位'),
  ...pageQuery,
  order: pageQuery.order.default('desc'),
}).strict();
export type SpecialCampaignListQuery = z.infer<typeof specialCampaignListQuerySchema>;
export const specialCampaignListSchema = pageOf(specialCampaignSummarySchema);
