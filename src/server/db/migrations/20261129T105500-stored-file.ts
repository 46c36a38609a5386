import type { Kysely } from 'kysely';

// Uploaded files (evidence photos, scanned agreements, documents). The bytes live in the
// content-addressed store under ANKE_DATA_DIR/files; this table holds who, what and for
// which unit. Several rows may share one sha256 (the same file uploaded twice).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stored_file')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stored_file_unit_idx').on('stored_file').columns(['unit_id', 'created_at']).execute();
}
