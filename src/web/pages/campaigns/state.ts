import type { CampaignState } from '../../../domain/workflow/campaign-state';

export const stateColours: Record<CampaignState, string> = {
  preparation: 'default',
  signing: 'cyan',
  inProgress: 'blue',
  selfAssessment: 'geekblue',
  assessment: 'purple',
  officeReview: 'orange',
  committeeApproval: 'gold',
  publicity: 'volcano',
  published: 'green',
};
