import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export type ScoreKind = 'self' | 'team';

export async function listUnitScores(db: Kysely<DB>, campaignId: string, unitId: string) {
  return db.selectFrom('item_score').select(['kind', 'criterion_id', 'input_json', 'scored_by', 'updated_at'])
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId)
    .orderBy('criterion_id', 'asc').execute();
}

/** Writes each criterion's input, replacing an earlier one of the same kind. */
export async function upsertItemScores(
  db: Kysely<DB>,
  key: { campaignId: string; unitId: string; kind: ScoreKind },
  items: Record<string, unknown>,
  by: string,
  at: string,
): Promise<void> {
  for (const [criterionId, input] of Object.entries(items)) {
    await db.insertInto('item_score')
      .values({
        campaign_id: key.campaignId, unit_id: key.unitId, kind: key.kind, criterion_id: criterionId,
        input_json: JSON.stringify(input), scored_by: by, updated_at: at,
      })
      .onConflict((oc) => oc.columns(['campaign_id', 'unit_id', 'kind', 'criterion_id'])
        .doUpdateSet({ input_json: JSON.stringify(input), scored_by: by, updated_at: at }))
      .execute();
  }
}

export async function findSelfAssessment(db: Kysely<DB>, campaignId: string, unitId: string) {
  return db.selectFrom('self_assessment').select(['state', 'submitted_at', 'return_reason', 'returned_at', 'updated_at'])
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).executeTakeFirst();
}

export async function saveSelfAssessmentState(
  db: Kysely<DB>,
  key: { campaignId: string; unitId: string },
  state: string,
  submittedAt: string | null,
  at: string,
  /** on a return: its reason (stored with the time); otherwise the last return's is kept */
  returnReason?: string,
): Promise<void> {
  const returned = returnReason === undefined ? {} : { return_reason: returnReason, returned_at: at };
  await db.insertInto('self_assessment')
    .values({ campaign_id: key.campaignId, unit_id: key.unitId, state, submitted_at: submittedAt, updated_at: at, ...returned })
    .onConflict((oc) => oc.columns(['campaign_id', 'unit_id']).doUpdateSet({ state, submitted_at: submittedAt, updated_at: at, ...returned }))
    .execute();
}

/** Many criterion inputs at once (an import, a generated data set), in multi-row statements. */
export async function insertItemScores(
  db: Kysely<DB>,
  rows: readonly { campaignId: string; unitId: string; kind: ScoreKind; criterionId: string; input: unknown; by: string | null; at: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insertInto('item_score').values(rows.slice(i, i + 1000).map((r) => ({
      campaign_id: r.campaignId, unit_id: r.unitId, kind: r.kind, criterion_id: r.criterionId,
      input_json: JSON.stringify(r.input), scored_by: r.by, updated_at: r.at,
    }))).execute();
  }
}

export async function findAssessmentResponse(db: Kysely<DB>, campaignId: string, unitId: string) {
  return db.selectFrom('assessment_response').select(['response', 'comment', 'responded_at'])
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).executeTakeFirst();
}

export async function saveAssessmentResponse(
  db: Kysely<DB>, row: { campaignId: string; unitId: string; response: string; comment: string | null; by: string; at: string },
): Promise<void> {
  const values = { response: row.response, comment: row.comment, responded_by: row.by, responded_at: row.at };
  await db.insertInto('assessment_response')
    .values({ campaign_id: row.campaignId, unit_id: row.unitId, ...values })
    .onConflict((oc) => oc.columns(['campaign_id', 'unit_id']).doUpdateSet(values))
    .execute();
}

export async function insertAdjustmentEvent(
  db: Kysely<DB>,
  row: { id: string; campaignId: string; unitId: string; kind: string; item: string; level: string | null; times: number; note: string | null; by: string; at: string },
): Promise<void> {
  await db.insertInto('adjustment_event').values({
    id: row.id, campaign_id: row.campaignId, unit_id: row.unitId, kind: row.kind, item_id: row.item, level: row.level,
    times: row.times, note: row.note, created_by: row.by, created_at: row.at,
  }).execute();
}

export async function upsertMetricValues(db: Kysely<DB>, campaignId: string, unitId: string, values: Record<string, number>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    await db.insertInto('metric_value')
      .values({ campaign_id: campaignId, unit_id: unitId, name, value_json: JSON.stringify(value) })
      .onConflict((oc) => oc.columns(['campaign_id', 'unit_id', 'name']).doUpdateSet({ value_json: JSON.stringify(value) }))
      .execute();
  }
}

/**
 * Evidence files attached to a unit's item scores, with the file's name, type and size: in
 * the order attached, files attached together by name (sorted here by code point, so both
 * engines agree whatever their collation).
 */
export async function listItemEvidence(db: Kysely<DB>, campaignId: string, unitId: string) {
  const rows = await db.selectFrom('item_evidence').innerJoin('stored_file', 'stored_file.id', 'item_evidence.file_id')
    .select(['item_evidence.kind', 'item_evidence.criterion_id', 'item_evidence.file_id', 'item_evidence.attached_at',
      'stored_file.original_name', 'stored_file.media_type', 'stored_file.size'])
    .where('item_evidence.campaign_id', '=', campaignId).where('item_evidence.unit_id', '=', unitId)
    .execute();
  const key = (r: (typeof rows)[number]) => [r.attached_at, r.original_name, r.file_id].join('\u0000');
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function insertItemEvidence(
  db: Kysely<DB>, key: { campaignId: string; unitId: string; kind: ScoreKind; criterionId: string }, fileIds: readonly string[], by: string, at: string,
): Promise<void> {
  for (const fileId of fileIds) {
    await db.insertInto('item_evidence').values({
      campaign_id: key.campaignId, unit_id: key.unitId, kind: key.kind, criterion_id: key.criterionId, file_id: fileId, attached_by: by, attached_at: at,
    }).onConflict((oc) => oc.columns(['campaign_id', 'unit_id', 'kind', 'criterion_id', 'file_id']).doNothing()).execute();
  }
}

export async function deleteItemEvidence(
  db: Kysely<DB>, key: { campaignId: string; unitId: string; kind: ScoreKind; criterionId: string }, fileId: string,
): Promise<boolean> {
  const result = await db.deleteFrom('item_evidence')
    .where('campaign_id', '=', key.campaignId).where('unit_id', '=', key.unitId).where('kind', '=', key.kind)
    .where('criterion_id', '=', key.criterionId).where('file_id', '=', fileId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
