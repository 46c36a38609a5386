import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { METRIC_ZH } from '../../../domain/ledgers/metrics/compute-metrics';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignUnitResource } from '../campaigns/presenter';
import { findScheme, listCampaignUnits } from '../campaigns/repository';
import { campaignUnitFor } from '../assessments/save-item-scores';
import { campaignPeriod, computeStoredLedgerMetrics, STORED_LEDGER_METRICS } from './compute-ledger-metrics';

/**
 * A unit's ledger metrics over its campaign's year up to today, with their source cards and
 * computation: what a formula item on such a metric is fed (unless the office typed a value).
 */
export async function getLedgerMetrics(db: Kysely<DB>, actor: Actor, campaignId: string, unitId: string, now: Date) {
  const campaign = await campaignUnitFor(db, actor, campaignId, unitId);
  if (!can(actor, 'result.read', campaignUnitResource(campaign, unitId))) throw notFound('被考核单位');
  const [scheme, units] = await Promise.all([findScheme(db, campaign.id, campaign.scheme_version), listCampaignUnits(db, campaign.id)]);
  const unit = units.find((u) => u.unit_id === unitId)!;
  const raw = scheme as { categories?: { id?: unknown; responsibility?: unknown }[] };
  const category = (JSON.parse(unit.unit_json) as { category?: string }).category;
  const sectoral = (raw.categories ?? []).some((c) => c.id === category && c.responsibility === 'sectoral');
  const period = campaignPeriod(campaign.year, now);
  const computed = (await computeStoredLedgerMetrics(db, [{ id: unitId, kind: sectoral ? 'sectoral' : 'territorial' }], period))[unitId]!;
  return {
    unitId,
    ...period,
    metrics: STORED_LEDGER_METRICS.map((name) => ({ name, label: METRIC_ZH[name], ...computed[name] })),
  };
}
