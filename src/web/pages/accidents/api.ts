import type { z } from 'zod';
import type {
  AccidentCreate, accidentFiguresSchema, AccidentReportChange, accidentListSchema, accidentSchema, VetoDecisionInput, vetoProposalListSchema, vetoProposalSchema,
} from '../../../shared/schemas/accident';
import type { campaignListSchema } from '../../../shared/schemas/campaign';
import type { UnitDirectory } from '../../../shared/schemas/unit';
import { api } from '../../api/client';
import type { Query } from '../../api/client';

export type AccidentView = z.infer<typeof accidentSchema>;
export type AccidentList = z.infer<typeof accidentListSchema>;
export type AccidentVersion = NonNullable<AccidentView['versions']>[number];
export type VetoProposal = z.infer<typeof vetoProposalSchema>;
export type CampaignList = z.infer<typeof campaignListSchema>;
export type UnitList = UnitDirectory;
export type UnitView = UnitList['items'][number];

export const accidentApi = {
  list: (query: Query) => api.get<AccidentList>('/api/accidents', query),
  get: (id: string) => api.get<AccidentView>(`/api/accidents/${encodeURIComponent(id)}`),
  record: (input: AccidentCreate) => api.post<AccidentView>('/api/accidents', input),
  updateFigures: (id: string, input: z.input<typeof accidentFiguresSchema>) =>
    api.put<AccidentView>(`/api/accidents/${encodeURIComponent(id)}/figures`, input),
  recordReport: (id: string, level: string, input: AccidentReportChange) =>
    api.put<AccidentView>(`/api/accidents/${encodeURIComponent(id)}/reports/${encodeURIComponent(level)}`, input),
  campaigns: () => api.get<CampaignList>('/api/campaigns'),
  units: () => api.get<UnitList>('/api/units/directory'),
  proposals: (campaignId: string) =>
    api.get<z.infer<typeof vetoProposalListSchema>>(`/api/campaigns/${encodeURIComponent(campaignId)}/veto-proposals`),
  decide: (campaignId: string, input: VetoDecisionInput) =>
    api.post<VetoProposal>(`/api/campaigns/${encodeURIComponent(campaignId)}/veto-decisions`, input),
};

/** The campaign a page opens on: this year's, else the most recent one. */
export function defaultCampaignId(items: CampaignList['items'], year: number): string | undefined {
  const sorted = [...items].sort((a, b) => b.year - a.year);
  return (sorted.find((c) => c.year === year) ?? sorted[0])?.id;
}
