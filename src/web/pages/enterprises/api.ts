import type { z } from 'zod';
import type {
  enterpriseCreateSchema, enterpriseFileSchema, enterpriseImportResultSchema, enterpriseListSchema, EnterprisePatch, EnterpriseView,
} from '../../../shared/schemas/enterprise';
import type { UnitDirectory } from '../../../shared/schemas/unit';
import { api, ApiError } from '../../api/client';
import type { Query } from '../../api/client';

export type { EnterpriseView };
export type EnterpriseList = z.infer<typeof enterpriseListSchema>;
export type EnterpriseFile = z.infer<typeof enterpriseFileSchema>;
export type TimelineEntry = EnterpriseFile['timeline'][number];
export type UnitView = UnitDirectory['items'][number];

const at = (id: string) => `/api/enterprises/${encodeURIComponent(id)}`;

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; message?: string };
    if (body.code && body.message) return new ApiError(response.status, body.code, body.message);
  } catch {
    // not JSON: fall through to the generic message
  }
  return new ApiError(response.status, 'http_error', `请求失败（HTTP ${response.status}），请稍后重试。`);
}

export const enterpriseApi = {
  list: (query: Query) => api.get<EnterpriseList>('/api/enterprises', query),
  get: (id: string) => api.get<EnterpriseView>(at(id)),
  file: (id: string) => api.get<EnterpriseFile>(`${at(id)}/file`),
  create: (input: z.input<typeof enterpriseCreateSchema>) => api.post<EnterpriseView>('/api/enterprises', input),
  update: (id: string, input: EnterprisePatch) => api.patch<EnterpriseView>(at(id), input),
  units: () => api.get<UnitDirectory>('/api/units/directory'),

  /** 从 Excel 导入: whole or nothing; a refusal lists every wrong cell by row and column. */
  async importXlsx(file: File): Promise<z.infer<typeof enterpriseImportResultSchema>> {
    const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/session');
    const form = new FormData();
    form.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch('/api/enterprises/import', {
        method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      });
    } catch {
      throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
    }
    if (!response.ok) throw await failure(response);
    return (await response.json()) as z.infer<typeof enterpriseImportResultSchema>;
  },
};

/**
 * The rows of an import refusal: “导入文件有3处错误，未导入任何数据：第2行…；第5行…” as a heading and
 * one line per error, so the office can correct the sheet row by row.
 */
export function importErrorLines(message: string): { heading: string; lines: string[] } {
  const colon = message.indexOf('：');
  if (colon < 0) return { heading: message, lines: [] };
  const lines = message.slice(colon + 1).split('；').map((l) => l.trim()).filter((l) => l !== '');
  return { heading: message.slice(0, colon), lines };
}

/** A server refusal of the form “字段“creditCode”：…；字段“sector”：…” as messages per form field. */
export function fieldMessages(message: string): { field: string; message: string }[] {
  const found: { field: string; message: string }[] = [];
  for (const part of message.split('；')) {
    const m = /^字段“([^”]+)”：(.*)$/.exec(part.trim());
    if (m) found.push({ field: m[1]!, message: m[2]! });
  }
  return found;
}
