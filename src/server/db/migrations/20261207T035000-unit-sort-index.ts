import type { Kysely } from 'kysely';

// The units list pages through an organisation's units in their table order (sort_order, then
// id). Without an index every page sorted all of a county's units (5,000 in bench:api) to hand
// back 20; walking this index in order stops after the page (docs/benchmarks.md, API).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('unit_sort_order_idx').on('unit').columns(['sort_order', 'id']).execute();
}
