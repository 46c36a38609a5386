import type { z } from 'zod';
import type {
  ProgressReportCreate, SpecialCampaignCreate, SpecialCampaignDetail, SpecialCampaignSummary, SpecialCampaignView, specialCampaignListSchema,
} from '../../../shared/schemas/special-campaign';
import type { UnitDirectory } from '../../../shared/schemas/unit';
import { api } from '../../api/client';
import type { Query } from '../../api/client';

export type { SpecialCampaignDetail, SpecialCampaignSummary, SpecialCampaignView };
export type SpecialCampaignList = z.infer<typeof specialCampaignListSchema>;

const path = (id: string) => `/api/special-campaigns/${encodeURIComponent(id)}`;

export const specialCampaignApi = {
  list: (query: Query) => api.get<SpecialCampaignList>('/api/special-campaigns', query),
  get: (id: string) => api.get<SpecialCampaignDetail>(path(id)),
  create: (input: SpecialCampaignCreate) => api.post<SpecialCampaignView>('/api/special-campaigns', input),
  report: (id: string, input: ProgressReportCreate) => api.post<SpecialCampaignDetail>(`${path(id)}/progress`, input),
  units: () => api.get<UnitDirectory>('/api/units/directory'),
};
