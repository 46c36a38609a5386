import type { Generated } from 'kysely';

/** Tables of the annual workflow (migration 20261129T111500-campaign); see schema.ts. */
export interface CampaignTable {
  id: string;
  /** The organisation whose committee runs the campaign (e.g. 周村区). */
  organisation_id: string;
  name: string;
  year: number;
  period: string | null;
  /** domain/workflow/campaign-state.ts */
  state: string;
  scheme_version: number;
  agreement_due: string | null;
  self_assessment_due: string | null;
  assessment_ends: string | null;
  publicity_days: number | null;
  publicity_ends_at: string | null;
  approval_meeting: string | null;
  /** 月报报送期限: days after month end (domain/workflow/monthly-report.ts); 2 by default */
  monthly_report_grace_days: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CampaignSchemeTable {
  campaign_id: string;
  version: number;
  scheme_json: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CampaignUnitTable {
  campaign_id: string;
  unit_id: string;
  sort_order: number;
  unit_json: string;
}

export interface ItemScoreTable {
  campaign_id: string;
  unit_id: string;
  /** self | team */
  kind: string;
  criterion_id: string;
  input_json: string;
  scored_by: string | null;
  updated_at: string;
}

export interface SelfAssessmentTable {
  campaign_id: string;
  unit_id: string;
  /** domain/workflow/self-assessment-state.ts */
  state: string;
  submitted_at: string | null;
  /** 退回原因 of the last return (kept after resubmission) */
  return_reason: string | null;
  returned_at: string | null;
  updated_at: string;
}

export interface AdjustmentEventTable {
  id: string;
  campaign_id: string;
  unit_id: string;
  /** bonus | penalty */
  kind: string;
  item_id: string;
  level: string | null;
  times: number;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AccidentTable {
  id: string;
  organisation_id: string;
  occurred_at: string;
  place: string | null;
  territorial_unit_id: string | null;
  sector: string | null;
  regulating_unit_id: string | null;
  enterprise: string | null;
  liability: number;
  summary: string | null;
  deaths: number;
  serious_injuries: number;
  direct_loss: number;
  grade: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccidentVersionTable {
  accident_id: string;
  version: number;
  deaths: number;
  serious_injuries: number;
  direct_loss: number;
  grade: string;
  /** 1 when the change came after the 493 第十三条 window */
  late: number;
  note: string | null;
  changed_by: string | null;
  changed_at: string;
}

/** When one level received an accident's report (国务院令第493号第九条、第十条). */
export interface AccidentReportTable {
  accident_id: string;
  /** county | city | province | stateCouncil */
  level: string;
  /** ISO-8601 UTC instant */
  reported_at: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface VetoDecisionTable {
  campaign_id: string;
  unit_id: string;
  rule_id: string;
  /** confirmed | rejected */
  decision: string;
  reason: string;
  decided_by: string | null;
  decided_at: string;
}

export interface MetricValueTable {
  campaign_id: string;
  unit_id: string;
  name: string;
  value_json: string;
}

export interface ObjectionTable {
  id: string;
  campaign_id: string;
  unit_id: string;
  content: string;
  filed_by: string | null;
  filed_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  /** 'upheld' | 'dismissed'; null when unanswered or answered before decisions were recorded */
  decision: string | null;
  /** when the results were returned for re-scoring after the objection was upheld */
  revised_at: string | null;
}

export interface ResultVersionTable {
  campaign_id: string;
  version: number;
  reason: string | null;
  case_json: string;
  table_json: string;
  created_by: string | null;
  created_at: string;
}

export interface ResultTraceTable {
  campaign_id: string;
  version: number;
  unit_id: string;
  trace_json: string;
}

export interface MonthlyReportTable {
  campaign_id: string;
  unit_id: string;
  /** 1–12 of the campaign's year */
  month: number;
  figures_json: string;
  /** the day (China time) of the first submission, which decides on time or late */
  submitted_on: string;
  submitted_by: string | null;
  updated_at: string;
}

/** The rule a month of the campaign's year kept when the rule changed after it had ended (migration 20261207T090000). */
export interface MonthlyReportGraceTable {
  campaign_id: string;
  /** 1–12 of the campaign's year */
  month: number;
  grace_days: number;
  fixed_at: string;
}

export interface AssessmentResponseTable {
  campaign_id: string;
  unit_id: string;
  /** confirmed | disagreed */
  response: string;
  comment: string | null;
  responded_by: string | null;
  responded_at: string;
}

export interface WorkflowTables {
  campaign: CampaignTable;
  campaign_scheme: CampaignSchemeTable;
  campaign_unit: CampaignUnitTable;
  item_score: ItemScoreTable;
  self_assessment: SelfAssessmentTable;
  adjustment_event: AdjustmentEventTable;
  accident: AccidentTable;
  accident_version: AccidentVersionTable;
  accident_report: AccidentReportTable;
  veto_decision: VetoDecisionTable;
  metric_value: MetricValueTable;
  objection: ObjectionTable;
  result_version: ResultVersionTable;
  result_trace: ResultTraceTable;
  monthly_report: MonthlyReportTable;
  monthly_report_grace: MonthlyReportGraceTable;
  assessment_response: AssessmentResponseTable;
}
