import type { Kysely } from 'kysely';

// 安全生产目标管理责任书: one per assessed unit of a campaign, with its targets, control
// indicators (the domain's ControlIndicator, as JSON), key tasks, signatories, signing
// date and the scanned signed copy; state per domain/workflow/agreement-state.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agreement')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('targets_json', 'text', (c) => c.notNull())
    .addColumn('control_indicators_json', 'text', (c) => c.notNull())
    .addColumn('key_tasks_json', 'text', (c) => c.notNull())
    .addColumn('unit_principal', 'text')
    .addColumn('unit_deputy', 'text')
    .addColumn('government_signatory', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('scanned_file_id', 'text', (c) => c.references('stored_file.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_pk', ['campaign_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('agreement_campaign_state_idx').on('agreement').columns(['campaign_id', 'state']).execute();
}
