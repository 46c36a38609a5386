import type { Migration } from 'kysely';
import * as initialSchema from './20261129T104000-initial-schema';
import * as storedFile from './20261129T105500-stored-file';
import * as campaign from './20261129T111500-campaign';
import * as resultTrace from './20261129T112500-result-trace';
import * as monthlyReport from './20261129T114500-monthly-report';
import * as assessmentResponse from './20261129T115500-assessment-response';
import * as agreement from './20261129T133700-agreement';
import * as accountMustChangePassword from './20261129T134200-account-must-change-password';
import * as assessmentTeam from './20261129T135300-assessment-team';
import * as importJob from './20261129T144500-import-job';
import * as ledgers from './20261129T145900-ledgers';
import * as tip from './20261206T130500-tip';
import * as selfAssessmentReturnReason from './20261206T131500-self-assessment-return-reason';
import * as tipHandling from './20261206T194500-tip-handling';
import * as inspection from './20261207T010000-inspection';
import * as enforcement from './20261207T010500-enforcement';
import * as training from './20261207T020000-training';
import * as hazardUnitOverdueIndexes from './20261207T030000-hazard-unit-overdue-indexes';
import * as unitSortIndex from './20261207T035000-unit-sort-index';
import * as unitContacts from './20261207T035500-unit-contacts';
import * as accidentReport from './20261207T041000-accident-report';
import * as objectionDecision from './20261207T043000-objection-decision';
import * as unitSortCoverIndex from './20261207T083000-unit-sort-cover-index';

/**
 * Every migration, by its timestamped name. Listed statically (not read from the
 * directory) so they load the same under tsx, vitest and a bundler.
 */
export const migrations: Record<string, Migration> = {
  '20261129T104000-initial-schema': initialSchema,
  '20261129T105500-stored-file': storedFile,
  '20261129T111500-campaign': campaign,
  '20261129T112500-result-trace': resultTrace,
  '20261129T114500-monthly-report': monthlyReport,
  '20261129T115500-assessment-response': assessmentResponse,
  '20261129T133700-agreement': agreement,
  '20261129T134200-account-must-change-password': accountMustChangePassword,
  '20261129T135300-assessment-team': assessmentTeam,
  '20261129T144500-import-job': importJob,
  '20261129T145900-ledgers': ledgers,
  '20261206T130500-tip': tip,
  '20261206T131500-self-assessment-return-reason': selfAssessmentReturnReason,
  '20261206T194500-tip-handling': tipHandling,
  '20261207T010000-inspection': inspection,
  '20261207T010500-enforcement': enforcement,
  '20261207T020000-training': training,
  '20261207T030000-hazard-unit-overdue-indexes': hazardUnitOverdueIndexes,
  '20261207T035000-unit-sort-index': unitSortIndex,
  '20261207T035500-unit-contacts': unitContacts,
  '20261207T041000-accident-report': accidentReport,
  '20261207T043000-objection-decision': objectionDecision,
  '20261207T083000-unit-sort-cover-index': unitSortCoverIndex,
};
