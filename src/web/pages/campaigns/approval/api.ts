import type { z } from 'zod';
import type { accountListSchema } from '../../../../shared/schemas/account';
import type { auditListSchema } from '../../../../shared/schemas/audit';
import type { CampaignTransition, CampaignView } from '../../../../shared/schemas/campaign';
import type { objectionListSchema, objectionSchema } from '../../../../shared/schemas/objection';
import type { resultVersionListSchema, tableDiffSchema } from '../../../../shared/schemas/result';
import type { ObjectionDecision } from '../../../../domain/workflow/objection';
import type { ProgressReport } from '../../../../shared/schemas/progress-stream';
import { api } from '../../../api/client';
import { postWithProgress } from '../../../api/progress-stream';

export type AuditList = z.infer<typeof auditListSchema>;
export type AuditRecord = AuditList['items'][number];
export type AccountList = z.infer<typeof accountListSchema>;
export type ObjectionList = z.infer<typeof objectionListSchema>;
export type Objection = z.infer<typeof objectionSchema>;
export type VersionList = z.infer<typeof resultVersionListSchema>;
export type TableDiff = z.infer<typeof tableDiffSchema>;

const at = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export const approvalApi = {
  /** The campaign's own audit trail (creation, every state change, corrections), oldest first. */
  history: (id: string) => api.get<AuditList>('/api/audit', { entityType: 'campaign', entityId: id, order: 'asc', pageSize: 200 }),
  /** Display names of the accounts the reader may see; none when it may see no accounts. */
  accountNames: async (): Promise<Map<string, string>> => {
    try {
      const list = await api.get<AccountList>('/api/accounts', { pageSize: 200 });
      return new Map(list.items.map((a) => [a.id, a.displayName]));
    } catch {
      return new Map();
    }
  },
  transition: (id: string, body: CampaignTransition) => api.post<CampaignView>(`${at(id)}/transitions`, body),
  /** A transition with the server's progress: publication (发布通报) reports its phases while it freezes the results. */
  transitionWithProgress: (id: string, body: CampaignTransition, onProgress: (report: ProgressReport) => void) =>
    postWithProgress<CampaignView>(`${at(id)}/transitions`, body, onProgress),
  objections: (id: string) => api.get<ObjectionList>(`${at(id)}/objections`),
  fileObjection: (id: string, unitId: string, content: string) => api.post<Objection>(`${at(id)}/objections`, { unitId, content }),
  answerObjection: (id: string, objectionId: string, decision: ObjectionDecision, answer: string) =>
    api.post<Objection>(`${at(id)}/objections/${encodeURIComponent(objectionId)}/answer`, { decision, answer }),
  versions: (id: string) => api.get<VersionList>(`${at(id)}/result-versions`),
  diff: (id: string, from: number, to: number) => api.get<TableDiff>(`${at(id)}/result-versions/${from}/diff/${to}`),
  /** A correction (更正结果), with the server's progress while it freezes the new version. */
  correct: (id: string, reason: string, onProgress: (report: ProgressReport) => void) =>
    postWithProgress<{ version: number | null; reason: string; diff: TableDiff }>(`${at(id)}/result-versions`, { reason }, onProgress),
};
