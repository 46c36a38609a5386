import type { Kysely } from 'kysely';

// 执法措施 (docs/ledgers.md §4): one row per measure with the domain's record of it as JSON (its
// steps are the law's procedure) and the columns the register filters on, copied from it; one row
// per recorded step, in order. The register lists by enterprise, by unit (the enterprise's town or
// regulating department) and by the next deadline, so the overdue ones are one range scan.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enforcement_measure')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('territorial_unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('regulating_unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('emergency', 'integer', (c) => c.notNull())
    .addColumn('hazard_id', 'text', (c) => c.references('hazard.id'))
    .addColumn('decision_number', 'text')
    .addColumn('started_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('last_step', 'text')
    .addColumn('next_due_at', 'text')
    .addColumn('measure_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enforcement_measure_enterprise_idx').on('enforcement_measure').columns(['enterprise_id', 'created_at']).execute();
  await db.schema.createIndex('enforcement_measure_town_idx').on('enforcement_measure').columns(['territorial_unit_id', 'created_at']).execute();
  await db.schema.createIndex('enforcement_measure_department_idx').on('enforcement_measure').columns(['regulating_unit_id', 'created_at']).execute();
  await db.schema.createIndex('enforcement_measure_due_idx').on('enforcement_measure').columns(['next_due_at']).execute();
  await db.schema
    .createTable('enforcement_step')
    .addColumn('measure_id', 'text', (c) => c.notNull().references('enforcement_measure.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('account.id'))
    .addColumn('flags_json', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_step_pk', ['measure_id', 'seq'])
    .execute();
}
