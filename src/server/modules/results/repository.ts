import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** The stored facts the rules engine needs for one campaign, read in a few queries. */
export async function listItemScores(db: Kysely<DB>, campaignId: string, kind: 'self' | 'team') {
  return db.selectFrom('item_score').select(['unit_id', 'criterion_id', 'input_json'])
    .where('campaign_id', '=', campaignId).where('kind', '=', kind).execute();
}

export async function listAdjustmentEvents(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('adjustment_event').select(['id', 'unit_id', 'kind', 'item_id', 'level', 'times', 'note'])
    .where('campaign_id', '=', campaignId).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

export async function listVetoDecisions(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('veto_decision').select(['unit_id', 'rule_id', 'decision', 'reason', 'decided_by', 'decided_at'])
    .where('campaign_id', '=', campaignId).execute();
}

export async function listMetricValues(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('metric_value').select(['unit_id', 'name', 'value_json']).where('campaign_id', '=', campaignId).execute();
}

/** Accidents registered by the organisation that occurred in the year. */
export async function listAccidentsOfYear(db: Kysely<DB>, organisationId: string, year: number) {
  return db.selectFrom('accident')
    .select([
      'id', 'occurred_at', 'place', 'territorial_unit_id', 'sector', 'regulating_unit_id', 'enterprise', 'liability', 'summary',
      'deaths', 'serious_injuries', 'direct_loss',
    ])
    .where('organisation_id', '=', organisationId)
    .where('occurred_at', '>=', `${year}-01-01`)
    .where('occurred_at', '<', `${year + 1}-01-01`)
    .orderBy('occurred_at', 'asc').orderBy('id', 'asc')
    .execute();
}

export async function listResultVersions(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('result_version').select(['version', 'reason', 'created_by', 'created_at'])
    .where('campaign_id', '=', campaignId).orderBy('version', 'asc').execute();
}

export async function findResultVersion(db: Kysely<DB>, campaignId: string, version?: number) {
  let query = db.selectFrom('result_version').select(['version', 'reason', 'table_json'])
    .where('campaign_id', '=', campaignId);
  query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  return query.executeTakeFirst();
}

/** The number of the latest published version (or `version`, when it exists). */
export async function findResultVersionNumber(db: Kysely<DB>, campaignId: string, version?: number): Promise<number | undefined> {
  let query = db.selectFrom('result_version').select('version').where('campaign_id', '=', campaignId);
  query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  return (await query.executeTakeFirst())?.version;
}

export async function insertResultVersion(
  db: Kysely<DB>,
  row: { campaignId: string; version: number; reason: string | null; caseJson: string; tableJson: string; createdBy: string; at: string },
): Promise<void> {
  await db.insertInto('result_version').values({
    campaign_id: row.campaignId, version: row.version, reason: row.reason, case_json: row.caseJson,
    table_json: row.tableJson, created_by: row.createdBy, created_at: row.at,
  }).execute();
}

/** `afterBatch` hears how many traces are stored after each statement (the progress of a publication). */
export async function insertResultTraces(
  db: Kysely<DB>, campaignId: string, version: number, traces: readonly { unitId: string; traceJson: string }[],
  afterBatch?: (saved: number) => Promise<void>,
): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < traces.length; i += 200) {
    const batch = traces.slice(i, i + 200);
    await db.insertInto('result_trace').values(batch.map((t) => ({
      campaign_id: campaignId, version, unit_id: t.unitId, trace_json: t.traceJson,
    }))).execute();
    await afterBatch?.(i + batch.length);
  }
}

export async function findResultTrace(db: Kysely<DB>, campaignId: string, version: number, unitId: string) {
  return db.selectFrom('result_trace').select('trace_json')
    .where('campaign_id', '=', campaignId).where('version', '=', version).where('unit_id', '=', unitId).executeTakeFirst();
}
