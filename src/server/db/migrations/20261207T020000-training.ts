import type { Kysely } from 'kysely';

// 培训覆盖 and 专项行动 (docs/ledgers.md §7). A person who must hold a certificate belongs to an
// enterprise (its town and regulating department come from the enterprise, as for its cards);
// certificates belong to a person; a session is held by an organisation, optionally by one unit.
// A special campaign keeps its phases and per-unit tasks as the domain's JSON (the plan is
// validated as a whole); special_campaign_unit lists the units with tasks, so a liaison's list
// is one index scan; progress reports are rows, one per report.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('training_person')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('operation_type', 'text')
    .addColumn('identifier', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_person_enterprise_idx').on('training_person').columns(['enterprise_id', 'role']).execute();

  await db.schema
    .createTable('training_session')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('roles_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_session_org_idx').on('training_session').columns(['organisation_id', 'held_on']).execute();
  await db.schema.createIndex('training_session_unit_idx').on('training_session').columns(['unit_id', 'held_on']).execute();

  await db.schema
    .createTable('certificate')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('training_person.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('operation_type', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.references('training_session.id'))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certificate_person_idx').on('certificate').columns(['person_id', 'valid_until']).execute();

  await db.schema
    .createTable('special_campaign')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('phases_json', 'text', (c) => c.notNull())
    .addColumn('tasks_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('special_campaign_org_idx').on('special_campaign').columns(['organisation_id', 'starts_on']).execute();
  await db.schema
    .createTable('special_campaign_unit')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('special_campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addPrimaryKeyConstraint('special_campaign_unit_pk', ['campaign_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('special_campaign_unit_unit_idx').on('special_campaign_unit').columns(['unit_id', 'campaign_id']).execute();

  await db.schema
    .createTable('campaign_progress_report')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('special_campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('completed', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('note', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_progress_report_campaign_idx').on('campaign_progress_report').columns(['campaign_id', 'unit_id', 'reported_on']).execute();
}
