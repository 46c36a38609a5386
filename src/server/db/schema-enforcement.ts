import type { Generated } from 'kysely';

/**
 * 执法措施 (docs/ledgers.md §4). measure_json is the domain's EnforcementMeasure (its steps with
 * their data); the other columns are copied from it when it changes, for the register's filters.
 * Days are China-time days (YYYY-MM-DD), instants ISO-8601 UTC.
 */
export interface EnforcementMeasureTable {
  id: string;
  organisation_id: string;
  enterprise_id: string;
  /** The enterprise's town and regulating department when the measure was opened. */
  territorial_unit_id: string;
  regulating_unit_id: string;
  /** domain/ledgers/enforcement/procedures.ts MeasureType */
  type: string;
  emergency: number;
  hazard_id: string | null;
  /** 决定书文书编号, once the decision is recorded. */
  decision_number: string | null;
  /** The day the measure was taken: its on-site step, or its execution for a supply stop. */
  started_on: string | null;
  /** The day of the step that ends the measure (解除, 复查, 强制拆除). */
  ended_on: string | null;
  last_step: string | null;
  /**
   * The earliest legal deadline not yet met, as the last instant it can be met (a day deadline:
   * 23:59:59.999 China time of its day); overdue once now is later. NULL when none is running.
   */
  next_due_at: string | null;
  measure_json: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnforcementStepTable {
  measure_id: string;
  seq: number;
  step: string;
  /** When the step was taken (may be before it was recorded). */
  at: string;
  account_id: string | null;
  flags_json: string;
  summary: string;
  recorded_at: string;
}

export interface EnforcementTables {
  enforcement_measure: EnforcementMeasureTable;
  enforcement_step: EnforcementStepTable;
}
