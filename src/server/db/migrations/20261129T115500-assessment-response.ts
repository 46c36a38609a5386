import type { Kysely } from 'kysely';

// The assessed unit's response to the team's scores (issue 4 item 6): confirmed, or a
// disagreement with its reasons, recorded for the office's review.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_response')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('responded_by', 'text', (c) => c.references('account.id'))
    .addColumn('responded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_response_pk', ['campaign_id', 'unit_id'])
    .execute();
}
