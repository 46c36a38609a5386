import { z } from 'zod';
import { accidentGrades } from '../../domain/accidents/grade';
import { TIP_STAGE_ZH } from '../../domain/ledgers/tip/tip-handling';
import { pageOf, pageQuery } from './list';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const version = { version: z.number().int().min(1).describe('读取时的版本号') };

const text = (max: number) => z.string().trim().min(1).max(max);

export const tipChannelSchema = z.enum(['phoneLine', 'webForm', 'letter']).describe('举报渠道：举报电话、网上举报、信件');
export const tipChannelLabels: Record<z.infer<typeof tipChannelSchema>, string> = { phoneLine: '举报电话', webForm: '网上举报', letter: '信件' };
export const tipSubjectSchema = z.enum(['majorHazard', 'illegalProduction', 'concealedAccident']).describe('举报事项：重大事故隐患、非法违法生产经营建设行为、瞒报谎报事故');

export const tipSubjectLabels: Record<z.infer<typeof tipSubjectSchema>, string> = {
  majorHazard: '重大事故隐患', illegalProduction: '非法违法生产经营建设行为', concealedAccident: '瞒报、谎报事故',
};

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

export const tipStageSchema = z.enum(['received', 'assigned', 'verified', 'replied']).describe('办理环节：已受理、已交办、已核查、已答复');
export const tipStageLabels = TIP_STAGE_ZH;

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
  stage: tipStageSchema,
  stageLabel: z.string(),
  extension: z.object({ approvedOn: z.string(), reason: z.string() }).nullable().describe('延期：批准日期和理由'),
  verification: z.object({
    verified: z.boolean(), verifiedOn: z.string(), findings: z.string(),
    fineYuan: z.number().int().nullable(), accidentGrade: z.enum(accidentGrades).nullable(), concealedDeaths: z.number().int().nullable(),
  }).nullable().describe('核查结果'),
  reply: z.object({ repliedOn: z.string(), text: z.string() }).nullable().describe('答复举报人'),
  hazardId: z.string().nullable().describe('核查属实后建立的隐患卡'),
  reward: z.object({
    decided: z.boolean().describe('已核定（否则为按现有核查结果的测算）'),
    eligible: z.boolean(),
    amountYuan: z.number().int().nullable(),
    minYuan: z.number().int().nullable(),
    maxYuan: z.number().int().nullable(),
    detail: z.string(),
    basis: z.string().nullable(),
    decidedOn: z.string().nullable(),
  }).nullable().describe('举报奖励（核查后）'),
  version: z.number().int(),
});
export type TipView = z.infer<typeof tipSchema>;

export const tipAssignSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  unitId: z.string().min(1).max(100).describe('负责核查的单位'),
}).strict();
export type TipAssign = z.infer<typeof tipAssignSchema>;

export const tipExtensionSchema = z.object({
  ...version,
  reason: text(500).describe('延期理由（情况复杂）'),
}).strict();
export type TipExtension = z.infer<typeof tipExtensionSchema>;

/** The card a verified 重大事故隐患 tip becomes: the enterprise and the hazard as found. */
export const tipHazardSchema = z.object({
  enterpriseId: text(100).optional().describe('生产经营单位（举报未写明时必填）'),
  foundBy: text(100).describe('核查人'),
  place: text(200).describe('隐患部位'),
  description: text(2000).describe('隐患描述'),
  photosBefore: z.array(z.string().min(1).max(100)).max(20).default([]).describe('整改前照片（已上传文件的标识）'),
}).strict();

export const tipVerificationSchema = z.object({
  ...version,
  verified: z.boolean().describe('核查是否属实'),
  verifiedOn: date.optional().describe('核查完毕日期（缺省为今天）'),
  findings: text(4000).describe('核查情况'),
  fineYuan: z.number().int().min(0).max(2_000_000_000).optional().describe('行政处罚罚款金额（元）'),
  accidentGrade: z.enum(accidentGrades).optional().describe('瞒报、谎报事故的最终等级'),
  concealedDeaths: z.number().int().min(0).max(10_000).optional().describe('查实瞒报、谎报死亡人数'),
  hazard: tipHazardSchema.optional().describe('举报重大事故隐患属实的，据此建立隐患卡'),
}).strict();
export type TipVerification = z.infer<typeof tipVerificationSchema>;

export const tipReplySchema = z.object({
  ...version,
  repliedOn: date.optional().describe('答复日期（缺省为今天）'),
  text: text(4000).describe('答复内容'),
}).strict();
export type TipReply = z.infer<typeof tipReplySchema>;

export const tipRewardDecisionSchema = z.object({
  ...version,
  firstValidReporter: z.boolean().describe('是否为同一事项最先有效举报人'),
  decidedYuan: z.number().int().min(0).max(300_000).optional().describe('核定金额（元；2012年办法按范围核定时必填）'),
}).strict();
export type TipRewardDecision = z.infer<typeof tipRewardDecisionSchema>;

export const tipListQuerySchema = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc').describe('按受理时间排序，默认最新在前'),
  assignedUnitId: z.string().min(1).max(100).optional().describe('负责核查的单位'),
  channel: tipChannelSchema.optional(),
  stage: tipStageSchema.optional(),
  replyOverdue: bool.optional().describe('只看逾期未答复'),
}).strict();
export type TipListQuery = z.infer<typeof tipListQuerySchema>;
export const tipListSchema = pageOf(tipSchema);
