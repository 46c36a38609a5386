import { z } from 'zod';

/** Documents downloaded from a campaign and Excel imports (docs/architecture.md, 公文与表格). */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const version = z.coerce.number().int().min(1).optional().describe('已发布结果的版本号；缺省为当前数据（征求意见稿）');

/** The notice: a published version, or the current results as a 征求意见稿. */
export const noticeQuerySchema = z.object({
  version,
  header: z.string().trim().min(1).max(30).optional().describe('发文机关标志（红头），如“周村区安全生产委员会文件”'),
  number: z.string().trim().min(1).max(40).optional().describe('发文字号，如“周安委〔2015〕1号”；须与发文机关标志一起使用'),
  office: z.string().trim().min(1).max(50).optional().describe('印发机关；缺省为通报模板中的印发机关'),
  date: isoDate.optional().describe('印发日期；缺省为今天'),
}).strict();
export type NoticeQuery = z.infer<typeof noticeQuerySchema>;

export const resultDocumentQuerySchema = z.object({ version }).strict();

export const scoreSheetQuerySchema = z.object({
  version,
  unitId: z.string().min(1).max(100).optional().describe('只要一个单位的评分表；缺省为可见的全部单位'),
}).strict();

export const importTemplateKinds = ['units', 'criteria', 'item-scores'] as const;
export const importTemplateKindSchema = z.enum(importTemplateKinds);
export type ImportTemplateKind = z.infer<typeof importTemplateKindSchema>;
export const importTemplateLabels: Record<ImportTemplateKind, string> = {
  units: '被考核单位名册', criteria: '考核细则', 'item-scores': '评分表',
};
export const importTemplateParamsSchema = z.object({ kind: importTemplateKindSchema });

/** One problem of an import: the cell it is in (null for the file as a whole) and why. */
export const importIssueSchema = z.object({
  sheet: z.string().nullable().describe('工作表'),
  row: z.number().int().nullable().describe('行号'),
  column: z.string().nullable().describe('列（如 C）'),
  message: z.string().describe('中文说明'),
});
export type ImportIssueView = z.infer<typeof importIssueSchema>;

export const importJobStates = ['running', 'succeeded', 'failed'] as const;
export const importJobStateLabels: Record<(typeof importJobStates)[number], string> = {
  running: '导入中', succeeded: '已导入', failed: '未导入',
};

export const importJobSchema = z.object({
  id: z.string(),
  kind: z.literal('itemScores'),
  campaignId: z.string().nullable(),
  fileName: z.string(),
  state: z.enum(importJobStates),
  stateLabel: z.string(),
  processedRows: z.number().int().describe('已读取的行数'),
  totalRows: z.number().int().nullable().describe('全部行数（读完后才知道）'),
  percent: z.number().int().min(0).max(100),
  issues: z.array(importIssueSchema).describe('未导入时的全部问题'),
  summary: z.object({
    units: z.number().int(), items: z.number().int(), skipped: z.number().int(),
    teamUnits: z.number().int().optional().describe('其中由多名组员评分的考核组所考核的单位数：导入的分数即为考核组评分，代替组长确认'),
  }).nullable()
    .describe('已导入：单位数、细则得分条数、按指标计算而跳过的条数'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportJobView = z.infer<typeof importJobSchema>;

export const importJobParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const importQuerySchema = z.object({
  wait: z.enum(['1', 'true']).optional().describe('等导入结束再应答：成功 200，被拒 422 并列出全部问题'),
}).strict();

/** A refused import answered at once (?wait=1): every problem with its cell. */
export const importRefusedSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(importIssueSchema),
});
