import { z } from 'zod';
import { pageOf, pageQuery } from './list';

const text = (max: number) => z.string().trim().min(1).max(max);

export const tipChannelSchema = z.enum(['phoneLine', 'webForm', 'letter']).describe('举报渠道：举报电话、网上举报、信件');
export const tipChannelLabels: Record<z.infer<typeof tipChannelSchema>, string> = { phoneLine: '举报电话', webForm: '网上举报', letter: '信件' };
export const tipSubjectSchema = z.enum(['majorHazard', 'illegalProduction', 'concealedAccident']).describe('举报事项：重大事故隐患、非法违法生产经营建设行为、瞒报谎报事故');

export const tipCreateSchema = z.object({
  channel: tipChannelSchema,
  anonymous: z.boolean().describe('匿名举报：不登记举报人身份'),
  reporterName: text(50).optional().describe('举报人姓名（实名举报）'),
  reporterContact: text(100).optional().describe('举报人联系方式'),
  receivedAt: z.iso.datetime({ offset: true }).optional().describe('受理时间（缺省为当前时间）'),
  subject: tipSubjectSchema,
  enterpriseId: text(100).optional().describe('被举报的生产经营单位'),
  place: text(200).optional().describe('举报涉及的部位或地点'),
  description: text(4000).describe('举报内容'),
}).strict().superRefine((v, ctx) => {
  if (v.anonymous && (v.reporterName !== undefined || v.reporterContact !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['reporterName'], message: '匿名举报不登记举报人姓名和联系方式' });
  }
  if (!v.anonymous && v.reporterName === undefined) {
    ctx.addIssue({ code: 'custom', path: ['reporterName'], message: '实名举报须填写举报人姓名' });
  }
});
export type TipCreate = z.infer<typeof tipCreateSchema>;

export const tipParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const tipSchema = z.object({
  id: z.string(),
  channel: tipChannelSchema,
  channelLabel: z.string(),
  anonymous: z.boolean(),
  /** Only the committee office sees who reported. */
  reporter: z.object({ name: z.string().nullable(), contact: z.string().nullable() }).nullable(),
  receivedAt: z.string(),
  receivedOn: z.string(),
  subject: tipSubjectSchema,
  enterpriseId: z.string().nullable(),
  place: z.string().nullable(),
  description: z.string(),
  assignedUnitId: z.string().nullable(),
  handlingDueOn: z.string(),
  replyDueOn: z.string(),
  replyStatus: z.enum(['answeredOnTime', 'answeredLate', 'pending', 'overdue', 'noReplyNeeded']),
  version: z.number().int(),
});
export type TipView = z.infer<typeof tipSchema>;

export const tipAssignSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  unitId: z.string().min(1).max(100).describe('负责核查的单位'),
}).strict();
export type TipAssign = z.infer<typeof tipAssignSchema>;

export const tipListQuerySchema = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc').describe('按受理时间排序，默认最新在前'),
  assignedUnitId: z.string().min(1).max(100).optional().describe('负责核查的单位'),
  channel: tipChannelSchema.optional(),
}).strict();
export type TipListQuery = z.infer<typeof tipListQuerySchema>;
export const tipListSchema = pageOf(tipSchema);
