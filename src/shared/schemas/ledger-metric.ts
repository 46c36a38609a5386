import { z } from 'zod';
import { METRIC_NAMES, METRIC_ZH } from '../../domain/ledgers/metrics/compute-metrics';

export const ledgerMetricNameSchema = z.enum(METRIC_NAMES);
export const ledgerMetricLabels = METRIC_ZH;

export const ledgerMetricSchema = z.object({
  name: ledgerMetricNameSchema,
  label: z.string().describe('指标中文名称'),
  value: z.number(),
  sources: z.array(z.string()).describe('据以计算的记录（隐患编号等）'),
  detail: z.string().describe('计算过程'),
});

export const ledgerMetricsSchema = z.object({
  unitId: z.string(),
  from: z.string(),
  to: z.string(),
  metrics: z.array(ledgerMetricSchema),
});

export const ledgerMetricsParamsSchema = z.object({ id: z.string().min(1).max(100), unitId: z.string().min(1).max(100) });
