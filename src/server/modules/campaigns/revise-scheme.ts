import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { campaignStateLabels, schemeRevisable, type CampaignState } from '../../../domain/workflow/campaign-state';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { validateCase } from '../results/load-case';
import { staleCampaign } from './change-campaign-state';
import { toCampaignView } from './presenter';
import { findCampaign, findScheme, insertScheme, listCampaignUnits, setSchemeVersionIf } from './repository';

type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

/**
 * Loads the campaign for a scheme revision inside `trx`: 404 outside the reader's scope, 403
 * without campaign.manage, 409 once self-assessment has opened (schemeRevisable) or when the
 * scheme changed since `version` was read.
 */
export async function campaignForRevision(trx: Kysely<DB>, actor: Actor, campaignId: string, version?: number): Promise<CampaignRow> {
  const row = await findCampaign(trx, campaignId);
  if (!row || !can(actor, 'campaign.read', { organisationPath: row.organisation_path })) throw notFound('考核活动');
  if (!can(actor, 'campaign.manage', { organisationPath: row.organisation_path })) throw forbidden();
  if (!schemeRevisable(row.state)) {
    throw new AppError('conflict', `考核方案只能在单位自评开始前修改，该考核活动已处于“${campaignStateLabels[row.state as CampaignState] ?? row.state}”阶段。`);
  }
  if (version !== undefined && version !== row.scheme_version) throw staleCampaign();
  return row;
}

export async function currentScheme(trx: Kysely<DB>, row: CampaignRow): Promise<Record<string, unknown>> {
  return (await findScheme(trx, row.id, row.scheme_version)) as Record<string, unknown>;
}

/**
 * Stores a revised scheme as the campaign's next version, checked by the rules engine against
 * the campaign's units as a new campaign's is (points adding up, references, bands …); its year
 * is the campaign's. Earlier versions stay, each with who made it, when and why.
 */
export async function storeSchemeRevision(trx: Kysely<DB>, actor: Actor, row: CampaignRow, scheme: unknown, note: string | null, action: string, now: Date) {
  const units = (await listCampaignUnits(trx, row.id)).map((u) => ({ id: u.unit_id, name: u.name, ...(JSON.parse(u.unit_json) as Record<string, unknown>) }));
  const parsed = validateCase({ scheme, units: { units } });
  if (parsed.scheme.campaign.year !== row.year) {
    throw new AppError('validation_failed', `考核方案的年度（${parsed.scheme.campaign.year}）与考核活动的年度（${row.year}）不一致。`);
  }
  const version = row.scheme_version + 1;
  const at = now.toISOString();
  await insertScheme(trx, { campaignId: row.id, version, scheme, note, createdBy: actor.accountId, at });
  if (!(await setSchemeVersionIf(trx, row.id, row.scheme_version, version, parsed.scheme.campaign.name, at))) throw staleCampaign();
  await appendAudit(trx, {
    actorId: actor.accountId, action, entityType: 'campaign', entityId: row.id, organisationPath: row.organisation_path, unitId: null,
    before: { schemeVersion: row.scheme_version }, after: { schemeVersion: version, note },
  }, now);
  return toCampaignView((await findCampaign(trx, row.id))!);
}

/** 修改考核方案: a whole new scheme (file text or object) against the version it was read at. */
export async function reviseScheme(db: Kysely<DB>, actor: Actor, campaignId: string, input: { version: number; scheme: unknown; note?: string | undefined }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignForRevision(trx, actor, campaignId, input.version);
    return storeSchemeRevision(trx, actor, row, input.scheme, input.note ?? null, 'campaign.reviseScheme', now);
  });
}
