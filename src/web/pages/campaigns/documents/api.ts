import type { ImportIssueView, ImportJobView } from '../../../../shared/schemas/document';
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
  criteria: (id: string) => `${at(id)}/criteria.xlsx`,
};

/** POSTs one workbook as multipart `file`, with the session's anti-forgery token as every write. */
async function postWorkbook(path: string, file: File): Promise<Response> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/session');
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': csrfToken } });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
  }
}

/** Uploads an item-score workbook; the answer is the import job (202) to follow. */
export async function uploadItemScores(id: string, file: File): Promise<ImportJobView> {
  const response = await postWorkbook(`${at(id)}/imports/item-scores`, file);
  if (!response.ok) throw await failure(response);
  return (await response.json()) as ImportJobView;
}

export type CriteriaImportAnswer = { ok: true; schemeVersion: number; criteria: number } | { ok: false; issues: ImportIssueView[] };

/** Uploads a 考核细则 workbook: the new scheme version, or (422) every problem found. */
export async function uploadCriteria(id: string, file: File): Promise<CriteriaImportAnswer> {
  const response = await postWorkbook(`${at(id)}/imports/criteria`, file);
  if (response.status === 422) return { ok: false, issues: ((await response.json()) as { issues: ImportIssueView[] }).issues };
  if (!response.ok) throw await failure(response);
  return { ok: true, ...((await response.json()) as { schemeVersion: number; criteria: number }) };
}

export const importJob = (jobId: string) => api.get<ImportJobView>(`/api/import-jobs/${encodeURIComponent(jobId)}`);
