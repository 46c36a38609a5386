import { sql, type Insertable, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { HazardCard, HazardEvent } from '../../../domain/ledgers/hazard/hazard-card';
import type { DB } from '../../db/schema';
import type { HazardTable } from '../../db/schema-ledgers';
import { organisationIdsUnder } from '../enterprises/repository';

const hazardColumns = [
  'hazard.id', 'hazard.organisation_id', 'hazard.enterprise_id', 'hazard.number', 'hazard.territorial_unit_id',
  'hazard.regulating_unit_id', 'hazard.sector', 'hazard.found_on', 'hazard.found_way', 'hazard.description', 'hazard.state',
  'hazard.grade', 'hazard.rectification_deadline', 'hazard.acceptance_due_on', 'hazard.late_acceptance', 'hazard.closed_on',
  'hazard.return_count', 'hazard.card_json', 'hazard.version',
  'organisation.path as organisation_path', 'enterprise.name as enterprise_name',
  'tu.name as territorial_unit_name', 'ru.name as regulating_unit_name',
] as const;

export type HazardRow = Awaited<ReturnType<typeof findHazard>> & {};

function joined(db: Kysely<DB>) {
  return db.selectFrom('hazard')
    .innerJoin('organisation', 'organisation.id', 'hazard.organisation_id')
    .innerJoin('enterprise', 'enterprise.id', 'hazard.enterprise_id')
    .innerJoin('unit as tu', 'tu.id', 'hazard.territorial_unit_id')
    .innerJoin('unit as ru', 'ru.id', 'hazard.regulating_unit_id');
}

export async function findHazard(db: Kysely<DB>, id: string) {
  return joined(db).select(hazardColumns).where('hazard.id', '=', id).executeTakeFirst();
}

/** The columns the ledger filters and sorts on, copied from the domain's card. */
export function cardColumns(card: HazardCard) {
  return {
    number: card.number ?? null,
    state: card.state,
    grade: card.grade ?? null,
    rectification_deadline: card.rectification?.deadline ?? null,
    acceptance_applied_on: card.acceptanceAppliedOn ?? null,
    acceptance_due_on: card.acceptanceDueOn ?? null,
    accepted_on: card.acceptedOn ?? null,
    late_acceptance: card.lateAcceptance ? 1 : 0,
    closed_on: card.closedOn ?? null,
    return_count: card.returnCount,
    card_json: JSON.stringify(card),
  };
}

export async function insertHazard(db: Kysely<DB>, row: Insertable<HazardTable>): Promise<void> {
  await db.insertInto('hazard').values(row).execute();
}

/** Writes the card's new state only when the stored version is still `version`. */
export async function updateHazardIfVersion(db: Kysely<DB>, id: string, version: number, card: HazardCard, at: string): Promise<boolean> {
  const result = await db.updateTable('hazard').set({ ...cardColumns(card), version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function numberTaken(db: Kysely<DB>, organisationId: string, number: string, exceptId: string): Promise<boolean> {
  const row = await db.selectFrom('hazard').select('id').where('organisation_id', '=', organisationId)
    .where('number', '=', number).where('id', '!=', exceptId).executeTakeFirst();
  return row !== undefined;
}

export async function insertHazardEvent(db: Kysely<DB>, event: HazardEvent, accountId: string): Promise<void> {
  const last = await db.selectFrom('hazard_event').select((eb) => eb.fn.max('seq').as('seq')).where('hazard_id', '=', event.cardId).executeTakeFirst();
  await db.insertInto('hazard_event').values({
    hazard_id: event.cardId, seq: Number(last?.seq ?? 0) + 1, action: event.action, from_state: event.from, to_state: event.to,
    at: event.at, account_id: accountId, actor_role: event.actorRole, reason: event.reasonZh ?? null,
    flags_json: JSON.stringify(event.flags), summary: event.summaryZh,
  }).execute();
}

export async function listHazardEvents(db: Kysely<DB>, hazardId: string) {
  return db.selectFrom('hazard_event')
    .select(['seq', 'action', 'from_state', 'to_state', 'at', 'account_id', 'actor_role', 'reason', 'flags_json', 'summary'])
    .where('hazard_id', '=', hazardId).orderBy('seq', 'asc').execute();
}

export async function insertHazardPhotos(db: Kysely<DB>, hazardId: string, fileIds: readonly string[], kind: 'before' | 'after', at: string): Promise<void> {
  const existing = new Set((await db.selectFrom('hazard_photo').select('file_id').where('hazard_id', '=', hazardId).execute()).map((r) => r.file_id));
  const fresh = [...new Set(fileIds)].filter((f) => !existing.has(f));
  if (fresh.length === 0) return;
  await db.insertInto('hazard_photo').values(fresh.map((file_id) => ({ hazard_id: hazardId, file_id, kind, added_at: at }))).execute();
}

export async function listHazardPhotos(db: Kysely<DB>, hazardId: string) {
  return db.selectFrom('hazard_photo').select(['file_id', 'kind']).where('hazard_id', '=', hazardId).orderBy('added_at', 'asc').orderBy('file_id', 'asc').execute();
}

const sortColumns = { foundOn: 'hazard.found_on', deadline: 'hazard.rectification_deadline', number: 'hazard.number' } as const;

export interface HazardFilter {
  order: 'asc' | 'desc';
  sort: keyof typeof sortColumns;
  territorialUnitId?: string | undefined;
  regulatingUnitId?: string | undefined;
  enterpriseId?: string | undefined;
  sector?: string | undefined;
  grade?: string | undefined;
  state?: string | undefined;
  overdue?: boolean | undefined;
  foundFrom?: string | undefined;
  foundTo?: string | undefined;
}

/**
 * The ledger query: the actor's scope, then each filter. Overdue mirrors the domain's rule
 * (hazard-deadlines.ts): being rectified and the deadline before today (China time).
 */
async function filtered(db: Kysely<DB>, scope: Scope, f: HazardFilter, today: string) {
  if (scope.kind === 'none' || (scope.kind === 'units' && scope.unitIds.length === 0)) return null;
  let query = db.selectFrom('hazard');
  if (scope.kind === 'subtree') {
    const ids = await organisationIdsUnder(db, scope.path);
    if (ids.length === 0) return null;
    query = query.where('hazard.organisation_id', 'in', ids);
  }
  if (scope.kind === 'units') {
    const ids = scope.unitIds;
    query = query.where((eb) => eb.or([eb('hazard.territorial_unit_id', 'in', ids), eb('hazard.regulating_unit_id', 'in', ids)]));
  }
  if (f.territorialUnitId) query = query.where('hazard.territorial_unit_id', '=', f.territorialUnitId);
  if (f.regulatingUnitId) query = query.where('hazard.regulating_unit_id', '=', f.regulatingUnitId);
  if (f.enterpriseId) query = query.where('hazard.enterprise_id', '=', f.enterpriseId);
  if (f.sector) query = query.where('hazard.sector', '=', f.sector);
  if (f.grade) query = query.where('hazard.grade', '=', f.grade);
  if (f.state) query = query.where('hazard.state', '=', f.state);
  if (f.foundFrom) query = query.where('hazard.found_on', '>=', f.foundFrom);
  if (f.foundTo) query = query.where('hazard.found_on', '<=', f.foundTo);
  if (f.overdue === true) query = query.where('hazard.state', '=', 'rectifying').where('hazard.rectification_deadline', '<', today);
  if (f.overdue === false) {
    query = query.where((eb) => eb.or([eb('hazard.state', '!=', 'rectifying'), eb('hazard.rectification_deadline', 'is', null), eb('hazard.rectification_deadline', '>=', today)]));
  }
  return query;
}

export async function listHazards(db: Kysely<DB>, scope: Scope, f: HazardFilter & { page: number; pageSize: number }, today: string) {
  const query = await filtered(db, scope, f, today);
  if (!query) return { rows: [], total: 0 };
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await withNames(query).select(hazardColumns)
    .orderBy(sortColumns[f.sort], f.order).orderBy('hazard.id', 'asc')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: Number(total) };
}

/** Every card matching the filters, up to `limit` (the Excel export). */
export async function listHazardsForExport(db: Kysely<DB>, scope: Scope, f: HazardFilter, today: string, limit: number) {
  const query = await filtered(db, scope, f, today);
  if (!query) return [];
  return withNames(query).select(hazardColumns).orderBy(sortColumns[f.sort], f.order).orderBy('hazard.id', 'asc').limit(limit).execute();
}

/** Cards past a deadline at `today`: rectification (being rectified) or acceptance (applied). */
export async function listOverdueHazards(db: Kysely<DB>, scope: Scope, today: string, limit: number) {
  const query = await filtered(db, scope, { order: 'asc', sort: 'deadline' }, today);
  if (!query) return [];
  return withNames(query.where((eb) => eb.or([
    eb.and([eb('hazard.state', '=', 'rectifying'), eb('hazard.rectification_deadline', '<', today)]),
    eb.and([eb('hazard.state', '=', 'acceptanceApplied'), eb('hazard.acceptance_due_on', '<', today)]),
  ]))).select(hazardColumns).orderBy('hazard.rectification_deadline', 'asc').orderBy('hazard.id', 'asc').limit(limit).execute();
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
function withNames(query: SelectQueryBuilder<DB, 'hazard', {}>) {
  return query
    .innerJoin('organisation', 'organisation.id', 'hazard.organisation_id')
    .innerJoin('enterprise', 'enterprise.id', 'hazard.enterprise_id')
    .innerJoin('unit as tu', 'tu.id', 'hazard.territorial_unit_id')
    .innerJoin('unit as ru', 'ru.id', 'hazard.regulating_unit_id');
}

/**
 * Card counts grouped by town (属地镇街) or by sector, and by state, with how many are past
 * a deadline at `today` (the same rule as the overdue list), for the actor's scope.
 */
export async function summarizeHazards(db: Kysely<DB>, scope: Scope, today: string) {
  const query = await filtered(db, scope, { order: 'asc', sort: 'foundOn' }, today);
  if (!query) return { byTown: [], bySector: [] };
  const overdue = sql<number>`sum(case when (hazard.state = 'rectifying' and hazard.rectification_deadline < ${today})
    or (hazard.state = 'acceptanceApplied' and hazard.acceptance_due_on < ${today}) then 1 else 0 end)`;
  const [byTown, bySector] = await Promise.all([
    query.innerJoin('unit as tu', 'tu.id', 'hazard.territorial_unit_id')
      .select(['hazard.territorial_unit_id as unit_id', 'tu.name as unit_name', 'hazard.state', (eb) => eb.fn.countAll<number>().as('n'), overdue.as('overdue')])
      .groupBy(['hazard.territorial_unit_id', 'tu.name', 'hazard.state'])
      .orderBy('tu.name').orderBy('hazard.state').execute(),
    query.select(['hazard.sector', 'hazard.state', (eb) => eb.fn.countAll<number>().as('n'), overdue.as('overdue')])
      .groupBy(['hazard.sector', 'hazard.state'])
      .orderBy('hazard.sector').orderBy('hazard.state').execute(),
  ]);
  return { byTown, bySector };
}
