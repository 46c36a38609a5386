import type { ExpertCreate, ExpertUpdate, ExpertView, expertListSchema } from '../../../shared/schemas/expert';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { Query } from '../../api/client';

export type { ExpertView };
export type ExpertList = z.infer<typeof expertListSchema>;

const path = (id: string) => `/api/experts/${encodeURIComponent(id)}`;

export const expertApi = {
  list: (query: Query) => api.get<ExpertList>('/api/experts', query),
  get: (id: string) => api.get<ExpertView>(path(id)),
  create: (input: ExpertCreate) => api.post<ExpertView>('/api/experts', input),
  update: (id: string, input: ExpertUpdate) => api.patch<ExpertView>(path(id), input),
};
