import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { AppError, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignResource, campaignUnitResource } from '../campaigns/presenter';
import { findCampaign, type CampaignRow } from '../campaigns/repository';
import { findAgreement, type AgreementRow } from './repository';

/** The campaign, visible to the actor, or 404. */
export async function visibleCampaign(db: Kysely<DB>, actor: Actor, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  return row;
}

/**
 * The campaign and one unit's agreement, both visible to the actor (a liaison only its own
 * unit's, an assessor its assigned units', the office and leaders their subtree), or 404.
 */
export async function agreementFor(db: Kysely<DB>, actor: Actor, id: string, unitId: string): Promise<{ campaign: CampaignRow; row: AgreementRow }> {
  const campaign = await visibleCampaign(db, actor, id);
  const row = can(actor, 'unit.read', campaignUnitResource(campaign, unitId)) ? await findAgreement(db, id, unitId) : undefined;
  if (!row) throw notFound('责任书');
  return { campaign, row };
}

/** Agreements are kept until the campaign's results are published; after that they are a record. */
export function assertAgreementsOpen(campaign: CampaignRow): void {
  if (campaign.state === 'published') throw new AppError('conflict', '考核活动已发布，责任书不能再修改。');
}

export const staleAgreement = () => new AppError('stale_version', '该责任书已被他人修改，请刷新后重试。');
