import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { canOnMeasure, toEnforcementDetail } from './presenter';
import { findMeasure, listMeasureSteps } from './repository';

/** One measure with its steps, deadlines and warnings at `now`; 404 outside the reader's scope. */
export async function getMeasure(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await findMeasure(db, id);
  if (!row || !canOnMeasure(actor, 'enforcement.read', row)) throw notFound('执法措施');
  return toEnforcementDetail(row, await listMeasureSteps(db, id), now);
}
