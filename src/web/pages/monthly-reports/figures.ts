import type { z } from 'zod';
import type { monthlyReportListSchema, monthlyReportSchema } from '../../../shared/schemas/monthly-report';
import type { campaignListSchema } from '../../../shared/schemas/campaign';
import { api } from '../../api/client';

export type MonthlyReportList = z.infer<typeof monthlyReportListSchema>;
export type UnitReports = MonthlyReportList['items'][number];
export type MonthReport = UnitReports['months'][number];
export type IndicatorPace = NonNullable<UnitReports['indicators']>[number];
export type CampaignList = z.infer<typeof campaignListSchema>;

const at = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export const reportApi = {
  campaigns: () => api.get<CampaignList>('/api/campaigns'),
  list: (campaignId: string) => api.get<MonthlyReportList>(`${at(campaignId)}/monthly-reports`),
  submit: (campaignId: string, unitId: string, month: number, figures: Record<string, number>) =>
    api.put<z.infer<typeof monthlyReportSchema>>(`${at(campaignId)}/units/${encodeURIComponent(unitId)}/monthly-reports/${month}`, { figures }),
};

/**
 * The figures a unit types each month, named as the supervision ledgers name the same
 * counts. Accidents, deaths, injuries and losses are not here: the register supplies them.
 */
export const typedFigures = [
  { name: 'inspections', label: '执法检查次数', unit: '次' },
  { name: 'enterprisesCovered', label: '检查覆盖企业数', unit: '家' },
  { name: 'hazardsFound', label: '排查发现隐患数', unit: '条' },
  { name: 'majorHazards', label: '重大隐患数', unit: '条' },
  { name: 'overdueHazards', label: '逾期未整改隐患数', unit: '条' },
  { name: 'enforcementMeasures', label: '执法措施数', unit: '项' },
] as const;

const figureLabels = new Map<string, string>(typedFigures.map((f) => [f.name, f.label]));
export const figureLabel = (name: string) => figureLabels.get(name) ?? '其他指标';

/** How a month stands, in the words the office uses (colour is never the only signal). */
export const statusText: Record<MonthReport['status'], { text: string; colour: string; mark: string }> = {
  onTime: { text: '已报', colour: 'green', mark: '✓' },
  late: { text: '迟报', colour: 'orange', mark: '!' },
  missing: { text: '未报', colour: 'red', mark: '✗' },
  due: { text: '待报', colour: 'blue', mark: '…' },
  notDue: { text: '未到期', colour: 'default', mark: '–' },
};

/** The campaign a page opens on: this year's, else the most recent one. */
export function defaultCampaignId(items: CampaignList['items'], year: number): string | undefined {
  const sorted = [...items].sort((a, b) => b.year - a.year);
  return (sorted.find((c) => c.year === year) ?? sorted[0])?.id;
}

export const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(2)}%`;

/** Months as runs: [1, 2, 3, 5] → 1至3月、5月. */
function monthRuns(months: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const m of months) {
    const last = runs.at(-1);
    if (last && last[1] === m - 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}月` : `${a}至${b}月`)).join('、');
}

/**
 * The campaign's 月报报送期限 in words: the current rule, and the months that kept an earlier one
 * because they had ended when the office changed it (domain monthly-report.ts, graceDaysOf).
 */
export function ruleSummary(list: Pick<MonthlyReportList, 'graceDays' | 'rule' | 'items'>): string {
  const kept = (list.items[0]?.months ?? []).filter((m) => m.graceDays !== list.graceDays);
  if (kept.length === 0) return list.rule;
  const earlier = kept.every((m) => m.graceDays === kept[0]!.graceDays) ? kept[0]!.rule : '各自原期限';
  return `${list.rule}（${monthRuns(kept.map((m) => m.month))}在修改前已结束，仍按${earlier}）`;
}
