import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';
import { auditHash } from './audit-hash';

export interface AuditEntry {
  actorId: string | null;
  /** verb.noun, e.g. unit.update, account.create, account.lock */
  action: string;
  entityType: string;
  entityId: string;
  organisationPath: string | null;
  unitId: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Appends one record to the hash chain. Must be called with the transaction that makes
 * the change, so the record and the change commit or roll back together.
 */
export async function appendAudit(trx: Kysely<DB>, entry: AuditEntry, now: Date): Promise<number> {
  // Incrementing the head row takes its lock (PostgreSQL row lock; SQLite write lock),
  // so concurrent appends queue up and the chain never forks.
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const record = {
    seq: head.seq,
    at: now.toISOString(),
    actor_id: entry.actorId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    organisation_path: entry.organisationPath,
    unit_id: entry.unitId,
    before_json: entry.before == null ? null : JSON.stringify(entry.before),
    after_json: entry.after == null ? null : JSON.stringify(entry.after),
    prev_hash: head.hash,
  };
  const hash = auditHash(record);
  await trx.insertInto('audit_record').values({ ...record, hash }).execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return record.seq;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const listColumns = [
  'seq', 'at', 'actor_id', 'action', 'entity_type', 'entity_id', 'unit_id', 'before_json', 'after_json', 'hash',
] as const;

export async function listAudit(
  db: Kysely<DB>,
  scope: Scope,
  filter: AuditFilter,
  page: { page: number; pageSize: number; order: 'asc' | 'desc' },
  countCap = auditCountCap(page),
) {
  let query = db.selectFrom('audit_record');
  if (scope.kind === 'none') return { rows: [], total: 0, totalCapped: false };
  if (scope.kind === 'subtree') query = query.where('organisation_path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') {
    if (scope.unitIds.length === 0) return { rows: [], total: 0, totalCapped: false };
    query = query.where('unit_id', 'in', scope.unitIds);
  }
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('at', '<', new Date(filter.to).toISOString());
  // The trail grows without end: counting all of it on every page would cost more than the
  // page itself, so the count stops at the cap (a little beyond the page asked for) and the
  // answer says it was capped.
  const { total } = await db
    .selectFrom(query.select('seq').limit(countCap + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select(listColumns)
    .orderBy('seq', page.order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const counted = Number(total);
  return { rows, total: Math.min(counted, countCap), totalCapped: counted > countCap };
}

/**
 * Where the count of a page of the trail stops: the next whole thousand past the page and a
 * thousand more, so the pager always offers the pages ahead (the total grows as the reader
 * moves on) while a page never counts more than about a thousand rows beyond itself.
 */
export function auditCountCap(page: { page: number; pageSize: number }): number {
  const end = page.page * page.pageSize;
  return Math.ceil(end / 1000) * 1000 + 1000;
}

/** Records in chain order from `afterSeq`, for verification. */
export async function auditBatch(db: Kysely<DB>, afterSeq: number, size: number) {
  return db
    .selectFrom('audit_record')
    .select([
      'seq', 'at', 'actor_id', 'action', 'entity_type', 'entity_id', 'organisation_path', 'unit_id',
      'before_json', 'after_json', 'prev_hash', 'hash',
    ])
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(size)
    .execute();
}

export async function auditHead(db: Kysely<DB>) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}
