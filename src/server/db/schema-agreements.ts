import type { Generated } from 'kysely';

/** 责任书 (migration 20261129T133700-agreement); see schema.ts. */
export interface AgreementTable {
  campaign_id: string;
  unit_id: string;
  /** domain/workflow/agreement-state.ts */
  state: string;
  /** JSON array of strings: 责任目标 */
  targets_json: string;
  /** JSON array of domain/indicators ControlIndicator: 控制指标 */
  control_indicators_json: string;
  /** JSON array of strings: 重点工作任务 */
  key_tasks_json: string;
  /** 单位主要负责人 */
  unit_principal: string | null;
  /** 单位分管负责人 */
  unit_deputy: string | null;
  /** 政府方签订人 */
  government_signatory: string | null;
  /** ISO date of signing */
  signed_on: string | null;
  /** the scanned signed copy (stored_file of the unit) */
  scanned_file_id: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AgreementTables {
  agreement: AgreementTable;
}
