import type { z } from 'zod';
import type { accidentListSchema, vetoProposalListSchema } from '../../../shared/schemas/accident';
import type { CampaignView } from '../../../shared/schemas/campaign';
import type { HazardSummary } from '../../../shared/schemas/hazard';
import type { monthlyReportListSchema } from '../../../shared/schemas/monthly-report';
import type { campaignProgressSchema, todoListSchema } from '../../../shared/schemas/progress';
import type { campaignResultsSchema } from '../../../shared/schemas/result';
import { api } from '../../api/client';

export type Progress = z.infer<typeof campaignProgressSchema>;
export type MonthlyReports = z.infer<typeof monthlyReportListSchema>;
export type Todos = z.infer<typeof todoListSchema>;
export type Todo = Todos['items'][number];
export type AccidentList = z.infer<typeof accidentListSchema>;
export type VetoProposals = z.infer<typeof vetoProposalListSchema>;
export type CampaignResults = z.infer<typeof campaignResultsSchema>;
export type { HazardSummary };

const c = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export const homeApi = {
  progress: (campaignId: string) => api.get<Progress>(`${c(campaignId)}/progress`),
  monthlyReports: (campaignId: string) => api.get<MonthlyReports>(`${c(campaignId)}/monthly-reports`),
  todos: () => api.get<Todos>('/api/todos'),
  accidents: (year: number) => api.get<AccidentList>('/api/accidents', { year, pageSize: 5, order: 'desc' }),
  vetoProposals: (campaignId: string) => api.get<VetoProposals>(`${c(campaignId)}/veto-proposals`),
  results: (campaignId: string) => api.get<CampaignResults>(`${c(campaignId)}/results`),
  hazardSummary: () => api.get<HazardSummary>('/api/hazards/summary'),
};

/** The campaign the dashboard follows: the latest one not yet published, else the latest one (as the menu's 自评/考核评分). */
export function currentCampaign(items: readonly CampaignView[]): CampaignView | undefined {
  const byYear = [...items].sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt));
  return byYear.find((x) => x.state !== 'published') ?? byYear[0];
}

/** Basis points (万分之一) as a percentage with one decimal. */
export const percentOf = (basisPoints: number) => Math.round(basisPoints / 10) / 10;
