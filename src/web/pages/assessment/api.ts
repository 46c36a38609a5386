import type { z } from 'zod';
import type { campaignProgressSchema } from '../../../shared/schemas/progress';
import type { UnitCriteria } from '../../../shared/schemas/criteria';
import type { StoredFileView } from '../../../shared/schemas/file';
import type { evidenceFileSchema, evidenceListSchema, TeamConfirmationInput, teamConfirmationViewSchema } from '../../../shared/schemas/team';
import type { scoreResponseSchema, selfAssessmentSchema, unitScoresSchema } from '../../../shared/schemas/score';
import { ApiError, api } from '../../api/client';

export type UnitScores = z.infer<typeof unitScoresSchema>;
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;
export type ScoreResponse = z.infer<typeof scoreResponseSchema>;
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;
export type TeamConfirmation = z.infer<typeof teamConfirmationViewSchema>;

const unitAt = (id: string, unitId: string) => `/api/campaigns/${encodeURIComponent(id)}/units/${encodeURIComponent(unitId)}`;

export const assessmentApi = {
  criteria: (id: string, unitId: string) => api.get<UnitCriteria>(`${unitAt(id, unitId)}/criteria`),
  scores: (id: string, unitId: string) => api.get<UnitScores>(`${unitAt(id, unitId)}/scores`),
  save: (id: string, unitId: string, kind: 'self' | 'team', items: Record<string, unknown>) =>
    api.put<UnitScores>(`${unitAt(id, unitId)}/scores/${kind}`, { items }),
  selfAssessment: (id: string, unitId: string, action: 'submit' | 'return', reason?: string) =>
    api.post<SelfAssessment>(`${unitAt(id, unitId)}/self-assessment`, action === 'return' ? { action, reason } : { action }),
  respond: (id: string, unitId: string, response: 'confirmed' | 'disagreed', comment?: string) =>
    api.post<ScoreResponse>(`${unitAt(id, unitId)}/response`, { response, ...(comment ? { comment } : {}) }),
  /** 组长确认考核组评分 (server: teams/confirm-team-score.ts). */
  confirmTeam: (id: string, teamId: string, unitId: string, body: TeamConfirmationInput) =>
    api.post<TeamConfirmation>(`/api/campaigns/${encodeURIComponent(id)}/teams/${encodeURIComponent(teamId)}/units/${encodeURIComponent(unitId)}/confirmation`, body),
  progress: (id: string) => api.get<CampaignProgress>(`/api/campaigns/${encodeURIComponent(id)}/progress`),
};

export type EvidenceFile = z.infer<typeof evidenceFileSchema>;
export type EvidenceList = z.infer<typeof evidenceListSchema>;

/** A write the JSON client does not cover (a file upload, a DELETE), with the session's anti-forgery token. */
async function send<T>(method: 'POST' | 'DELETE', path: string, body?: FormData): Promise<T> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/session');
  let response: Response;
  try {
    response = await fetch(path, { method, body, credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': csrfToken } });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
  }
  const data = await response.json().catch(() => null) as { code?: string; message?: string } | null;
  if (!response.ok) {
    throw new ApiError(response.status, data?.code ?? 'http_error', data?.message ?? `请求失败（HTTP ${response.status}），请稍后重试。`);
  }
  return data as T;
}

export const evidenceApi = {
  /** Uploads a file of the unit, then attaches it to the criterion's self or team score. */
  async add(id: string, unitId: string, kind: 'self' | 'team', criterionId: string, file: File): Promise<EvidenceList> {
    const form = new FormData();
    form.append('file', file, file.name);
    const stored = await send<StoredFileView>('POST', `/api/units/${encodeURIComponent(unitId)}/files`, form);
    return api.post<EvidenceList>(`${unitAt(id, unitId)}/evidence/${kind}`, { criterionId, fileIds: [stored.id] });
  },
  remove: (id: string, unitId: string, kind: 'self' | 'team', criterionId: string, fileId: string) =>
    send<EvidenceList>('DELETE', `${unitAt(id, unitId)}/evidence/${kind}/${encodeURIComponent(criterionId)}/${encodeURIComponent(fileId)}`),
};

export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
