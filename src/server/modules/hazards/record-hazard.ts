import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { createHazardCard } from '../../../domain/ledgers/hazard/transition-hazard';
import type { HazardCreate } from '../../../shared/schemas/hazard';
import { forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { canOnEnterprise } from '../enterprises/presenter';
import { findEnterprise } from '../enterprises/repository';
import { checkPhotos } from './check-photos';
import { hazardActorOf, refusalError } from './hazard-actor';
import { canOnHazard, toHazardView } from './presenter';
import { cardColumns, findHazard, insertHazard, insertHazardEvent, insertHazardPhotos } from './repository';

/**
 * Records a hazard as found (一隐患一卡, the card's first state). The card takes its town,
 * department and sector from the enterprise's file; the domain checks role, scope and data.
 */
export async function recordHazard(db: Kysely<DB>, actor: Actor, input: HazardCreate, now: Date) {
  return db.transaction().execute((trx) => recordHazardIn(trx, actor, input, now));
}

/**
 * The same inside a caller's transaction, for records that become cards with their own change
 * (a verified tip, an inspection finding): both commit together or neither does.
 */
export async function recordHazardIn(trx: Kysely<DB>, actor: Actor, input: HazardCreate, now: Date) {
  const enterprise = await findEnterprise(trx, input.enterpriseId);
  if (!enterprise || !canOnEnterprise(actor, 'enterprise.read', enterprise)) throw notFound('生产经营单位');
  if (!canOnHazard(actor, 'hazard.manage', enterprise)) throw forbidden();
  await checkPhotos(trx, actor, 'photosBefore', input.photosBefore);
  const id = randomUUID();
  const who = await hazardActorOf(trx, actor, 'create', enterprise.id);
  const result = createHazardCard({
    id, enterpriseId: enterprise.id, territorialUnitId: enterprise.territorial_unit_id, regulatingUnitId: enterprise.regulating_unit_id,
    sector: enterprise.sector, foundOn: input.foundOn, foundWay: input.foundWay, foundBy: input.foundBy, place: input.place,
    description: input.description, photosBefore: input.photosBefore, enforcementDocumentNumbers: input.enforcementDocumentNumbers,
  }, who, now);
  if (!result.ok) throw refusalError(result);
  const at = now.toISOString();
  const card = result.card;
  await insertHazard(trx, {
    id, organisation_id: enterprise.organisation_id, enterprise_id: enterprise.id, territorial_unit_id: card.territorialUnitId,
    regulating_unit_id: card.regulatingUnitId, sector: card.sector, found_on: card.foundOn, found_way: card.foundWay,
    description: card.description, ...cardColumns(card), created_by: actor.accountId, created_at: at, updated_at: at,
  });
  await insertHazardEvent(trx, result.event, actor.accountId);
  await insertHazardPhotos(trx, id, card.photosBefore, 'before', at);
  const view = toHazardView((await findHazard(trx, id))!, now);
  await appendAudit(trx, {
    actorId: actor.accountId, action: 'hazard.create', entityType: 'hazard', entityId: id,
    organisationPath: enterprise.organisation_path, unitId: card.territorialUnitId, before: null, after: card,
  }, now);
  return view;
}
