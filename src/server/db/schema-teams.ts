import type { Generated } from 'kysely';

/** Assessment teams, members' scores, confirmations and evidence (migration 20261129T135300-assessment-team). */
export interface AssessmentTeamTable {
  id: string;
  campaign_id: string;
  name: string;
  /** the team leader (组长), one of the members; null while the team has no members */
  leader_id: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AssessmentTeamMemberTable {
  team_id: string;
  account_id: string;
}

export interface AssessmentTeamUnitTable {
  campaign_id: string;
  unit_id: string;
  team_id: string;
}

export interface MemberItemScoreTable {
  campaign_id: string;
  unit_id: string;
  account_id: string;
  criterion_id: string;
  input_json: string;
  updated_at: string;
}

export interface TeamScoreConfirmationTable {
  campaign_id: string;
  unit_id: string;
  team_id: string;
  /** JSON: criterion id → reason the confirmed score differs from the members' mean */
  reasons_json: string;
  confirmed_by: string | null;
  confirmed_at: string;
  version: Generated<number>;
}

export interface ItemEvidenceTable {
  campaign_id: string;
  unit_id: string;
  /** self | team */
  kind: string;
  criterion_id: string;
  file_id: string;
  attached_by: string | null;
  attached_at: string;
}

export interface TeamTables {
  assessment_team: AssessmentTeamTable;
  assessment_team_member: AssessmentTeamMemberTable;
  assessment_team_unit: AssessmentTeamUnitTable;
  member_item_score: MemberItemScoreTable;
  team_score_confirmation: TeamScoreConfirmationTable;
  item_evidence: ItemEvidenceTable;
}
