import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { ImportJobTable } from '../../db/schema-documents';

/** The facts a published version was computed from (frozen with it by freeze-results.ts). */
export async function findVersionCase(db: Kysely<DB>, campaignId: string, version: number) {
  return db.selectFrom('result_version').select(['version', 'case_json'])
    .where('campaign_id', '=', campaignId).where('version', '=', version).executeTakeFirst();
}

export async function findOrganisationName(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

const jobColumns = [
  'id', 'kind', 'campaign_id', 'organisation_path', 'file_name', 'state', 'processed_rows', 'total_rows', 'percent',
  'issues_json', 'summary_json', 'created_by', 'created_at', 'updated_at',
] as const;

export type ImportJobRow = Awaited<ReturnType<typeof findImportJob>> & {};

export async function findImportJob(db: Kysely<DB>, id: string) {
  return db.selectFrom('import_job').select(jobColumns).where('id', '=', id).executeTakeFirst();
}

export async function insertImportJob(
  db: Kysely<DB>, row: Pick<ImportJobTable, 'id' | 'kind' | 'campaign_id' | 'organisation_path' | 'file_name' | 'created_by' | 'created_at'>,
): Promise<void> {
  await db.insertInto('import_job').values({
    ...row, state: 'running', processed_rows: 0, total_rows: null, percent: 0, issues_json: null, summary_json: null, updated_at: row.created_at,
  }).execute();
}

/** Progress while the workbook is read; only a running job moves. */
export async function updateImportProgress(db: Kysely<DB>, id: string, processedRows: number, percent: number, at: string): Promise<void> {
  await db.updateTable('import_job').set({ processed_rows: processedRows, percent, updated_at: at })
    .where('id', '=', id).where('state', '=', 'running').execute();
}

export async function finishImportJob(
  db: Kysely<DB>, id: string,
  end: { state: 'succeeded' | 'failed'; processedRows: number; issuesJson: string | null; summaryJson: string | null; at: string },
): Promise<void> {
  await db.updateTable('import_job').set({
    state: end.state, processed_rows: end.processedRows, total_rows: end.processedRows, percent: 100,
    issues_json: end.issuesJson, summary_json: end.summaryJson, updated_at: end.at,
  }).where('id', '=', id).execute();
}

/** Names and ids of the units an organisation already assesses, so an import adds no duplicate. */
export async function listUnitIdentities(db: Kysely<DB>, organisationId: string) {
  return db.selectFrom('unit').select(['id', 'name']).where('organisation_id', '=', organisationId).execute();
}

/** Every unit id: ids are unique across organisations. */
export async function listAllUnitIds(db: Kysely<DB>): Promise<Set<string>> {
  return new Set((await db.selectFrom('unit').select('id').execute()).map((u) => u.id));
}
