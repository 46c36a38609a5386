import type { z } from 'zod';
import type { enforcementCreateSchema, enforcementDetailSchema, enforcementListSchema, enforcementSchema } from '../../../shared/schemas/enforcement';
import type { enterpriseListSchema } from '../../../shared/schemas/enterprise';
import type { UnitDirectory } from '../../../shared/schemas/unit';
import { api } from '../../api/client';
import type { Query } from '../../api/client';

export type MeasureView = z.infer<typeof enforcementSchema>;
export type MeasureDetail = z.infer<typeof enforcementDetailSchema>;
export type MeasureList = z.infer<typeof enforcementListSchema>;

const path = (id: string) => `/api/enforcement-measures/${encodeURIComponent(id)}`;

export const enforcementApi = {
  list: (query: Query) => api.get<MeasureList>('/api/enforcement-measures', query),
  get: (id: string) => api.get<MeasureDetail>(path(id)),
  open: (input: z.input<typeof enforcementCreateSchema>) => api.post<MeasureView>('/api/enforcement-measures', input),
  step: (id: string, body: Record<string, unknown>) => api.post<MeasureDetail>(`${path(id)}/steps`, body),
  enterprises: (q: string | undefined) => api.get<z.infer<typeof enterpriseListSchema>>('/api/enterprises', { q, pageSize: 50 }),
  units: () => api.get<UnitDirectory>('/api/units/directory'),
};
