import type { Kysely } from 'kysely';

// Monthly indicator reports (月报) of a campaign's units. Only the figures a unit types are
// stored; accidents, deaths and injuries come from the accident register.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monthly_report')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.references('account.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monthly_report_pk', ['campaign_id', 'unit_id', 'month'])
    .execute();
}
