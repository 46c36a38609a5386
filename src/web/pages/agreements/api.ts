import type { z } from 'zod';
import type {
  agreementDraftResultSchema, agreementListSchema, AgreementTransition, AgreementUpdate, AgreementView, unsignedAgreementsSchema,
} from '../../../shared/schemas/agreement';
import type { StoredFileView } from '../../../shared/schemas/file';
import { api, ApiError } from '../../api/client';
import type { Query } from '../../api/client';

export type AgreementList = z.infer<typeof agreementListSchema>;
export type UnsignedAgreements = z.infer<typeof unsignedAgreementsSchema>;
export type DraftResult = z.infer<typeof agreementDraftResultSchema>;

const at = (id: string, unitId?: string) =>
  `/api/campaigns/${encodeURIComponent(id)}/agreements${unitId ? `/${encodeURIComponent(unitId)}` : ''}`;

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; message?: string };
    if (body.code && body.message) return new ApiError(response.status, body.code, body.message);
  } catch {
    // not JSON: fall through to the generic message
  }
  return new ApiError(response.status, 'http_error', `请求失败（HTTP ${response.status}），请稍后重试。`);
}

async function fetchBlob(path: string): Promise<{ blob: Blob; response: Response }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
  }
  if (!response.ok) throw await failure(response);
  return { blob: await response.blob(), response };
}

function fileNameOf(response: Response, fallback: string): string {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('content-disposition') ?? '');
  return match ? decodeURIComponent(match[1]!) : fallback;
}

export const agreementApi = {
  list: (id: string, query: Query) => api.get<AgreementList>(at(id), query),
  unsigned: (id: string) => api.get<UnsignedAgreements>(`${at(id)}/unsigned`),
  draft: (id: string) => api.post<DraftResult>(at(id), {}),
  get: (id: string, unitId: string) => api.get<AgreementView>(at(id, unitId)),
  update: (id: string, unitId: string, body: AgreementUpdate) => api.put<AgreementView>(at(id, unitId), body),
  transition: (id: string, unitId: string, body: AgreementTransition) => api.post<AgreementView>(`${at(id, unitId)}/transitions`, body),

  /** Downloads the agreement as DOCX under the server's Chinese file name. */
  async downloadDocx(id: string, unitId: string, fallbackName: string): Promise<void> {
    const { blob, response } = await fetchBlob(`${at(id, unitId)}/docx`);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response, fallbackName);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },

  /** Opens a stored file (the scanned PDF) in a new tab from its bytes, so the browser shows it instead of saving it. */
  async openFile(fileId: string): Promise<void> {
    const tab = window.open('', '_blank');
    const { blob } = await fetchBlob(`/api/files/${encodeURIComponent(fileId)}`);
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else window.location.assign(url);
  },

  /** Uploads the scanned signed copy as a file of the unit. */
  async uploadScan(unitId: string, file: File): Promise<StoredFileView> {
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
    if (!response.ok) throw await failure(response);
    return (await response.json()) as StoredFileView;
  },
};

export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
