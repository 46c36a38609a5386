import type { Generated } from 'kysely';

/**
 * 培训覆盖 and 专项行动 (docs/ledgers.md §7). Days are China-time days (YYYY-MM-DD), instants
 * ISO-8601 UTC. Roles are the domain's TrainingRole (principal, safetyManager, specialOperation).
 */
export interface TrainingPersonTable {
  id: string;
  /** The enterprise; its town and regulating department decide whose coverage the person counts for. */
  enterprise_id: string;
  name: string;
  role: string;
  /** 特种作业类别 for a special-operation worker. */
  operation_type: string | null;
  /** Last digits of the ID card or another identifier telling two people of one name apart. */
  identifier: string | null;
  /** 0 once the person has left the post: no longer counted. */
  active: number;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingSessionTable {
  id: string;
  organisation_id: string;
  /** The unit that held it; NULL for one held by the office for the whole organisation. */
  unit_id: string | null;
  title: string;
  held_on: string;
  organiser: string;
  /** 学时 */
  hours: number;
  /** JSON array of the TrainingRoles the session trained. */
  roles_json: string;
  created_by: string | null;
  created_at: string;
}

export interface CertificateTable {
  id: string;
  person_id: string;
  role: string;
  operation_type: string | null;
  number: string;
  issued_on: string;
  valid_until: string;
  session_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface SpecialCampaignTable {
  id: string;
  organisation_id: string;
  name: string;
  /** safetyMonth (安全生产月) | sixStrikes (六打六治) | winterHazard (冬季隐患排查) | other */
  kind: string;
  /** First phase's start and last phase's end. */
  starts_on: string;
  ends_on: string;
  /** The domain's CampaignPhase[]. */
  phases_json: string;
  /** The domain's CampaignTask[]. */
  tasks_json: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The units with at least one task in a campaign (copied from tasks_json on every change). */
export interface SpecialCampaignUnitTable {
  campaign_id: string;
  unit_id: string;
}

export interface CampaignProgressReportTable {
  id: string;
  campaign_id: string;
  unit_id: string;
  task_id: string;
  reported_on: string;
  /** 1 when the report marks the task done (the domain's ProgressReport.completed). */
  completed: number;
  summary: string | null;
  note: string | null;
  /** 1 for a completing report dated after the task's due day. */
  late: number;
  reported_by: string | null;
  created_at: string;
}

export interface TrainingTables {
  training_person: TrainingPersonTable;
  training_session: TrainingSessionTable;
  certificate: CertificateTable;
  special_campaign: SpecialCampaignTable;
  special_campaign_unit: SpecialCampaignUnitTable;
  campaign_progress_report: CampaignProgressReportTable;
}
