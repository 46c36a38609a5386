import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/can';
import type { DB } from '../../db/schema';
import type { AccidentTable } from '../../db/schema-workflow';

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

export async function listAccidents(db: Kysely<DB>, scope: Scope, year: number | undefined) {
  if (scope.kind === 'none' || scope.kind === 'units') return [];
  let query = db.selectFrom('accident').innerJoin('organisation', 'organisation.id', 'accident.organisation_id').select(accidentColumns);
  if (scope.kind === 'subtree') query = query.where('organisation.path', 'like', `${scope.path}%`);
  if (year !== undefined) query = query.where('accident.occurred_at', '>=', `${year}-01-01`).where('accident.occurred_at', '<', `${year + 1}-01-01`);
  return query.orderBy('accident.occurred_at', 'desc').orderBy('accident.id', 'asc').execute();
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
  return db.selectFrom('accident_version')
    .select(['version', 'deaths', 'serious_injuries', 'direct_loss', 'grade', 'late', 'note', 'changed_at'])
    .where('accident_id', '=', id).orderBy('version', 'asc').execute();
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
