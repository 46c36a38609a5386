import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { canOnExpert, toExpertView } from './presenter';
import { findExpert } from './repository';

/** One expert of the pool; outside the office's tree (or for any other role) 404. */
export async function getExpert(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await findExpert(db, id);
  if (!row || !canOnExpert(actor, 'expert.read', row)) throw notFound('专家');
  return toExpertView(row);
}
