import { z } from 'zod';

/** Figures the accident register knows; a unit never types them (issue 4 item 3). */
export const derivedFigureNames = ['accidents', 'deaths', 'seriousInjuries', 'directLoss'] as const;

export const monthlyReportParamsSchema = z.object({
  id: z.string().min(1).max(100),
  unitId: z.string().min(1).max(100),
  month: z.coerce.number().int().min(1).max(12),
});

export const monthlyReportBodySchema = z.object({
  figures: z.record(
    z.string().regex(/^[A-Za-z][\w.-]{0,49}$/, '指标名称应为字母开头的英文标识'),
    z.number().int().nonnegative().max(1_000_000_000),
  )
    .refine((f) => Object.keys(f).length <= 50, '月报指标最多 50 项')
    .refine((f) => !derivedFigureNames.some((n) => n in f), '事故起数、死亡、重伤和直接经济损失由事故登记自动统计，不能填报')
    .describe('本月填报的指标（如 inspections 检查企业数、hazardsFound 排查隐患数）'),
}).strict();

const monthSchema = z.object({
  month: z.number().int(),
  deadline: z.string().describe('报送期限（含当日）'),
  graceDays: z.number().int().describe('本月适用的月报报送期限：月末后 N 日内'),
  rule: z.string().describe('本月适用的报送期限，如“月末后 2 日内”'),
  status: z.enum(['notDue', 'due', 'onTime', 'late', 'missing']),
  statusLabel: z.string(),
  submittedOn: z.string().nullable(),
  figures: z.record(z.string(), z.number()).nullable(),
  derived: z.object({ accidents: z.number().int(), deaths: z.number().int(), seriousInjuries: z.number().int() }).describe('由事故登记统计'),
});

/** A control indicator's year-to-date use against the share of the year elapsed (domain indicatorPace). */
export const indicatorPaceSchema = z.object({
  label: z.string().describe('控制指标，如“死亡人数 ≤ 2”'),
  ceiling: z.number().int(),
  actual: z.number().int().describe('截至统计日由事故登记统计的实际数'),
  breached: z.boolean().describe('已突破'),
  usedBasisPoints: z.number().int().nullable().describe('已用比例（万分之一）；控制数为 0 时为空'),
  elapsedBasisPoints: z.number().int().describe('全年时间进度（万分之一）'),
  aheadOfPace: z.boolean().describe('超过全年时间进度'),
});

export const unitMonthlyReportsSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  months: z.array(monthSchema),
  indicators: z.array(indicatorPaceSchema).optional().describe('控制指标进度'),
});
export const monthlyReportListSchema = z.object({
  year: z.number().int(),
  today: z.string(),
  asOf: z.string().optional().describe('控制指标进度的统计日'),
  graceDays: z.number().int().describe('考核活动现行的月报报送期限（月末后 N 日内），适用于尚未结束的月份'),
  rule: z.string().describe('现行报送期限，如“月末后 2 日内”'),
  items: z.array(unitMonthlyReportsSchema),
});
export const monthlyReportSchema = monthSchema.extend({ unitId: z.string() });
