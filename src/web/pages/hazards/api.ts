import type { z } from 'zod';
import type { enterpriseListSchema } from '../../../shared/schemas/enterprise';
import type { HazardCreate, hazardCardSchema, hazardListSchema, hazardStepSchema, HazardView } from '../../../shared/schemas/hazard';
import type { UnitDirectory } from '../../../shared/schemas/unit';
import { api, ApiError, withQuery } from '../../api/client';
import type { Query } from '../../api/client';

export type { HazardView };
export type HazardList = z.infer<typeof hazardListSchema>;
export type HazardCardView = z.infer<typeof hazardCardSchema>;
export type HazardEventView = HazardCardView['events'][number];
export type UnitView = UnitDirectory['items'][number];
export type EnterpriseOption = z.infer<typeof enterpriseListSchema>['items'][number];

/** The step as sent: photos may be left out (the schema defaults them to none). */
export type HazardStepInput = z.input<typeof hazardStepSchema>;

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; message?: string };
    if (body.code && body.message) return new ApiError(response.status, body.code, body.message);
  } catch {
    // not JSON: fall through to the generic message
  }
  return new ApiError(response.status, 'http_error', `请求失败（HTTP ${response.status}），请稍后重试。`);
}

function fileNameOf(response: Response, fallback: string): string {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('content-disposition') ?? '');
  return match ? decodeURIComponent(match[1]!) : fallback;
}

export const hazardApi = {
  list: (query: Query) => api.get<HazardList>('/api/hazards', query),
  get: (id: string) => api.get<HazardCardView>(`/api/hazards/${encodeURIComponent(id)}`),
  record: (input: Omit<HazardCreate, 'photosBefore' | 'enforcementDocumentNumbers'> & Partial<HazardCreate>) => api.post<HazardView>('/api/hazards', input),
  step: (id: string, input: HazardStepInput) => api.post<HazardView>(`/api/hazards/${encodeURIComponent(id)}/steps`, input),
  units: () => api.get<UnitDirectory>('/api/units/directory'),
  enterprises: (q?: string) => api.get<z.infer<typeof enterpriseListSchema>>('/api/enterprises', { q, pageSize: 50 }),

  /** Downloads the ledger as Excel with the list's filters, under the server's Chinese file name. */
  async exportXlsx(query: Query): Promise<void> {
    let response: Response;
    try {
      response = await fetch(withQuery('/api/hazards.xlsx', query), { credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
    }
    if (!response.ok) throw await failure(response);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response, '隐患台账.xlsx');
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
