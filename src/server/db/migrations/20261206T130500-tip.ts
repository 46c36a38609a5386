import type { Kysely } from 'kysely';

// 举报 (docs/ledgers.md §6): tips with their intake, assignment, verification, reply and reward.
// The register filters by assigned unit, channel and received day; each filter has an index
// followed by received_on, the default sort.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tip')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_contact', 'text')
    .addColumn('reporter_reachable', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprise.id'))
    .addColumn('place', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('assigned_unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('assigned_on', 'text')
    .addColumn('extension_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified', 'integer')
    .addColumn('verified_on', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('findings', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('reply', 'text')
    .addColumn('fine_yuan', 'integer')
    .addColumn('accident_grade', 'text')
    .addColumn('concealed_deaths', 'integer')
    .addColumn('first_valid_reporter', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('reward_yuan', 'integer')
    .addColumn('hazard_id', 'text', (c) => c.references('hazard.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tip_organisation_received_idx').on('tip').columns(['organisation_id', 'received_on']).execute();
  await db.schema.createIndex('tip_assigned_received_idx').on('tip').columns(['assigned_unit_id', 'received_on']).execute();
  await db.schema.createIndex('tip_channel_received_idx').on('tip').columns(['channel', 'received_on']).execute();
  await db.schema.createIndex('tip_enterprise_received_idx').on('tip').columns(['enterprise_id', 'received_on']).execute();
}
