import type { Kysely } from 'kysely';

// The 隐患台账's overdue filter by town or by department (being rectified, deadline before today)
// and its sector + grade filter over a year: with a million cards, an index that leads with the
// unit (or sector) and the state (or grade) makes each a short range instead of a walk through
// every card being rectified or every 重大 card (docs/benchmarks.md, Ledgers).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('hazard_territorial_state_deadline_idx').on('hazard').columns(['territorial_unit_id', 'state', 'rectification_deadline']).execute();
  await db.schema.createIndex('hazard_regulating_state_deadline_idx').on('hazard').columns(['regulating_unit_id', 'state', 'rectification_deadline']).execute();
  await db.schema.createIndex('hazard_sector_grade_found_idx').on('hazard').columns(['sector', 'grade', 'found_on']).execute();
}
