import { z } from 'zod';
import { expertLevelSchema } from './expert';
import { pageOf, pageQuery } from './list';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(100);
const version = { version: z.number().int().min(1).describe('读取时的版本号') };

export const inspectionKindSchema = z.enum(['inspection', 'expertCheck']).describe('检查方式：执法检查、专家查隐患');
export const inspectionKindLabels: Record<z.infer<typeof inspectionKindSchema>, string> = { inspection: '执法检查', expertCheck: '专家查隐患' };
export const inspectionStateSchema = z.enum(['planned', 'recorded']).describe('状态：计划中、已检查');
export const inspectionStateLabels: Record<z.infer<typeof inspectionStateSchema>, string> = { planned: '计划中', recorded: '已检查' };
export const reportAuthorKindSchema = z.enum(['expert', 'agency']).describe('报告出具方：专家、安全生产服务机构');
export const reportAuthorKindLabels: Record<z.infer<typeof reportAuthorKindSchema>, string> = { expert: '专家', agency: '安全生产服务机构' };

export const inspectionCreateSchema = z.object({
  enterpriseId: id.describe('被检查的生产经营单位'),
  kind: inspectionKindSchema,
  plannedOn: date.describe('计划检查日期'),
  checklistSector: text(50).optional().describe('检查表所属行业领域（缺省为企业的行业领域）'),
}).strict();
export type InspectionCreate = z.infer<typeof inspectionCreateSchema>;

export const inspectionDrawSchema = z.object({
  ...version,
  slots: z.array(z.object({
    specialty: text(50).describe('专业'),
    count: z.number().int().min(1).max(20).describe('抽取人数'),
    levels: z.array(expertLevelSchema).max(4).optional().describe('级别（缺省为不限）'),
  }).strict()).min(1).max(10).describe('按专业抽取的人数'),
  relatedEnterpriseIds: z.array(id).max(20).optional().describe('关联单位（如上级公司）：与之有关的专家同样回避'),
}).strict();
export type InspectionDraw = z.infer<typeof inspectionDrawSchema>;

export const inspectionFindingInputSchema = z.object({
  item: text(200).describe('检查项'),
  compliant: z.boolean().describe('是否符合'),
  description: text(2000).describe('检查情况'),
  place: text(200).optional().describe('隐患部位（不符合时据此建立隐患卡，缺省为检查项）'),
}).strict();

export const inspectionRecordSchema = z.object({
  ...version,
  inspectedOn: date.describe('检查日期'),
  inspectors: z.array(text(20)).min(1).max(10).describe('检查人员（执法人员或专家）姓名'),
  documentNumbers: z.array(text(100)).max(20).optional().describe('执法文书编号'),
  findings: z.array(inspectionFindingInputSchema).min(1).max(200).describe('检查表逐项结果'),
}).strict().superRefine((v, ctx) => {
  // The names become the hazard cards' 发现人 (at most 100 characters).
  if (v.inspectors.join('、').length > 100) ctx.addIssue({ code: 'custom', path: ['inspectors'], message: '检查人员姓名合计不能超过100字' });
});
export type InspectionRecordInput = z.infer<typeof inspectionRecordSchema>;

export const inspectionReportCreateSchema = z.object({
  authorKind: reportAuthorKindSchema,
  authorName: text(200).describe('出具报告的专家或服务机构'),
  title: text(200).describe('报告标题'),
  fileId: id.optional().describe('报告文件（已上传文件的标识）'),
  summary: text(4000).describe('主要结论'),
  reportedOn: date.describe('报告日期'),
}).strict();
export type InspectionReportCreate = z.infer<typeof inspectionReportCreateSchema>;

export const inspectionParamsSchema = z.object({ id });

export const inspectionReportSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  inspectionId: z.string().nullable(),
  authorKind: reportAuthorKindSchema,
  authorKindLabel: z.string(),
  authorName: z.string(),
  title: z.string(),
  fileId: z.string().nullable(),
  summary: z.string(),
  reportedOn: z.string(),
});
export type InspectionReportView = z.infer<typeof inspectionReportSchema>;

export const inspectionSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  territorialUnitId: z.string(),
  regulatingUnitId: z.string(),
  kind: inspectionKindSchema,
  kindLabel: z.string(),
  checklistSector: z.string(),
  checklistSectorLabel: z.string(),
  plannedOn: z.string(),
  inspectedOn: z.string().nullable(),
  state: inspectionStateSchema,
  stateLabel: z.string(),
  inspectors: z.array(z.string()),
  documentNumbers: z.array(z.string()),
  drawing: z.object({
    seed: z.number().int().describe('随机种子：同一种子和专家库重放得到同样的抽取结果'),
    drawnAt: z.string(),
    slots: z.array(z.object({ specialty: z.string(), count: z.number().int(), levels: z.array(expertLevelSchema) })),
    experts: z.array(z.object({ expertId: z.string(), name: z.string(), specialty: z.string(), level: expertLevelSchema, levelLabel: z.string() })),
    recusals: z.array(z.object({ expertId: z.string(), name: z.string(), reasons: z.array(z.string()) })),
  }).nullable().describe('最近一次抽取专家的结果'),
  findings: z.array(z.object({
    seq: z.number().int(), item: z.string(), compliant: z.boolean(), place: z.string().nullable(), description: z.string(), hazardId: z.string().nullable(),
  })),
  reports: z.array(inspectionReportSchema),
  version: z.number().int(),
});
export type InspectionView = z.infer<typeof inspectionSchema>;

export const inspectionListQuerySchema = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc').describe('按计划检查日期排序，默认最新在前'),
  enterpriseId: id.optional().describe('生产经营单位'),
  territorialUnitId: id.optional().describe('属地镇（街道）'),
  regulatingUnitId: id.optional().describe('行业监管部门'),
  kind: inspectionKindSchema.optional(),
  state: inspectionStateSchema.optional(),
}).strict();
export type InspectionListQuery = z.infer<typeof inspectionListQuerySchema>;
export const inspectionListSchema = pageOf(inspectionSchema);
