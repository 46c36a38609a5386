import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { TipTable } from '../../db/schema-tips';

export async function findOrganisationByPath(db: Kysely<DB>, path: string) {
  return db.selectFrom('organisation').select(['id', 'path']).where('path', '=', path).executeTakeFirst();
}

export async function insertTip(db: Kysely<DB>, row: Insertable<TipTable>): Promise<void> {
  await db.insertInto('tip').values(row).execute();
}

export async function findTip(db: Kysely<DB>, id: string) {
  return db.selectFrom('tip').innerJoin('organisation', 'organisation.id', 'tip.organisation_id')
    .selectAll('tip').select('organisation.path as organisation_path').where('tip.id', '=', id).executeTakeFirst();
}

export type TipRow = NonNullable<Awaited<ReturnType<typeof findTip>>>;

/** Assigns the tip to a unit only when the stored version is still `version`. */
export async function assignTipIfVersion(db: Kysely<DB>, id: string, version: number, unitId: string, on: string, at: string): Promise<boolean> {
  const result = await db.updateTable('tip').set({ assigned_unit_id: unitId, assigned_on: on, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
