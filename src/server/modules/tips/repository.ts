import type { Insertable, Kysely, Updateable } from 'kysely';
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

/**
 * Applies one handling step's columns only when the stored version is still `version`; the
 * version moves on by one. False when another request changed the tip first.
 */
export async function updateTipIfVersion(db: Kysely<DB>, id: string, version: number, set: Updateable<TipTable>, at: string): Promise<boolean> {
  const result = await db.updateTable('tip').set({ ...set, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A page of tips inside the scope `listScope` grants, filtered by unit and channel, by received time. */
export async function listTips(db: Kysely<DB>, scope: Scope, q: TipListQuery, today: string) {
  let query = db.selectFrom('tip').innerJoin('organisation', 'organisation.id', 'tip.organisation_id');
  if (scope.kind === 'none') return { rows: [], total: 0 };
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') {
    if (scope.unitIds.length === 0) return { rows: [], total: 0 };
    query = query.where('tip.assigned_unit_id', 'in', [...scope.unitIds]);
  }
  if (q.assignedUnitId !== undefined) query = query.where('tip.assigned_unit_id', '=', q.assignedUnitId);
  if (q.channel !== undefined) query = query.where('tip.channel', '=', q.channel);
  // The stage filter mirrors domain/ledgers/tip/tip-handling.ts tipStage.
  if (q.stage === 'replied') query = query.where('tip.replied_on', 'is not', null);
  if (q.stage === 'verified') query = query.where('tip.replied_on', 'is', null).where('tip.verified_on', 'is not', null);
  if (q.stage === 'assigned') query = query.where('tip.replied_on', 'is', null).where('tip.verified_on', 'is', null).where('tip.assigned_unit_id', 'is not', null);
  if (q.stage === 'received') query = query.where('tip.replied_on', 'is', null).where('tip.verified_on', 'is', null).where('tip.assigned_unit_id', 'is', null);
  // Mirrors tipReplyStatus 'overdue': a reachable reporter, no reply, and the due day before today.
  if (q.replyOverdue === true) query = query.where('tip.reporter_reachable', '=', 1).where('tip.replied_on', 'is', null).where('tip.reply_due_on', '<', today);
  if (q.replyOverdue === false) query = query.where((eb) => eb.or([eb('tip.reporter_reachable', '=', 0), eb('tip.replied_on', 'is not', null), eb('tip.reply_due_on', '>=', today)]));
  const [rows, count] = await Promise.all([
    query.selectAll('tip').select('organisation.path as organisation_path')
      .orderBy('tip.received_at', q.order).orderBy('tip.id', 'asc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The tips naming an enterprise, with what its file's timeline shows (never the reporter). */
export async function listEnterpriseTips(db: Kysely<DB>, enterpriseId: string) {
  return db.selectFrom('tip').innerJoin('organisation', 'organisation.id', 'tip.organisation_id')
    .select(['tip.id', 'tip.channel', 'tip.subject', 'tip.received_at', 'tip.assigned_unit_id', 'tip.verified', 'tip.verified_on', 'tip.replied_on', 'organisation.path as organisation_path'])
    .where('tip.enterprise_id', '=', enterpriseId)
    .execute();
}
