import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { whatIf, type WhatIfChange } from '../../../domain/assessment/what-if';
import { CaseValidationError } from '../../../domain/scheme/validation-error';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign } from '../campaigns/repository';
import { caseInvalid, loadCase } from './load-case';

/** States after the committee's approval (审定): the results are decided, no more trials. */
const decided = new Set(['publicity', 'published']);

/**
 * What-if (issue 4 item 9): the office tries changes on a copy of the case and sees the
 * effect on every unit and the total reward. Nothing is written.
 */
export async function runWhatIf(db: Kysely<DB>, actor: Actor, id: string, changes: WhatIfChange[], now: Date) {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  if (!can(actor, 'campaign.manage', campaignResource(row))) throw forbidden();
  if (decided.has(row.state)) throw new AppError('conflict', '考核结果已经审定，不能再做假设测算。');
  const input = await loadCase(db, row, now);
  try {
    return whatIf(input, changes);
  } catch (error) {
    if (error instanceof CaseValidationError) throw caseInvalid(error);
    throw error;
  }
}
