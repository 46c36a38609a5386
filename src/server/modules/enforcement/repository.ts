import type { Insertable, Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { EnforcementEvent } from '../../../domain/ledgers/enforcement/record-step';
import type { EnforcementListQuery } from '../../../shared/schemas/enforcement';
import type { DB } from '../../db/schema';
import type { EnforcementMeasureTable } from '../../db/schema-enforcement';

const measureColumns = [
  'enforcement_measure.id', 'enforcement_measure.organisation_id', 'enforcement_measure.enterprise_id',
  'enforcement_measure.territorial_unit_id', 'enforcement_measure.regulating_unit_id', 'enforcement_measure.type',
  'enforcement_measure.emergency', 'enforcement_measure.hazard_id', 'enforcement_measure.decision_number',
  'enforcement_measure.started_on', 'enforcement_measure.ended_on', 'enforcement_measure.last_step',
  'enforcement_measure.next_due_at', 'enforcement_measure.measure_json', 'enforcement_measure.version',
  'enforcement_measure.created_at',
  'organisation.path as organisation_path', 'enterprise.name as enterprise_name',
  'tu.name as territorial_unit_name', 'ru.name as regulating_unit_name',
] as const;

function joined(db: Kysely<DB>) {
  return db.selectFrom('enforcement_measure')
    .innerJoin('organisation', 'organisation.id', 'enforcement_measure.organisation_id')
    .innerJoin('enterprise', 'enterprise.id', 'enforcement_measure.enterprise_id')
    .innerJoin('unit as tu', 'tu.id', 'enforcement_measure.territorial_unit_id')
    .innerJoin('unit as ru', 'ru.id', 'enforcement_measure.regulating_unit_id');
}

export async function findMeasure(db: Kysely<DB>, id: string) {
  return joined(db).select(measureColumns).where('enforcement_measure.id', '=', id).executeTakeFirst();
}

export type MeasureRow = NonNullable<Awaited<ReturnType<typeof findMeasure>>>;

export async function insertMeasure(db: Kysely<DB>, row: Insertable<EnforcementMeasureTable>): Promise<void> {
  await db.insertInto('enforcement_measure').values(row).execute();
}

/** Writes the measure's new record only when the stored version is still `version`. */
export async function updateMeasureIfVersion(
  db: Kysely<DB>, id: string, version: number, set: Partial<Insertable<EnforcementMeasureTable>>, at: string,
): Promise<boolean> {
  const result = await db.updateTable('enforcement_measure').set({ ...set, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertMeasureStep(db: Kysely<DB>, seq: number, event: EnforcementEvent, recordedAt: string): Promise<void> {
  await db.insertInto('enforcement_step').values({
    measure_id: event.measureId, seq, step: event.step, at: event.at, account_id: event.actorId,
    flags_json: JSON.stringify(event.flags), summary: event.summaryZh, recorded_at: recordedAt,
  }).execute();
}

export async function listMeasureSteps(db: Kysely<DB>, measureId: string) {
  return db.selectFrom('enforcement_step').select(['seq', 'step', 'at', 'recorded_at', 'summary', 'flags_json'])
    .where('measure_id', '=', measureId).orderBy('seq', 'asc').execute();
}

/** Every recorded step of the enterprise's measures, for its file's timeline. */
export async function listEnterpriseMeasureSteps(db: Kysely<DB>, enterpriseId: string) {
  return db.selectFrom('enforcement_step')
    .innerJoin('enforcement_measure', 'enforcement_measure.id', 'enforcement_step.measure_id')
    .select(['enforcement_measure.id', 'enforcement_measure.type', 'enforcement_measure.decision_number', 'enforcement_step.seq', 'enforcement_step.at', 'enforcement_step.summary'])
    .where('enforcement_measure.enterprise_id', '=', enterpriseId)
    .execute();
}

/**
 * A page of measures inside the scope `listScope` grants (a unit sees the measures of its town or
 * its regulated enterprises), newest first by default. `overdue` compares the next legal deadline
 * with `nowIso`, as the view does.
 */
export async function listMeasures(db: Kysely<DB>, scope: Scope, q: EnforcementListQuery, nowIso: string) {
  if (scope.kind === 'none' || (scope.kind === 'units' && scope.unitIds.length === 0)) return { rows: [], total: 0 };
  let query = joined(db);
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (scope.kind === 'units') {
    const ids = [...scope.unitIds];
    query = query.where((eb) => eb.or([eb('enforcement_measure.territorial_unit_id', 'in', ids), eb('enforcement_measure.regulating_unit_id', 'in', ids)]));
  }
  if (q.enterpriseId !== undefined) query = query.where('enforcement_measure.enterprise_id', '=', q.enterpriseId);
  if (q.unitId !== undefined) {
    const unitId = q.unitId;
    query = query.where((eb) => eb.or([eb('enforcement_measure.territorial_unit_id', '=', unitId), eb('enforcement_measure.regulating_unit_id', '=', unitId)]));
  }
  if (q.type !== undefined) query = query.where('enforcement_measure.type', '=', q.type);
  if (q.ended === true) query = query.where('enforcement_measure.ended_on', 'is not', null);
  if (q.ended === false) query = query.where('enforcement_measure.ended_on', 'is', null);
  if (q.overdue === true) query = query.where('enforcement_measure.next_due_at', '<', nowIso);
  if (q.overdue === false) query = query.where((eb) => eb.or([eb('enforcement_measure.next_due_at', 'is', null), eb('enforcement_measure.next_due_at', '>=', nowIso)]));
  const [rows, count] = await Promise.all([
    query.select(measureColumns).orderBy('enforcement_measure.created_at', q.order).orderBy('enforcement_measure.id', 'asc')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
