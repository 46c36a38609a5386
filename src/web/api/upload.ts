import type { StoredFileView } from '../../shared/schemas/file';
import { api, ApiError } from './client';

/**
 * Uploads one file as a file of a unit (POST /api/units/:unitId/files), with the session's
 * anti-forgery token as every write carries it; the answer is the stored file, whose id the
 * record that uses it (a photo, a report, a scan) then names.
 */
export async function uploadUnitFile(unitId: string, file: File): Promise<StoredFileView> {
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
