import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { assess } from '../../../domain/assessment/assess';
import { explainUnit, renderTrace, type TraceNode } from '../../../domain/assessment/explain';
import { toPublishedTable, type PublishedTable } from '../../../domain/assessment/published-table';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignResource, campaignUnitResource } from '../campaigns/presenter';
import { findCampaign, isCampaignUnit, type CampaignRow } from '../campaigns/repository';
import { loadCase } from './load-case';
import type { PublishedTables } from './published-tables';
import { findResultTrace, findResultVersion, findResultVersionNumber } from './repository';

async function visibleCampaign(db: Kysely<DB>, actor: Actor, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  return row;
}

/**
 * The results table. Once published, the latest published version (or the one asked for)
 * is returned as frozen; before that the rules engine computes it from the stored facts.
 */
export async function getResults(
  db: Kysely<DB>, actor: Actor, id: string, query: { version?: number | undefined; page?: number | undefined; pageSize: number },
  tables: PublishedTables, now: Date,
) {
  const row = await visibleCampaign(db, actor, id);
  // 公示: from the committee's approval on, the table is shown to everyone taking part.
  const disclosed = row.state === 'publicity' || row.state === 'published';
  if (!disclosed && !can(actor, 'result.read', campaignResource(row))) throw forbidden();
  const published = await publishedVersionNumber(db, row, query.version);
  const table = published === undefined
    ? toPublishedTable(assess(await loadCase(db, row, now)))
    : await tables.get(id, published, async () => JSON.parse((await findResultVersion(db, id, published))!.table_json) as PublishedTable);
  // One page of rows when asked for (the results page); the whole table otherwise.
  const rows = query.page === undefined ? table.rows : table.rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return { ...table, rows, totalRows: table.rows.length, version: published ?? null };
}

async function publishedVersionNumber(db: Kysely<DB>, row: CampaignRow, version: number | undefined) {
  if (version === undefined && row.state !== 'published') return undefined;
  const found = await findResultVersionNumber(db, row.id, version);
  if (found === undefined && version !== undefined) throw notFound(`第 ${version} 版考核结果`);
  return found;
}

/** One unit's trace (得分反查) down to the item, the deduction and the accident behind a veto. */
export async function getTrace(db: Kysely<DB>, actor: Actor, id: string, unitId: string, version: number | undefined, now: Date) {
  const row = await visibleCampaign(db, actor, id);
  const resource = campaignUnitResource(row, unitId);
  if (!(await isCampaignUnit(db, id, unitId)) || !(can(actor, 'unit.read', resource) || can(actor, 'result.read', resource))) {
    throw notFound('被考核单位');
  }
  if (!can(actor, 'result.read', resource)) throw forbidden();
  const published = await publishedVersionNumber(db, row, version);
  if (published !== undefined) {
    // Frozen with the version (freeze-results.ts): one row, however large the campaign.
    const stored = await findResultTrace(db, id, published, unitId);
    if (!stored) throw new AppError('not_found', '该版本的考核结果中没有这个单位。');
    const trace = JSON.parse(stored.trace_json) as TraceNode;
    return { unitId, version: published, trace, text: renderTrace(trace) };
  }
  const input = await loadCase(db, row, now);
  const result = assess(input).units.find((u) => u.unitId === unitId);
  if (!result) throw new AppError('not_found', '考核结果中没有这个单位。');
  const trace = explainUnit(input, result);
  return { unitId, version: null, trace, text: renderTrace(trace) };
}
