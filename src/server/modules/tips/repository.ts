import type { Insertable, Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { TipListQuery } from '../../../shared/schemas/tip';
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

/** A page of tips inside the scope `listScope` grants, filtered by unit and channel, by received time. */
export async function listTips(db: Kysely<DB>, scope: Scope, q: TipListQuery) {
  let query = db.selectFrom('tip').innerJoin('organisation', 'organisation.id', 'tip.organisation_id');
  if (scope.kind === 'none') return { rows: [], total: 0 };
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') {
    if (scope.unitIds.length === 0) return { rows: [], total: 0 };
    query = query.where('tip.assigned_unit_id', 'in', [...scope.unitIds]);
  }
  if (q.assignedUnitId !== undefined) query = query.where('tip.assigned_unit_id', '=', q.assignedUnitId);
  if (q.channel !== undefined) query = query.where('tip.channel', '=', q.channel);
  const [rows, count] = await Promise.all([
    query.selectAll('tip').select('organisation.path as organisation_path')
      .orderBy('tip.received_at', q.order).orderBy('tip.id', 'asc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
