import { z } from 'zod';
import { PROCEDURES, STEP_ZH } from '../../domain/ledgers/enforcement/procedures';
import type { MeasureType } from '../../domain/ledgers/enforcement/procedures';
import { pageOf, pageQuery } from './list';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const measureTypes = [
  'orderRectification', 'suspendProduction', 'suspendConstruction', 'suspendUse', 'seal', 'seize',
  'powerCut', 'explosivesSupplyStop', 'waterCut', 'demolition',
] as const satisfies readonly MeasureType[];
export const measureTypeSchema = z.enum(measureTypes).describe('执法措施类型');
export const measureTypeLabels = Object.fromEntries(measureTypes.map((t) => [t, PROCEDURES[t].nameZh])) as Record<MeasureType, string>;
export const enforcementStepLabels = STEP_ZH;

const legalReference = z.object({ law: text(200).describe('法律、法规名称'), article: text(200).describe('条款') }).strict();

export const enforcementCreateSchema = z.object({
  enterpriseId: text(100).describe('被执行的生产经营单位'),
  type: measureTypeSchema,
  emergency: z.boolean().default(false).describe('紧急情况下当场实施（查封、扣押、停止供电）'),
  emergencyReason: text(500).optional().describe('紧急情形'),
  legalBasis: z.array(legalReference).max(10).default([]).describe('法律依据（停水、拆除必填；其他措施在法定依据之外补充）'),
  hazardId: text(100).optional().describe('所针对的隐患卡'),
}).strict();
export type EnforcementCreate = z.infer<typeof enforcementCreateSchema>;

const officer = z.object({ name: text(50).describe('执法人员姓名'), certificateNumber: text(50).describe('执法证件号') }).strict();
const version = z.number().int().min(1).describe('读取时的版本号');
const at = z.iso.datetime({ offset: true }).optional().describe('实施时间（缺省为当前时间，不能晚于当前时间）');
const step = <K extends string, S extends z.ZodRawShape>(key: K, shape: S) => z.object({ step: z.literal(key), version, at, ...shape }).strict();

/** One step of a measure (record-step.ts StepInput); the procedure checks order, time and data. */
export const enforcementStepSchema = z.discriminatedUnion('step', [
  step('precondition', {
    priorDecisionNumber: z.string().trim().max(100).describe('此前停产停业等决定的文书编号'),
    refusedToComply: z.boolean().describe('生产经营单位拒不执行'),
    realDanger: z.boolean().describe('有发生生产安全事故的现实危险'),
    safetyEnsured: z.boolean().describe('在保证安全的前提下'),
  }),
  step('approval', {
    approverName: z.string().trim().max(50).describe('批准的负责人'),
    approverIsPrincipal: z.boolean().default(false).describe('批准人为本部门主要负责人'),
    approved: z.boolean().describe('是否批准'),
  }),
  step('onSite', {
    officers: z.array(officer).max(20).describe('执法人员'),
    partyNotified: z.boolean().describe('当场告知理由、依据和权利、救济途径'),
    partyHeard: z.boolean().describe('听取当事人陈述和申辩'),
    recordSignedBy: z.enum(['party', 'partyRefused', 'witness']).describe('现场笔录签名：当事人、当事人拒绝（注明）、见证人'),
    witnessName: text(50).optional().describe('见证人'),
  }),
  step('decision', {
    documentNumber: z.string().trim().max(100).describe('文书编号'),
    items: z.array(text(200)).max(200).optional().describe('查封、扣押清单'),
    periodDays: z.number().int().min(1).max(365).optional().describe('查封、扣押期限（日）'),
    periodEndsOn: date.optional().describe('停产停业等期限截止日'),
    exceptionBasis: text(500).optional().describe('超过6个月的法律、行政法规依据'),
    rectifyBy: date.optional().describe('整改期限'),
    selfDemolitionBy: date.optional().describe('自行拆除期限'),
  }),
  step('extension', {
    extraDays: z.number().int().min(1).max(365).describe('延长天数'),
    approverName: z.string().trim().max(50).describe('批准的负责人'),
    reason: z.string().trim().max(500).describe('延长理由'),
    notifiedInWriting: z.boolean().describe('已书面告知当事人'),
  }),
  step('disposal', {
    documentNumber: z.string().trim().max(100).describe('处理决定文书编号'),
    outcome: z.enum(['repairOrReplace', 'prohibitUse', 'otherMeasure', 'penalty', 'release']).describe('处理结果：维修更换、禁止使用、其他措施、行政处罚、解除返还'),
  }),
  step('supplierNotice', {
    supplierName: z.string().trim().max(100).describe('供应单位'),
    documentNumber: z.string().trim().max(100).describe('通知文书编号'),
    inWriting: z.boolean().describe('书面通知'),
  }),
  step('partyNotice', { documentNumber: z.string().trim().max(100).describe('通知文书编号') }),
  step('publicNotice', { documentNumber: z.string().trim().max(100).describe('公告文书编号') }),
  step('execution', { remedyPeriodElapsed: z.boolean().optional().describe('当事人在法定期限内未申请行政复议或提起诉讼、又不拆除') }),
  step('resumptionApplication', {}),
  step('resumptionReview', { approved: z.boolean().describe('审查同意恢复生产') }),
  step('review', { rectified: z.boolean().describe('复查是否整改到位') }),
  step('lift', { reason: z.string().trim().max(500).describe('解除理由') }),
]);
export type EnforcementStepBody = z.infer<typeof enforcementStepSchema>;

export const disposalOutcomeLabels: Record<string, string> = {
  repairOrReplace: '维修、更换', prohibitUse: '禁止使用', otherMeasure: '采取其他措施', penalty: '依法给予行政处罚', release: '解除、返还',
};

export const enforcementParamsSchema = z.object({ id: z.string().min(1).max(100) });

const deadlineSchema = z.object({
  key: z.string(),
  kind: z.enum(['due', 'notBefore']),
  at: z.string(),
  status: z.enum(['met', 'metLate', 'pending', 'overdue', 'open', 'reached']),
  statusLabel: z.string(),
  label: z.string(),
  basis: z.string(),
});

export const deadlineStatusLabels: Record<z.infer<typeof deadlineSchema>['status'], string> = {
  met: '按期完成', metLate: '逾期完成', pending: '未到期', overdue: '已逾期', open: '未到时间', reached: '已到时间',
};

export const enforcementSchema = z.object({
  id: z.string(),
  type: measureTypeSchema,
  typeLabel: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  territorialUnitId: z.string(),
  territorialUnitName: z.string(),
  regulatingUnitId: z.string(),
  regulatingUnitName: z.string(),
  emergency: z.boolean(),
  emergencyReason: z.string().nullable(),
  legalBasis: z.array(z.object({ law: z.string(), article: z.string() })),
  hazardId: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  startedOn: z.string().nullable().describe('实施日期'),
  endedOn: z.string().nullable().describe('结束日期'),
  ended: z.boolean(),
  stage: z.string().describe('办理环节'),
  nextSteps: z.array(z.object({ step: z.string(), label: z.string() })).describe('按程序现在可以记录的步骤'),
  deadlines: z.array(deadlineSchema),
  warnings: z.array(z.object({ key: z.string(), level: z.enum(['upcoming', 'overdue']), message: z.string() })),
  version: z.number().int(),
});
export type EnforcementView = z.infer<typeof enforcementSchema>;

export const enforcementDetailSchema = enforcementSchema.extend({
  steps: z.array(z.object({
    seq: z.number().int(), step: z.string(), stepLabel: z.string(), at: z.string(), recordedAt: z.string(), summary: z.string(),
    flags: z.array(z.object({ code: z.string(), label: z.string() })),
    detail: z.record(z.string(), z.unknown()).describe('步骤登记的内容'),
  })),
});
export type EnforcementDetail = z.infer<typeof enforcementDetailSchema>;

export const enforcementListQuerySchema = z.object({
  enterpriseId: z.string().min(1).max(100).optional().describe('生产经营单位'),
  unitId: z.string().min(1).max(100).optional().describe('属地镇街或监管部门'),
  type: measureTypeSchema.optional(),
  ended: bool.optional().describe('是否已结束'),
  overdue: bool.optional().describe('有已逾期的法定期限'),
  ...pageQuery,
  order: pageQuery.order.default('desc'),
}).strict();
export type EnforcementListQuery = z.infer<typeof enforcementListQuerySchema>;
export const enforcementListSchema = pageOf(enforcementSchema);
