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

/**
 * The records that attach a file and decide who else may read it: the hazard cards that show
 * it as a photo and the enterprises whose report it is (一企一档), each with the two units
 * (town and department) that share the record.
 */
export async function listFileAttachments(db: Kysely<DB>, fileId: string) {
  const hazards = db.selectFrom('hazard_photo')
    .innerJoin('hazard', 'hazard.id', 'hazard_photo.hazard_id')
    .innerJoin('organisation', 'organisation.id', 'hazard.organisation_id')
    .select(['organisation.path as organisation_path', 'hazard.territorial_unit_id', 'hazard.regulating_unit_id'])
    .where('hazard_photo.file_id', '=', fileId);
  const reports = db.selectFrom('inspection_report')
    .innerJoin('enterprise', 'enterprise.id', 'inspection_report.enterprise_id')
    .innerJoin('organisation', 'organisation.id', 'enterprise.organisation_id')
    .select(['organisation.path as organisation_path', 'enterprise.territorial_unit_id', 'enterprise.regulating_unit_id'])
    .where('inspection_report.file_id', '=', fileId);
  return { hazards: await hazards.execute(), reports: await reports.execute() };
}
