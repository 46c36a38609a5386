import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { canOnTip, toTipView } from './presenter';
import { findTip } from './repository';

/** One tip, with its deadlines and reply status at `now`; the reporter only for the office. */
export async function getTip(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await findTip(db, id);
  if (!row || !canOnTip(actor, 'tip.read', row)) throw notFound('举报');
  return toTipView(row, actor, now);
}
