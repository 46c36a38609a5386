import type { Kysely } from 'kysely';

// The units list finds its page among the ids alone (units/repository.ts listUnits): the
// offset walks this index in table order and checks each unit's organisation against the
// reader's subtree without reading the unit's row, then reads only the page's 20 rows. The
// index of 20261207T035000 lacked organisation_id, so every skipped unit cost a row read
// (docs/benchmarks.md, API).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('unit_sort_order_idx').execute();
  await db.schema.createIndex('unit_sort_order_idx').on('unit').columns(['sort_order', 'id', 'organisation_id']).execute();
}
