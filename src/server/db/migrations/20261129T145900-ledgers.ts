import type { Kysely } from 'kysely';

// Supervision ledgers (issue 7): enterprises (一企一档) and hazard cards (一隐患一卡) with their
// step history and photos. The ledger filters by town, department, sector, grade, state and
// found date over up to millions of cards: each filter has an index led by its column and
// followed by found_on, the default sort, so a filtered page is an index range scan.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enterprise')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('legal_representative', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('territorial_unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('regulating_unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('standardisation_level', 'text')
    .addColumn('licences_json', 'text', (c) => c.notNull())
    .addColumn('safety_staff_json', 'text', (c) => c.notNull())
    .addColumn('major_hazard_sources_json', 'text', (c) => c.notNull())
    .addColumn('emergency_plans_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprise_credit_code_idx').unique().on('enterprise').column('credit_code').execute();
  await db.schema.createIndex('enterprise_organisation_idx').on('enterprise').columns(['organisation_id', 'name']).execute();
  await db.schema.createIndex('enterprise_territorial_idx').on('enterprise').columns(['territorial_unit_id', 'name']).execute();
  await db.schema.createIndex('enterprise_regulating_idx').on('enterprise').columns(['regulating_unit_id', 'name']).execute();
  await db.schema.createIndex('enterprise_sector_idx').on('enterprise').columns(['sector', 'name']).execute();

  await db.schema
    .createTable('hazard')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('number', 'text')
    .addColumn('territorial_unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('regulating_unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('found_way', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('rectification_deadline', 'text')
    .addColumn('acceptance_applied_on', 'text')
    .addColumn('acceptance_due_on', 'text')
    .addColumn('accepted_on', 'text')
    .addColumn('late_acceptance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_on', 'text')
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('card_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A registered number is unique within the organisation (NULL until registration).
  await db.schema.createIndex('hazard_number_idx').unique().on('hazard').columns(['organisation_id', 'number']).execute();
  await db.schema.createIndex('hazard_organisation_found_idx').on('hazard').columns(['organisation_id', 'found_on']).execute();
  await db.schema.createIndex('hazard_territorial_found_idx').on('hazard').columns(['territorial_unit_id', 'found_on']).execute();
  await db.schema.createIndex('hazard_regulating_found_idx').on('hazard').columns(['regulating_unit_id', 'found_on']).execute();
  await db.schema.createIndex('hazard_enterprise_found_idx').on('hazard').columns(['enterprise_id', 'found_on']).execute();
  await db.schema.createIndex('hazard_sector_found_idx').on('hazard').columns(['sector', 'found_on']).execute();
  await db.schema.createIndex('hazard_state_found_idx').on('hazard').columns(['state', 'found_on']).execute();
  await db.schema.createIndex('hazard_grade_found_idx').on('hazard').columns(['grade', 'found_on']).execute();
  // Overdue: cards being rectified whose deadline has passed.
  await db.schema.createIndex('hazard_state_deadline_idx').on('hazard').columns(['state', 'rectification_deadline']).execute();

  await db.schema
    .createTable('hazard_event')
    .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazard.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('account.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('flags_json', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hazard_event_pk', ['hazard_id', 'seq'])
    .execute();

  await db.schema
    .createTable('hazard_photo')
    .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazard.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_file.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hazard_photo_pk', ['hazard_id', 'file_id'])
    .execute();
  await db.schema.createIndex('hazard_photo_file_idx').on('hazard_photo').column('file_id').execute();
}
