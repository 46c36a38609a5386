import type { Kysely } from 'kysely';
import type { MetricName, MetricUnit } from '../../../domain/ledgers/metrics/compute-metrics';
import type { DB } from '../../db/schema';
import { campaignPeriod, computeStoredLedgerMetrics, STORED_LEDGER_METRICS } from './compute-ledger-metrics';

interface RawScheme {
  metrics?: Record<string, unknown>;
  categories?: { id?: unknown; responsibility?: unknown }[];
}

/**
 * Fills the case's metric values from the ledgers for every metric the scheme declares under a
 * ledger metric's name (e.g. `hazardOnTimeClosureRate`), per assessed unit over the campaign's
 * year, with the hazard cards as sources and the computation as detail (both shown in the
 * unit's trace). A value the office typed for a unit and metric wins: it is an explicit,
 * audited decision (e.g. for a year whose cards were kept outside the system), so the ledger
 * only fills what was not typed. A unit counts as territorial or sectoral by its scheme
 * category's responsibility (records of its area, or of the department it regulates).
 */
export async function feedLedgerMetrics(
  db: Kysely<DB>,
  year: number,
  scheme: unknown,
  units: readonly { unit_id: string; unit_json: string }[],
  metricMap: Record<string, Record<string, unknown>>,
  now?: Date,
): Promise<void> {
  const raw = (scheme ?? {}) as RawScheme;
  const wanted = STORED_LEDGER_METRICS.filter((m) => raw.metrics && m in raw.metrics);
  if (wanted.length === 0 || units.length === 0) return;
  const sectoral = new Set((raw.categories ?? []).filter((c) => c.responsibility === 'sectoral').map((c) => String(c.id)));
  const metricUnits: MetricUnit[] = units.map((u) => {
    const category = (JSON.parse(u.unit_json) as { category?: string }).category ?? '';
    return { id: u.unit_id, kind: sectoral.has(category) ? 'sectoral' : 'territorial' };
  });
  const computed = await computeStoredLedgerMetrics(db, metricUnits, campaignPeriod(year, now));
  for (const unit of metricUnits) {
    const values = computed[unit.id]!;
    const typed = (metricMap[unit.id] ??= {});
    for (const name of wanted as MetricName[]) {
      if (name in typed) continue;
      const v = values[name];
      typed[name] = { value: v.value, sources: v.sources, detail: `台账自动计算：${v.detail}` };
    }
  }
}
