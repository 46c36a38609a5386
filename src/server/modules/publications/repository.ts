import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

const objectionColumns = ['id', 'campaign_id', 'unit_id', 'content', 'filed_by', 'filed_at', 'answer', 'answered_by', 'answered_at', 'decision', 'revised_at'] as const;

export type ObjectionRow = Awaited<ReturnType<typeof findObjection>> & {};

export async function findObjection(db: Kysely<DB>, campaignId: string, id: string) {
  return db.selectFrom('objection').select(objectionColumns).where('campaign_id', '=', campaignId).where('id', '=', id).executeTakeFirst();
}

/** Objections of a campaign; `unitIds` restricts them to those units (a liaison's own). */
export async function listObjections(db: Kysely<DB>, campaignId: string, unitIds: readonly string[] | null) {
  if (unitIds && unitIds.length === 0) return [];
  let query = db.selectFrom('objection').select(objectionColumns).where('campaign_id', '=', campaignId);
  if (unitIds) query = query.where('unit_id', 'in', unitIds);
  return query.orderBy('filed_at', 'asc').orderBy('id', 'asc').execute();
}

export async function insertObjection(
  db: Kysely<DB>, row: { id: string; campaignId: string; unitId: string; content: string; by: string; at: string },
): Promise<void> {
  await db.insertInto('objection').values({
    id: row.id, campaign_id: row.campaignId, unit_id: row.unitId, content: row.content, filed_by: row.by, filed_at: row.at,
    answer: null, answered_by: null, answered_at: null, decision: null, revised_at: null,
  }).execute();
}

/**
 * Answers an objection once with the office's decision; false when it was already answered.
 * `revisedAt` is set for an upheld objection whose re-scoring is already under way.
 */
export async function answerObjectionOnce(
  db: Kysely<DB>, id: string, answer: { text: string; decision: string; revisedAt: string | null }, by: string, at: string,
): Promise<boolean> {
  const result = await db.updateTable('objection')
    .set({ answer: answer.text, decision: answer.decision, revised_at: answer.revisedAt, answered_by: by, answered_at: at })
    .where('id', '=', id).where('answer', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Upheld objections of the campaign not yet followed by a return for re-scoring. */
export async function listUpheldAwaitingRevision(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('objection').select(objectionColumns)
    .where('campaign_id', '=', campaignId).where('decision', '=', 'upheld').where('revised_at', 'is', null)
    .orderBy('filed_at', 'asc').orderBy('id', 'asc').execute();
}

/** Marks the campaign's upheld objections as followed by the return for re-scoring at `at`. */
export async function markUpheldRevised(db: Kysely<DB>, campaignId: string, at: string): Promise<number> {
  const result = await db.updateTable('objection').set({ revised_at: at })
    .where('campaign_id', '=', campaignId).where('decision', '=', 'upheld').where('revised_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
