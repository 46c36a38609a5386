import type { z } from 'zod';
import { can } from '../../../../domain/access/can';
import type { AccountView } from '../../../../shared/schemas/account';
import type { CampaignCopy, CampaignCreate, CampaignView, campaignSchemeViewSchema } from '../../../../shared/schemas/campaign';
import type { unitListSchema } from '../../../../shared/schemas/unit';
import { api } from '../../../api/client';

export type UnitList = z.infer<typeof unitListSchema>;
export type PlatformUnit = UnitList['items'][number];
export type CampaignSchemeView = z.infer<typeof campaignSchemeViewSchema>;

const at = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export const createApi = {
  create: (body: CampaignCreate) => api.post<CampaignView>('/api/campaigns', body),
  copy: (sourceId: string, body: CampaignCopy) => api.post<CampaignView>(`${at(sourceId)}/copy`, body),
  scheme: (id: string) => api.get<CampaignSchemeView>(`${at(id)}/scheme`),
  /** Every unit of the reader's jurisdiction, page by page (200 a page). */
  allUnits: async (): Promise<PlatformUnit[]> => {
    const items: PlatformUnit[] = [];
    for (let page = 1; ; page += 1) {
      const list = await api.get<UnitList>('/api/units', { page, pageSize: 200 });
      items.push(...list.items);
      if (items.length >= list.total || list.items.length === 0) return items;
    }
  },
};

/**
 * Whether the account runs campaigns (安委办), decided by the same `can` the server applies;
 * the organisation path does not change the answer for a role, so the root stands in for it.
 */
export function mayManageCampaigns(account: AccountView): boolean {
  return can(
    { accountId: account.id, role: account.role, organisationPath: '/', unitId: account.unitId, assignedUnitIds: [] },
    'campaign.manage',
    { organisationPath: '/' },
  );
}
