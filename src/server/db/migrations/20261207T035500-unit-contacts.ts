import { sql, type Kysely } from 'kysely';

// A unit's people as the office keeps them in its registry (单位与组织): the 主要负责人 and
// 分管负责人 who sign its agreement (责任书) each year, and the contact (联系人) the office calls.
// One JSON object: the three are read and written together with the unit, never queried by.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('unit').addColumn('contacts_json', 'text', (c) => c.notNull().defaultTo(sql`'{}'`)).execute();
}
