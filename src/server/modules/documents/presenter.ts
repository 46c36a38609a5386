import { importJobStateLabels, type ImportIssueView, type ImportJobView } from '../../../shared/schemas/document';
import type { ImportJobRow } from './repository';

/** A running job untouched this long was left by an instance that stopped; it is shown as failed. */
export const abandonedAfterMs = 10 * 60 * 1000;

export function toImportJobView(row: ImportJobRow, now: Date): ImportJobView {
  let state = row.state as ImportJobView['state'];
  let issues = row.issues_json ? (JSON.parse(row.issues_json) as ImportIssueView[]) : [];
  if (state === 'running' && now.getTime() - Date.parse(row.updated_at) > abandonedAfterMs) {
    state = 'failed';
    issues = [{ sheet: null, row: null, column: null, message: '导入已中断（服务器在导入过程中停止），没有写入任何数据，请重新导入。' }];
  }
  return {
    id: row.id,
    kind: 'itemScores',
    campaignId: row.campaign_id,
    fileName: row.file_name,
    state,
    stateLabel: importJobStateLabels[state],
    processedRows: row.processed_rows,
    totalRows: row.total_rows,
    percent: row.percent,
    issues,
    summary: row.summary_json ? (JSON.parse(row.summary_json) as ImportJobView['summary']) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** xlsx and docx media types, for Content-Type. */
export const mediaTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
