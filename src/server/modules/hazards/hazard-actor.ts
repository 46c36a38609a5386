import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { HazardAction, HazardActor } from '../../../domain/ledgers/hazard/hazard-card';
import type { Refusal } from '../../../domain/ledgers/shared/result';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { findLedgerUnit } from '../enterprises/repository';

/** Steps the enterprise itself takes (第16号令 第四条、第十五条: it rectifies and applies). */
const enterpriseSteps: ReadonlySet<HazardAction> = new Set(['startRectification', 'applyForAcceptance']);

/**
 * The role an account acts in on a card (docs/ledgers.md §3): the committee office's
 * administrators act as 安委办; a territorial unit's liaison as the town's safety officer; a
 * department's liaison as its inspector. Enterprises hold no accounts: their steps (starting
 * rectification with its plan, applying for acceptance) are recorded on the enterprise's behalf
 * by an officer who may manage the card, and are checked as the enterprise's.
 */
export async function hazardActorOf(db: Kysely<DB>, actor: Actor, action: HazardAction, enterpriseId: string): Promise<HazardActor> {
  if (enterpriseSteps.has(action)) return { id: actor.accountId, role: 'enterprise', enterpriseId };
  if (actor.role === 'unitLiaison' && actor.unitId) {
    const unit = await findLedgerUnit(db, actor.unitId);
    return { id: actor.accountId, role: unit?.category === 'territorial' ? 'townOfficer' : 'inspector', unitId: actor.unitId };
  }
  return { id: actor.accountId, role: 'committeeOffice' };
}

/** A domain refusal as the server's error: role and scope 403, order 409, data 400. */
export function refusalError(r: Refusal): AppError {
  if (r.code === 'hazard.wrongRole' || r.code === 'hazard.outOfScope') return new AppError('forbidden', r.messageZh);
  if (r.code === 'hazard.wrongOrder' || r.code === 'hazard.timeOrder') return new AppError('conflict', r.messageZh);
  return new AppError('validation_failed', r.messageZh);
}
