import { campaignStateLabels, type CampaignState } from '../../../domain/workflow/campaign-state';
import type { CampaignView } from '../../../shared/schemas/campaign';
import type { CampaignRow } from './repository';

export function toCampaignView(row: CampaignRow): CampaignView {
  const state = row.state as CampaignState;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    year: row.year,
    period: row.period,
    state,
    stateLabel: campaignStateLabels[state],
    schemeVersion: row.scheme_version,
    agreementDue: row.agreement_due,
    selfAssessmentDue: row.self_assessment_due,
    assessmentEnds: row.assessment_ends,
    publicityDays: row.publicity_days,
    publicityEndsAt: row.publicity_ends_at,
    approvalMeeting: row.approval_meeting,
    monthlyReportGraceDays: row.monthly_report_grace_days,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** The resource `can` checks for a campaign as a whole. */
export const campaignResource = (row: CampaignRow) => ({ organisationPath: row.organisation_path });
/** The resource `can` checks for one unit's data within a campaign. */
export const campaignUnitResource = (row: CampaignRow, unitId: string) => ({ organisationPath: row.organisation_path, unitId });
