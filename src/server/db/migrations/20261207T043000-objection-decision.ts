import type { Kysely } from 'kysely';

// 申诉成立 / 申诉不成立: the office's decision on an objection, given with its reply ('upheld' or
// 'dismissed'). Objections answered before this keep a null decision and show as 已答复.
// revised_at: when the results went back to re-scoring (退回重新评分) after the objection was
// upheld; publication waits while an upheld objection has none (domain/workflow/objection.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('objection').addColumn('decision', 'text').execute();
  await db.schema.alterTable('objection').addColumn('revised_at', 'text').execute();
}
