import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';
import type { AccidentTable } from '../../db/schema-workflow';
import type { AccidentListQuery } from '../../../shared/schemas/accident';

const accidentColumns = [
  'accident.id', 'accident.organisation_id', 'accident.occurred_at', 'accident.place', 'accident.territorial_unit_id',
  'accident.sector', 'accident.regulating_unit_id', 'accident.enterprise', 'accident.liability', 'accident.summary',
  'accident.deaths', 'accident.serious_injuries', 'accident.direct_loss', 'accident.grade', 'accident.version',
  'organisation.path as organisation_path',
] as const;

export type AccidentRow = Awaited<ReturnType<typeof findAccident>> & {};

export async function findAccident(db: Kysely<DB>, id: string) {
  return db.selectFrom('accident').innerJoin('organisation', 'organisation.id', 'accident.organisation_id')
    .select(accidentColumns).where('accident.id', '=', id).executeTakeFirst();
}

/** One page of the register in the scope, filtered by year, unit (where it happened or its regulator), sector and grade. */
export async function listAccidents(db: Kysely<DB>, scope: Scope, filter: AccidentListQuery) {
  if (scope.kind === 'none' || scope.kind === 'units') return { rows: [], total: 0 };
  let query = db.selectFrom('accident').innerJoin('organisation', 'organisation.id', 'accident.organisation_id');
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  const { year, unitId, sector, grade } = filter;
  if (year !== undefined) query = query.where('accident.occurred_at', '>=', `${year}-01-01`).where('accident.occurred_at', '<', `${year + 1}-01-01`);
  if (unitId !== undefined) query = query.where((eb) => eb.or([eb('accident.territorial_unit_id', '=', unitId), eb('accident.regulating_unit_id', '=', unitId)]));
  if (sector !== undefined) query = query.where('accident.sector', '=', sector);
  if (grade !== undefined) query = query.where('accident.grade', '=', grade);
  const { n } = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.select(accidentColumns)
    .orderBy('accident.occurred_at', filter.order).orderBy('accident.id', 'asc')
    .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute();
  return { rows, total: Number(n) };
}

export async function insertAccident(db: Kysely<DB>, row: Omit<AccidentTable, 'version'>): Promise<void> {
  await db.insertInto('accident').values(row).execute();
}

export async function updateFiguresIfVersion(
  db: Kysely<DB>, id: string, version: number,
  figures: { deaths: number; serious_injuries: number; direct_loss: number; grade: string }, at: string,
): Promise<boolean> {
  const result = await db.updateTable('accident').set({ ...figures, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bumps the accident's version (a change of its report times); false when it was not `version`. */
export async function bumpVersionIfVersion(db: Kysely<DB>, id: string, version: number, at: string): Promise<boolean> {
  const result = await db.updateTable('accident').set({ version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The number the next version of the figures takes. Not the accident's own version: that
 * also counts changes of its report times, and the figures' versions are numbered 1, 2, 3….
 */
export async function nextFiguresVersion(db: Kysely<DB>, id: string): Promise<number> {
  const { last } = await db.selectFrom('accident_version').select((eb) => eb.fn.max<number | null>('version').as('last'))
    .where('accident_id', '=', id).executeTakeFirstOrThrow();
  return Number(last ?? 0) + 1;
}

export async function insertAccidentVersion(
  db: Kysely<DB>,
  row: { accidentId: string; version: number; deaths: number; seriousInjuries: number; directLoss: number; grade: string; late: boolean; note: string | null; by: string; at: string },
): Promise<void> {
  await db.insertInto('accident_version').values({
    accident_id: row.accidentId, version: row.version, deaths: row.deaths, serious_injuries: row.seriousInjuries,
    direct_loss: row.directLoss, grade: row.grade, late: row.late ? 1 : 0, note: row.note, changed_by: row.by, changed_at: row.at,
  }).execute();
}

export async function listAccidentVersions(db: Kysely<DB>, id: string) {
  return db.selectFrom('accident_version').leftJoin('account', 'account.id', 'accident_version.changed_by')
    .select([
      'accident_version.version', 'accident_version.deaths', 'accident_version.serious_injuries', 'accident_version.direct_loss',
      'accident_version.grade', 'accident_version.late', 'accident_version.note', 'accident_version.changed_at',
      'account.display_name as changed_by_name',
    ])
    .where('accident_version.accident_id', '=', id).orderBy('accident_version.version', 'asc').execute();
}

export async function listAccidentReports(db: Kysely<DB>, id: string) {
  return db.selectFrom('accident_report').leftJoin('account', 'account.id', 'accident_report.recorded_by')
    .select(['accident_report.level', 'accident_report.reported_at', 'accident_report.recorded_at', 'account.display_name as recorded_by_name'])
    .where('accident_report.accident_id', '=', id).execute();
}

/** Records or corrects when one level received the report. */
export async function upsertAccidentReport(
  db: Kysely<DB>, row: { accidentId: string; level: string; reportedAt: string; by: string; at: string },
): Promise<void> {
  const values = { reported_at: row.reportedAt, recorded_by: row.by, recorded_at: row.at };
  await db.insertInto('accident_report').values({ accident_id: row.accidentId, level: row.level, ...values })
    .onConflict((oc) => oc.columns(['accident_id', 'level']).doUpdateSet(values))
    .execute();
}

export async function deleteAccidentReport(db: Kysely<DB>, accidentId: string, level: string): Promise<void> {
  await db.deleteFrom('accident_report').where('accident_id', '=', accidentId).where('level', '=', level).execute();
}

/** The unit ids among these that belong to the organisation's tree. */
export async function unitsInTree(db: Kysely<DB>, path: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('unit').innerJoin('organisation', 'organisation.id', 'unit.organisation_id')
    .select('unit.id').where('unit.id', 'in', ids).where('organisation.path', 'like', `${path}%`).execute();
  return new Set(rows.map((r) => r.id));
}

export async function upsertVetoDecision(
  db: Kysely<DB>,
  row: { campaignId: string; unitId: string; ruleId: string; decision: string; reason: string; by: string; at: string },
): Promise<void> {
  const values = { decision: row.decision, reason: row.reason, decided_by: row.by, decided_at: row.at };
  await db.insertInto('veto_decision')
    .values({ campaign_id: row.campaignId, unit_id: row.unitId, rule_id: row.ruleId, ...values })
    .onConflict((oc) => oc.columns(['campaign_id', 'unit_id', 'rule_id']).doUpdateSet(values))
    .execute();
}
