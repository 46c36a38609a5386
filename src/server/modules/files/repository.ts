import type { Kysely } from 'kysely';
import type { DB, StoredFileTable } from '../../db/schema';

const columns = [
  'stored_file.id', 'stored_file.unit_id', 'stored_file.sha256', 'stored_file.size', 'stored_file.media_type',
  'stored_file.original_name', 'stored_file.uploaded_by', 'stored_file.created_at',
] as const;

export async function insertStoredFile(db: Kysely<DB>, row: StoredFileTable): Promise<void> {
  await db.insertInto('stored_file').values(row).execute();
}

export async function findStoredFile(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('stored_file')
    .innerJoin('unit', 'unit.id', 'stored_file.unit_id')
    .innerJoin('organisation', 'organisation.id', 'unit.organisation_id')
    .select([...columns, 'organisation.path as organisation_path'])
    .where('stored_file.id', '=', id)
    .executeTakeFirst();
}

export async function listUnitFiles(db: Kysely<DB>, unitId: string, page: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  const base = db.selectFrom('stored_file').where('stored_file.unit_id', '=', unitId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(columns)
    .orderBy('stored_file.created_at', page.order)
    .orderBy('stored_file.id', page.order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total) };
}
