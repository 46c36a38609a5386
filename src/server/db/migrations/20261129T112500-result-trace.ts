import type { Kysely } from 'kysely';

// Each unit's trace (得分反查) frozen with a published result version, so reading one is a
// single-row lookup however large the campaign (issue 4 speed target: reads under 100 ms).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('result_trace')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('trace_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_trace_pk', ['campaign_id', 'version', 'unit_id'])
    .execute();
}
