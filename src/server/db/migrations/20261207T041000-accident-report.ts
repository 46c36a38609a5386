import type { Kysely } from 'kysely';

// 事故报告时限 (国务院令第493号第九条、第十条): when each level received the report of an accident.
// One row per level rather than columns on accident: each level keeps who recorded its time and
// when (a correction replaces the row; the audit log keeps the earlier time), a level a grade
// does not require simply has no row, and "which accidents lack their county report" is one
// index lookup. The accident's version is the optimistic-concurrency token for these rows too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accident_report')
    .addColumn('accident_id', 'text', (c) => c.notNull().references('accident.id'))
    // county | city | province | stateCouncil
    .addColumn('level', 'text', (c) => c.notNull())
    // ISO-8601 UTC instant
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('account.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('accident_report_pk', ['accident_id', 'level'])
    .execute();
}
