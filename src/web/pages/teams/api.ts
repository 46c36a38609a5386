import type { z } from 'zod';
import type { accountListSchema } from '../../../shared/schemas/account';
import type { teamCreateSchema, teamListSchema, TeamUpdate, TeamView } from '../../../shared/schemas/team';
import { api } from '../../api/client';

export type TeamList = z.infer<typeof teamListSchema>;
export type AccountList = z.infer<typeof accountListSchema>;
export type Assessor = AccountList['items'][number];

const at = (id: string) => `/api/campaigns/${encodeURIComponent(id)}/teams`;
const team = (id: string, teamId: string) => `${at(id)}/${encodeURIComponent(teamId)}`;

export const teamsApi = {
  list: (id: string) => api.get<TeamList>(at(id), { pageSize: 200 }),
  create: (id: string, body: z.input<typeof teamCreateSchema>) => api.post<TeamView>(at(id), body),
  update: (id: string, teamId: string, body: TeamUpdate) => api.patch<TeamView>(team(id, teamId), body),
  assignUnits: (id: string, teamId: string, body: { version: number; unitIds: string[] }) => api.put<TeamView>(`${team(id, teamId)}/units`, body),
  remove: (id: string, teamId: string, version: number) => api.del<{ id: string; deleted: true }>(team(id, teamId), { version }),
  /** Every 考核组成员 account the reader may see, enabled or not (a disabled one is shown as such in its team). */
  assessors: async (): Promise<Assessor[]> => {
    const all: Assessor[] = [];
    for (let page = 1; ; page += 1) {
      const list = await api.get<AccountList>('/api/accounts', { role: 'assessor', sort: 'displayName', pageSize: 200, page });
      all.push(...list.items);
      if (all.length >= list.total || list.items.length === 0) return all;
    }
  },
};
