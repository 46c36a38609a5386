import type { Kysely } from 'kysely';

// 专家库 and 检查 (docs/ledgers.md §5): the expert pool, inspection plans and records with the
// experts drawn for them, their findings (a non-compliant one becomes a hazard card) and the
// expert or agency reports (诊断检查报告) attached to an inspection or an enterprise.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('expert')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('specialties', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('employer_enterprise_id', 'text', (c) => c.references('enterprise.id'))
    .addColumn('employer_name', 'text')
    .addColumn('former_employers_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('declared_ties_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('unavailable_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expert_organisation_name_idx').on('expert').columns(['organisation_id', 'name']).execute();

  await db.schema
    .createTable('inspection')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('territorial_unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('regulating_unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('checklist_sector', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('inspected_on', 'text')
    .addColumn('inspectors_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('document_numbers_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('draw_slots_json', 'text')
    .addColumn('drawn_experts_json', 'text')
    .addColumn('draw_recusals_json', 'text')
    .addColumn('draw_seed', 'integer')
    .addColumn('drawn_at', 'text')
    .addColumn('drawn_by', 'text', (c) => c.references('account.id'))
    .addColumn('recorded_by', 'text', (c) => c.references('account.id'))
    .addColumn('recorded_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The register filters by enterprise and by town or department, newest plan first; the metrics
  // read the recorded ones of a unit by inspection day.
  await db.schema.createIndex('inspection_enterprise_planned_idx').on('inspection').columns(['enterprise_id', 'planned_on']).execute();
  await db.schema.createIndex('inspection_territorial_inspected_idx').on('inspection').columns(['territorial_unit_id', 'inspected_on']).execute();
  await db.schema.createIndex('inspection_regulating_inspected_idx').on('inspection').columns(['regulating_unit_id', 'inspected_on']).execute();
  await db.schema.createIndex('inspection_organisation_planned_idx').on('inspection').columns(['organisation_id', 'planned_on']).execute();

  await db.schema
    .createTable('inspection_finding')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspection.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('compliant', 'integer', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('hazard_id', 'text', (c) => c.references('hazard.id'))
    .execute();
  await db.schema.createIndex('inspection_finding_inspection_idx').on('inspection_finding').columns(['inspection_id', 'seq']).unique().execute();

  await db.schema
    .createTable('inspection_report')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('inspection_id', 'text', (c) => c.references('inspection.id'))
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.references('stored_file.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_report_enterprise_idx').on('inspection_report').columns(['enterprise_id', 'reported_on']).execute();
  await db.schema.createIndex('inspection_report_inspection_idx').on('inspection_report').columns(['inspection_id']).execute();
}
