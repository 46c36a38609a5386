import type { z } from 'zod';
import type { enterpriseListSchema } from '../../../shared/schemas/enterprise';
import type { tipCreateSchema, tipListSchema, TipView } from '../../../shared/schemas/tip';
import type { UnitDirectory } from '../../../shared/schemas/unit';
import { api } from '../../api/client';
import type { Query } from '../../api/client';

export type { TipView };
export type TipList = z.infer<typeof tipListSchema>;

const path = (id: string) => `/api/tips/${encodeURIComponent(id)}`;

export const tipApi = {
  list: (query: Query) => api.get<TipList>('/api/tips', query),
  get: (id: string) => api.get<TipView>(path(id)),
  receive: (input: z.input<typeof tipCreateSchema>) => api.post<TipView>('/api/tips', input),
  /** One handling step: assignment, extension, verification, reply or reward, with the tip's version. */
  step: (id: string, step: 'assignment' | 'extension' | 'verification' | 'reply' | 'reward', body: Record<string, unknown>) =>
    api.post<TipView>(`${path(id)}/${step}`, body),
  enterprises: (q: string | undefined) => api.get<z.infer<typeof enterpriseListSchema>>('/api/enterprises', { q, pageSize: 50 }),
  units: () => api.get<UnitDirectory>('/api/units/directory'),
};
