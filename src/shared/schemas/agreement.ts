import { z } from 'zod';
import { accidentGrades } from '../../domain/accidents/grade';
import { indicatorKinds } from '../../domain/indicators/control-indicator';
import { agreementStates } from '../../domain/workflow/agreement-state';
import { pageOf, pageQuery } from './list';

/** Labels of the agreement's fields, as the forms and the error messages name them. */
export const agreementFieldLabels = {
  targets: '责任目标',
  controlIndicators: '控制指标',
  keyTasks: '重点工作任务',
  unitPrincipal: '单位主要负责人',
  unitDeputy: '单位分管负责人',
  governmentSignatory: '政府方签订人',
  signedOn: '签订日期',
  scannedFileId: '签订文本扫描件',
} as const;

const line = (label: string) => z.string().trim().min(1, `${label}不能为空`).max(500, `${label}每条最多 500 字`);
const person = (label: string) => z.string().trim().min(1, `请填写${label}`).max(50, `${label}最多 50 字`);

/** One control indicator (domain/indicators ControlIndicator), e.g. 较大事故 = accidents, minGrade larger, ceiling 0. */
export const agreementIndicatorSchema = z.object({
  kind: z.enum(indicatorKinds, { error: '控制指标的类别不正确' }),
  ceiling: z.number({ error: '控制数应为数字' }).int('控制数应为整数').min(0, '控制数不能为负').max(1_000_000_000, '控制数过大'),
  minGrade: z.enum(accidentGrades, { error: '事故等级不正确' }).optional(),
  sector: z.string().trim().min(1).max(50).optional(),
  liabilityOnly: z.boolean().optional(),
}).strict();
export type AgreementIndicator = z.infer<typeof agreementIndicatorSchema>;

export const agreementTargetsSchema = z.array(line('责任目标')).max(50, '责任目标最多 50 条');
export const agreementKeyTasksSchema = z.array(line('重点工作任务')).max(50, '重点工作任务最多 50 条');
export const agreementIndicatorsSchema = z.array(agreementIndicatorSchema).max(50, '控制指标最多 50 项');
export const signedOnSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '签订日期格式应为 YYYY-MM-DD');
export const unitPrincipalSchema = person('单位主要负责人');
export const unitDeputySchema = person('单位分管负责人');
export const governmentSignatorySchema = person('政府方签订人');

export const agreementParamsSchema = z.object({
  id: z.string().min(1).max(100),
  unitId: z.string().min(1).max(100),
});

export const agreementStateSchema = z.enum(agreementStates);

export const agreementListQuerySchema = z.object({
  ...pageQuery,
  state: agreementStateSchema.optional().describe('按状态筛选'),
  unitId: z.string().min(1).max(100).optional().describe('按单位筛选'),
  sort: z.enum(['unit', 'state', 'updatedAt']).default('unit').describe('排序字段：单位排列顺序、状态、更新时间'),
}).strict();

export const agreementDraftSchema = z.object({
  unitIds: z.array(z.string().min(1).max(100)).max(10_000).optional().describe('只为这些单位起草；缺省为全部尚无责任书的被考核单位'),
}).strict();

export const agreementUpdateSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  targets: agreementTargetsSchema,
  controlIndicators: agreementIndicatorsSchema,
  keyTasks: agreementKeyTasksSchema,
  unitPrincipal: unitPrincipalSchema.nullable().optional(),
  unitDeputy: unitDeputySchema.nullable().optional(),
  governmentSignatory: governmentSignatorySchema.nullable().optional(),
}).strict();
export type AgreementUpdate = z.infer<typeof agreementUpdateSchema>;

export const agreementActionSchema = z.enum(['issue', 'sign', 'withdraw', 'archive']);

export const agreementTransitionSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  action: agreementActionSchema.describe('issue 下达、sign 登记签订、withdraw 撤回修改、archive 归档'),
  signedOn: signedOnSchema.optional(),
  unitPrincipal: unitPrincipalSchema.optional(),
  unitDeputy: unitDeputySchema.optional(),
  governmentSignatory: governmentSignatorySchema.optional(),
  scannedFileId: z.string().min(1).max(100).optional().describe('已上传的签订文本扫描件（PDF 或图片）的文件 id'),
}).strict();
export type AgreementTransition = z.infer<typeof agreementTransitionSchema>;

export const agreementSchema = z.object({
  campaignId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  sortOrder: z.number().int(),
  state: agreementStateSchema,
  stateLabel: z.string(),
  targets: z.array(z.string()),
  controlIndicators: z.array(agreementIndicatorSchema.extend({ label: z.string().describe('如“死亡人数 ≤ 2”') })),
  keyTasks: z.array(z.string()),
  unitPrincipal: z.string().nullable(),
  unitDeputy: z.string().nullable(),
  governmentSignatory: z.string().nullable(),
  signedOn: z.string().nullable(),
  scannedFile: z.object({ id: z.string(), originalName: z.string(), mediaType: z.string() }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgreementView = z.infer<typeof agreementSchema>;

export const agreementListSchema = pageOf(agreementSchema);

export const agreementDraftResultSchema = z.object({
  created: z.number().int().describe('新起草的责任书数'),
  items: z.array(agreementSchema),
});

export const unsignedAgreementsSchema = z.object({
  total: z.number().int(),
  items: z.array(z.object({
    unitId: z.string(),
    name: z.string(),
    state: agreementStateSchema.nullable().describe('尚未起草时为空'),
    stateLabel: z.string(),
  })),
});
