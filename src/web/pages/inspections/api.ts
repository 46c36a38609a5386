import type { z } from 'zod';
import type {
  InspectionCreate, InspectionDraw, InspectionRecordInput, InspectionReportCreate, InspectionReportView, InspectionView, inspectionListSchema,
} from '../../../shared/schemas/inspection';
import type { StoredFileView } from '../../../shared/schemas/file';
import type { unitListSchema } from '../../../shared/schemas/unit';
import { api, ApiError } from '../../api/client';
import type { Query } from '../../api/client';

export type { InspectionReportView, InspectionView };
export type InspectionList = z.infer<typeof inspectionListSchema>;

const path = (id: string) => `/api/inspections/${encodeURIComponent(id)}`;

/** Uploads the report's file as a file of the enterprise's town (the unit the inspection belongs to). */
async function uploadFile(unitId: string, file: File): Promise<StoredFileView> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/session');
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/units/${encodeURIComponent(unitId)}/files`, {
      method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
  }
  const data = await response.json().catch(() => null) as { code?: string; message?: string } | null;
  if (!response.ok) throw new ApiError(response.status, data?.code ?? 'http_error', data?.message ?? `上传失败（HTTP ${response.status}），请稍后重试。`);
  return data as StoredFileView;
}

export const inspectionApi = {
  list: (query: Query) => api.get<InspectionList>('/api/inspections', query),
  get: (id: string) => api.get<InspectionView>(path(id)),
  plan: (input: InspectionCreate) => api.post<InspectionView>('/api/inspections', input),
  draw: (id: string, input: InspectionDraw) => api.post<InspectionView>(`${path(id)}/draw`, input),
  record: (id: string, input: InspectionRecordInput) => api.post<InspectionView>(`${path(id)}/record`, input),
  attachReport: (id: string, input: InspectionReportCreate) => api.post<InspectionReportView>(`${path(id)}/reports`, input),
  uploadFile,
  units: () => api.get<z.infer<typeof unitListSchema>>('/api/units', { pageSize: 200 }),
};

export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
