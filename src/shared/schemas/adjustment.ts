import { z } from 'zod';

export const adjustmentCreateSchema = z.object({
  unitId: z.string().min(1).max(100),
  kind: z.enum(['bonus', 'penalty']).describe('bonus：加分；penalty：减分'),
  item: z.string().min(1).max(50).describe('考核方案中加分或减分事项的编号'),
  level: z.string().min(1).max(50).optional().describe('分级事项的级别（如 province、city）'),
  times: z.number().int().min(1).max(1000).default(1),
  note: z.string().trim().max(500).optional().describe('依据（如表彰文件、通报文号）'),
}).strict();
export type AdjustmentCreate = z.infer<typeof adjustmentCreateSchema>;

export const adjustmentSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: z.enum(['bonus', 'penalty']),
  item: z.string(),
  level: z.string().nullable(),
  times: z.number().int(),
  note: z.string().nullable(),
});
export const adjustmentListSchema = z.object({ items: z.array(adjustmentSchema) });

export const metricValuesSchema = z.object({
  values: z.record(z.string().min(1).max(50), z.number()).refine((v) => Object.keys(v).length >= 1 && Object.keys(v).length <= 100, '应有 1 至 100 项'),
}).strict().describe('指标名称 → 数值（由台账统计，如隐患按期整改率）');
