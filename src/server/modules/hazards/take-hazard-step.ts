import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { HazardCommand } from '../../../domain/ledgers/hazard/transition-hazard';
import { transitionHazard } from '../../../domain/ledgers/hazard/transition-hazard';
import type { HazardStep } from '../../../shared/schemas/hazard';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { checkPhotos } from './check-photos';
import { hazardActorOf, refusalError } from './hazard-actor';
import { canOnHazard, cardOf, toHazardView } from './presenter';
import { findHazard, insertHazardEvent, insertHazardPhotos, numberTaken, updateHazardIfVersion } from './repository';

const stale = () => new AppError('stale_version', '该隐患已被他人办理，请刷新后重试。');

/**
 * One step of a card's life cycle (register, grade, start rectification, apply for acceptance,
 * accept, return, close). The rules are the domain's transitionHazard: the role the account acts
 * in, the card's state, time order and the step's data (a 重大隐患's plan with its six parts and
 * 五到位, the 10-day acceptance window flagged when missed). The step, the card and the audit
 * record are written in one transaction, against the card's version.
 */
export async function takeHazardStep(db: Kysely<DB>, actor: Actor, id: string, step: HazardStep, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findHazard(trx, id);
    if (!row || !canOnHazard(actor, 'hazard.read', row)) throw notFound('隐患');
    if (!canOnHazard(actor, 'hazard.manage', row)) throw forbidden();
    if (row.version !== step.version) throw stale();
    const { version, ...command } = step;
    if (command.action === 'applyForAcceptance') await checkPhotos(trx, actor, 'photosAfter', command.photosAfter);
    const before = cardOf(row);
    const who = await hazardActorOf(trx, actor, command.action, row.enterprise_id);
    const result = transitionHazard(before, command as HazardCommand, who, now);
    if (!result.ok) throw refusalError(result);
    const card = result.card;
    if (command.action === 'register' && card.number && (await numberTaken(trx, row.organisation_id, card.number, id))) {
      throw new AppError('conflict', `隐患编号“${card.number}”已被其他隐患使用。`);
    }
    const at = now.toISOString();
    if (!(await updateHazardIfVersion(trx, id, version, card, at))) throw stale();
    await insertHazardEvent(trx, result.event, actor.accountId);
    if (command.action === 'applyForAcceptance') await insertHazardPhotos(trx, id, command.photosAfter, 'after', at);
    await appendAudit(trx, {
      actorId: actor.accountId, action: `hazard.${command.action}`, entityType: 'hazard', entityId: id,
      organisationPath: row.organisation_path, unitId: row.territorial_unit_id,
      before: { state: before.state, version }, after: { ...result.event, card },
    }, now);
    return toHazardView((await findHazard(trx, id))!, now);
  });
}
