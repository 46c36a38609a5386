import type { Kysely } from 'kysely';

// 退回原因: the office's reason for returning a submitted self-assessment, shown to the unit.
// Kept after resubmission as the last return's reason (the audit trail holds every one).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('self_assessment').addColumn('return_reason', 'text').execute();
  await db.schema.alterTable('self_assessment').addColumn('returned_at', 'text').execute();
}
