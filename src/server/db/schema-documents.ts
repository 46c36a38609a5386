import type { Generated } from 'kysely';

/** Tables of Excel imports (migration 20261129T144500-import-job); see schema.ts. */
export interface ImportJobTable {
  id: string;
  /** itemScores */
  kind: string;
  campaign_id: string | null;
  /** The organisation path the job belongs to, for `can`. */
  organisation_path: string;
  file_name: string;
  /** running | succeeded | failed */
  state: string;
  processed_rows: Generated<number>;
  /** Known once the whole workbook has been read. */
  total_rows: number | null;
  /** 0–100, from the bytes of the sheet read so far. */
  percent: Generated<number>;
  /** ImportIssue[] as JSON, when refused. */
  issues_json: string | null;
  /** What was written, when it succeeded. */
  summary_json: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentTables {
  import_job: ImportJobTable;
}
