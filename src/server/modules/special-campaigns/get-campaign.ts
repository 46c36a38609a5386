import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignOf, canReadCampaign, toCampaignDetail } from './presenter';
import { findSpecialCampaign, listProgressReports, unitNames } from './repository';

/** One campaign with its progress at `now`; a unit sees its own tasks and reports; 404 for a unit without tasks. */
export async function getSpecialCampaign(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await findSpecialCampaign(db, id);
  if (!row || !canReadCampaign(actor, row)) throw notFound('专项行动');
  const [reports, names] = await Promise.all([listProgressReports(db, id), unitNames(db, campaignOf(row).tasks.map((t) => t.unitId))]);
  return toCampaignDetail(row, reports, names, actor, now);
}
