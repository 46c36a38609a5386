import type { z } from 'zod';
import type { campaignListSchema, campaignUnitListSchema, CampaignView } from '../../../shared/schemas/campaign';
import type { campaignResultsSchema, traceSchema } from '../../../shared/schemas/result';
import { api, prefetch } from '../../api/client';

export type CampaignList = z.infer<typeof campaignListSchema>;
export type CampaignUnitList = z.infer<typeof campaignUnitListSchema>;
export type CampaignResults = z.infer<typeof campaignResultsSchema>;
export type ResultRow = CampaignResults['rows'][number];
export type Trace = z.infer<typeof traceSchema>;

const at = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export const campaignApi = {
  list: () => api.get<CampaignList>('/api/campaigns'),
  get: (id: string) => api.get<CampaignView>(at(id)),
  units: (id: string) => api.get<CampaignUnitList>(`${at(id)}/units`),
  results: (id: string) => api.get<CampaignResults>(`${at(id)}/results`),
  /** What the results page reads first, started by its route before the page's code arrives. */
  prefetchResultsPage: (id: string) => { for (const path of [`${at(id)}/results`, at(id)]) prefetch(path); },
  trace: (id: string, unitId: string, version?: number | null) =>
    api.get<Trace>(`${at(id)}/units/${encodeURIComponent(unitId)}/trace`, { version: version ?? undefined }),
};
