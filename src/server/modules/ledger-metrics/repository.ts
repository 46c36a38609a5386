import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * The cards that can count for the units over a period (docs/ledgers.md §8): found by its end,
 * and found in it or not closed before it starts (a card closed before the period counts for
 * nothing: not found in it, not overdue at its end). The columns read are those copied from the
 * card on every step (hazards/repository.ts cardColumns), so no card has to be parsed.
 */
export async function listMetricHazards(db: Kysely<DB>, unitIds: readonly string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('hazard')
    .select(['id', 'number', 'territorial_unit_id', 'regulating_unit_id', 'state', 'grade', 'found_on', 'rectification_deadline', 'acceptance_applied_on', 'closed_on'])
    .where((eb) => eb.or([eb('territorial_unit_id', 'in', unitIds), eb('regulating_unit_id', 'in', unitIds)]))
    .where('found_on', '<=', to)
    .where((eb) => eb.or([eb('found_on', '>=', from), eb('closed_on', 'is', null), eb('closed_on', '>=', from)]))
    .execute();
}

/** Tips assigned to the units and received in the period: the 举报按期答复率 counts them. */
export async function listMetricTips(db: Kysely<DB>, unitIds: readonly string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('tip')
    .select(['id', 'assigned_unit_id', 'received_on', 'extension_approved', 'verified_on', 'replied_on', 'reporter_reachable'])
    .where('assigned_unit_id', 'in', unitIds)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .execute();
}

/** Measures of the units' enterprises taken (on site, or executed) in the period: 执法措施数 counts them. */
export async function listMetricMeasures(db: Kysely<DB>, unitIds: readonly string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  const ids = [...unitIds];
  return db.selectFrom('enforcement_measure')
    .select(['id', 'type', 'territorial_unit_id', 'regulating_unit_id', 'started_on', 'decision_number'])
    .where((eb) => eb.or([eb('territorial_unit_id', 'in', ids), eb('regulating_unit_id', 'in', ids)]))
    .where('started_on', '>=', from)
    .where('started_on', '<=', to)
    .execute();
}

/**
 * 执法检查 recorded in the period for the units (the enterprise's town or department): the
 * metrics 执法检查次数 and 检查覆盖企业数 count them. Expert checks (专家查隐患) are not law
 * enforcement and a plan not yet recorded has not happened: neither counts.
 */
export async function listMetricInspections(db: Kysely<DB>, unitIds: readonly string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('inspection').innerJoin('enterprise', 'enterprise.id', 'inspection.enterprise_id')
    .select(['inspection.id', 'inspection.enterprise_id', 'inspection.territorial_unit_id', 'inspection.regulating_unit_id', 'inspection.inspected_on', 'enterprise.name as enterprise_name'])
    .where((eb) => eb.or([eb('inspection.territorial_unit_id', 'in', unitIds), eb('inspection.regulating_unit_id', 'in', unitIds)]))
    .where('inspection.kind', '=', 'inspection')
    .where('inspection.inspected_on', '>=', from)
    .where('inspection.inspected_on', '<=', to)
    .execute();
}

/**
 * The training register of the units' enterprises (their town's or regulated ones): the
 * enterprises, the people counted today (those still in their post) and all their certificates;
 * 持证培训覆盖率 is taken on the period's last day from them.
 */
export async function listMetricTraining(db: Kysely<DB>, unitIds: readonly string[]) {
  if (unitIds.length === 0) return { enterprises: [], persons: [], certificates: [] };
  const ids = [...unitIds];
  // The enterprises, people and certificates are selected by subqueries, not by lists of ids: a
  // county's 50,000 enterprises would pass SQLite's limit on bound parameters.
  const enterpriseIds = db.selectFrom('enterprise').select('id')
    .where((eb) => eb.or([eb('territorial_unit_id', 'in', ids), eb('regulating_unit_id', 'in', ids)]));
  const personIds = db.selectFrom('training_person').select('id').where('enterprise_id', 'in', enterpriseIds).where('active', '=', 1);
  const [enterprises, persons, certificates] = await Promise.all([
    db.selectFrom('enterprise').select(['id', 'name', 'territorial_unit_id', 'regulating_unit_id'])
      .where((eb) => eb.or([eb('territorial_unit_id', 'in', ids), eb('regulating_unit_id', 'in', ids)])).execute(),
    db.selectFrom('training_person').select(['id', 'enterprise_id', 'name', 'role', 'operation_type'])
      .where('enterprise_id', 'in', enterpriseIds).where('active', '=', 1).execute(),
    db.selectFrom('certificate').select(['id', 'person_id', 'role', 'operation_type', 'number', 'issued_on', 'valid_until'])
      .where('person_id', 'in', personIds).execute(),
  ]);
  return { enterprises, persons, certificates };
}
