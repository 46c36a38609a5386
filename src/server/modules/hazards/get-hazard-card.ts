import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { canOnHazard, cardOf, toHazardEventViews, toHazardView } from './presenter';
import { findHazard, listHazardEvents, listHazardPhotos } from './repository';

/** 一隐患一卡: the whole card, its photos and every step with who took it and why. */
export async function getHazardCard(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await findHazard(db, id);
  if (!row || !canOnHazard(actor, 'hazard.read', row)) throw notFound('隐患');
  const [events, photos] = await Promise.all([listHazardEvents(db, id), listHazardPhotos(db, id)]);
  return {
    ...toHazardView(row, now),
    card: cardOf(row) as unknown as Record<string, unknown>,
    photosBefore: photos.filter((p) => p.kind === 'before').map((p) => p.file_id),
    photosAfter: photos.filter((p) => p.kind === 'after').map((p) => p.file_id),
    events: toHazardEventViews(events),
  };
}
