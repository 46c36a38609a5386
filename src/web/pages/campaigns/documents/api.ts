import type { ImportJobView } from '../../../../shared/schemas/document';
import { ApiError, api, withQuery } from '../../../api/client';
import type { Query } from '../../../api/client';

const at = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string') return new ApiError(response.status, body.code, body.message);
  } catch {
    // not JSON: the generic message below
  }
  return new ApiError(response.status, 'http_error', `请求失败（HTTP ${response.status}），请稍后重试。`);
}

/** The name from Content-Disposition (RFC 5987 `filename*` first). */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return fallback;
    }
  }
  return fallback;
}

/**
 * Fetches a document and hands it to the browser as a download under the server's file name,
 * so a refusal shows the server's message instead of leaving the page.
 */
export async function downloadDocument(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
  }
  if (!response.ok) throw await failure(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const documentPaths = {
  notice: (id: string) => `${at(id)}/notice.docx`,
  results: (id: string) => `${at(id)}/results.xlsx`,
  itemScores: (id: string) => `${at(id)}/item-scores.xlsx`,
  scoreSheets: (id: string) => `${at(id)}/score-sheets.docx`,
  itemScoreTemplate: '/api/import-templates/item-scores.xlsx',
};

/** Uploads an item-score workbook; the answer is the import job (202) to follow. */
export async function uploadItemScores(id: string, file: File): Promise<ImportJobView> {
  // The anti-forgery token of the current session, as every write carries it.
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/session');
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`${at(id)}/imports/item-scores`, {
      method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as ImportJobView;
}

export const importJob = (jobId: string) => api.get<ImportJobView>(`/api/import-jobs/${encodeURIComponent(jobId)}`);
