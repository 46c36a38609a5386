import type { Kysely } from 'kysely';

// Excel imports run as jobs whose state lives in the database, so the instance that reads
// the workbook and the one that answers "how far along is it" need not be the same.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_job')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaign.id'))
    .addColumn('organisation_path', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer')
    .addColumn('percent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('issues_json', 'text')
    .addColumn('summary_json', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_job_campaign_idx').on('import_job').columns(['campaign_id', 'created_at']).execute();
}
