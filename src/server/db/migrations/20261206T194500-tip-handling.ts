import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// 举报 handling (docs/ledgers.md §6): the extension's reason, who answered, the reward decision with
// its rule, and the handling and reply due days copied out of the domain's tipDeadlines so the
// register filters overdue replies in SQL. SQLite adds one column per statement.
const columns: readonly [string, 'text' | 'integer'][] = [
  ['handling_due_on', 'text'],
  ['reply_due_on', 'text'],
  ['extension_reason', 'text'],
  ['extension_approved_on', 'text'],
  ['replied_by', 'text'],
  ['reward_regime', 'text'],
  ['reward_eligible', 'integer'],
  ['reward_detail', 'text'],
  ['reward_decided_on', 'text'],
  ['reward_decided_by', 'text'],
];

const DAY = 86_400_000;
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type] of columns) await db.schema.alterTable('tip').addColumn(name, type).execute();
  // Existing tips: 60 days (+30 when extended) from receipt, or 10 days after verification when
  // earlier — the rule of 安监总财〔2012〕63号 as it stood when they were received.
  const rows = await sql<{ id: string; received_on: string; extension_approved: number; verified_on: string | null }>`
    select id, received_on, extension_approved, verified_on from tip`.execute(db);
  for (const row of rows.rows) {
    const handling = plusDays(row.received_on, 60 + (row.extension_approved === 1 ? 30 : 0));
    const afterVerification = row.verified_on === null ? null : plusDays(row.verified_on, 10);
    const reply = afterVerification !== null && afterVerification < handling ? afterVerification : handling;
    await sql`update tip set handling_due_on = ${handling}, reply_due_on = ${reply} where id = ${row.id}`.execute(db);
  }
  await db.schema.createIndex('tip_reply_due_idx').on('tip').columns(['reply_due_on']).execute();
}
