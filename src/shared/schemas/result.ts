import { z } from 'zod';

/** One row of the results table, the shape of `anke assess --format json`. */
export const resultRowSchema = z.object({
  seq: z.number().int(),
  // Absent only in result versions frozen before rows carried it; the web app then matches by name.
  unitId: z.string().optional().describe('单位标识（单位更名后仍可据此反查）'),
  unit: z.string(),
  category: z.string(),
  score: z.number().nullable(),
  reward: z.number().nullable(),
  remark: z.string(),
  rank: z.number().int().nullable(),
  grade: z.string(),
  vetoed: z.boolean(),
});

export const resultTableSchema = z.object({
  campaign: z.object({ name: z.string(), year: z.number().int() }),
  stats: z.object({ assessed: z.number().int(), atOrAboveThreshold: z.number().int(), passRatePercent: z.string() }),
  rows: z.array(resultRowSchema),
});

export const campaignResultsSchema = resultTableSchema.extend({
  version: z.number().int().nullable().describe('已发布结果的版本号；未发布时为空（由现有数据即时计算）'),
  totalRows: z.number().int().describe('成绩表总行数（分页时 rows 只含一页）'),
});

export interface TraceNodeView {
  text: string;
  children?: TraceNodeView[];
  ref?: { kind: 'criterion' | 'accident' | 'rule' | 'metricSource'; id: string };
}
export const traceNodeSchema: z.ZodType<TraceNodeView> = z.lazy(() => z.object({
  text: z.string(),
  children: z.array(traceNodeSchema).optional(),
  ref: z.object({ kind: z.enum(['criterion', 'accident', 'rule', 'metricSource']), id: z.string() }).optional(),
}));

export const traceSchema = z.object({ unitId: z.string(), version: z.number().int().nullable(), trace: traceNodeSchema, text: z.string() });

export const resultVersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional().describe('已发布结果的版本号') });
export const resultQuerySchema = resultVersionQuerySchema.extend({
  page: z.coerce.number().int().min(1).optional().describe('页码，从 1 开始；缺省返回全表'),
  pageSize: z.coerce.number().int().min(1).max(500).default(50).describe('每页行数，最多 500'),
});

const diffValue = z.union([z.string(), z.number(), z.boolean()]).nullable();
export const tableDiffSchema = z.object({
  rows: z.array(z.object({
    unit: z.string(),
    kind: z.enum(['changed', 'added', 'removed']),
    changes: z.array(z.object({ field: z.string(), label: z.string(), before: diffValue, after: diffValue })),
  })),
  stats: z.array(z.object({ field: z.string(), before: z.union([z.string(), z.number()]), after: z.union([z.string(), z.number()]) })),
  rewardTotal: z.object({ before: z.number(), after: z.number() }),
});

export const resultVersionSchema = z.object({
  version: z.number().int(),
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export const resultVersionListSchema = z.object({ items: z.array(resultVersionSchema) });

export const correctionSchema = z.object({ reason: z.string().trim().min(2).max(1000).describe('更正理由') }).strict();

export const diffParamsSchema = z.object({
  id: z.string().min(1).max(100),
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const whatIfChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('threshold'), value: z.number().min(0).max(10_000) }).strict(),
  z.object({ kind: z.literal('rewardRate'), category: z.string().min(1), perPoint: z.number().min(0).max(1_000_000) }).strict(),
  z.object({ kind: z.literal('rejectVeto'), unit: z.string().min(1), rule: z.string().min(1), reason: z.string().trim().min(1).max(500) }).strict(),
  z.object({
    kind: z.literal('reattributeAccident'),
    accident: z.string().min(1),
    territorialUnit: z.string().min(1).nullable().optional(),
    regulatingUnit: z.string().min(1).nullable().optional(),
  }).strict(),
  z.object({
    kind: z.literal('itemScore'),
    unit: z.string().min(1).describe('单位 id'),
    criterion: z.string().min(1).describe('细则编号'),
    input: z.union([
      z.number().min(0).max(10_000),
      z.object({ passed: z.boolean() }).strict(),
      z.object({ deductions: z.array(z.object({ times: z.number().int().min(1).max(1000), reason: z.string().trim().min(1).max(200) }).strict()).max(50) }).strict(),
      z.object({ notApplicable: z.literal(true), reason: z.string().trim().min(1).max(200) }).strict(),
    ]).describe('得分：分数、达标与否、扣分次数或缺项'),
  }).strict(),
  z.object({
    kind: z.literal('addAccident'),
    accident: z.object({
      id: z.string().trim().min(1).max(100).describe('事故编号'),
      occurredAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '发生日期格式应为 YYYY-MM-DD'),
      territorialUnit: z.string().min(1).optional().describe('属地单位 id'),
      sector: z.string().min(1).optional(),
      regulatingUnit: z.string().min(1).optional().describe('监管部门单位 id'),
      deaths: z.number().int().min(0).max(10_000),
      seriousInjuries: z.number().int().min(0).max(10_000).optional(),
      directLoss: z.number().int().min(0).max(1e12).optional().describe('直接经济损失（元）'),
      liability: z.boolean().optional().describe('是否责任事故'),
    }).strict(),
  }).strict(),
  z.object({ kind: z.literal('removeAccident'), accident: z.string().min(1).describe('事故编号') }).strict(),
  z.object({ kind: z.literal('addVeto'), unit: z.string().min(1), rule: z.string().min(1), reason: z.string().trim().min(1).max(500) }).strict(),
]);
export const whatIfSchema = z.object({ changes: z.array(whatIfChangeSchema).min(1).max(50) }).strict();
export const whatIfResultSchema = z.object({ before: resultTableSchema, after: resultTableSchema, diff: tableDiffSchema });
