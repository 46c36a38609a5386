import type { Kysely } from 'kysely';
import type { HazardCard, HazardGrade } from '../../../domain/ledgers/hazard/hazard-card';
import type { MetricName, MetricUnit, UnitMetrics } from '../../../domain/ledgers/metrics/compute-metrics';
import { computeLedgerMetrics, hazardRecordOf } from '../../../domain/ledgers/metrics/compute-metrics';
import type { MeasureType } from '../../../domain/ledgers/enforcement/procedures';
import { PROCEDURES } from '../../../domain/ledgers/enforcement/procedures';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import type { DB } from '../../db/schema';
import type { TrainingRole } from '../../../domain/ledgers/training/training-coverage';
import { TRAINING_ROLE_ZH } from '../../../domain/ledgers/training/training-coverage';
import { listMetricHazards, listMetricInspections, listMetricMeasures, listMetricTips, listMetricTraining } from './repository';

/**
 * The metrics the stored ledgers feed: every named metric of the domain, from hazard cards, tips,
 * recorded 执法检查, enforcement measures and the training register. A value the office typed for
 * a unit still wins (results/load-case.ts).
 */
export const STORED_LEDGER_METRICS: readonly MetricName[] = [
  'hazardsFound', 'majorHazards', 'hazardClosureRate', 'hazardOnTimeClosureRate', 'overdueHazards', 'overdueMajorHazards',
  'tipsAnsweredOnTimeRate', 'inspections', 'enterprisesCovered', 'enforcementMeasures', 'trainingCoverageRate',
];

/** How a measure is named in a trace: by its decision's number, or its kind and a short id before one. */
export function measureSourceName(row: { id: string; type: string; decision_number: string | null }): string {
  return row.decision_number ?? `${PROCEDURES[row.type as MeasureType]?.nameZh ?? row.type}（${row.id.slice(0, 8)}）`;
}

/** How a tip is named in a trace: tips carry no number, so the day of receipt and a short id. */
export function tipSourceName(row: { id: string; received_on: string }): string {
  return `${row.received_on}受理的举报（${row.id.slice(0, 8)}）`;
}

/** How an inspection is named in a trace: its day, the enterprise and a short id. */
export function inspectionSourceName(row: { id: string; inspected_on: string | null; enterprise_name: string }): string {
  return `${row.inspected_on ?? ''}对${row.enterprise_name}的执法检查（${row.id.slice(0, 8)}）`;
}

/** How a person counted for training coverage is named in a trace: enterprise, role, name and a short id. */
export function trainedPersonSourceName(row: { id: string; name: string; role: string }, enterpriseName: string): string {
  return `${enterpriseName}${TRAINING_ROLE_ZH[row.role as TrainingRole] ?? row.role}${row.name}（${row.id.slice(0, 8)}）`;
}

export interface LedgerPeriod { from: string; to: string }

/**
 * A campaign assesses a calendar year (China time). Without `now` the period is the whole year:
 * the assessment is of a year that has ended. With `now` inside the year it ends today, so
 * deadlines still ahead do not count as missed.
 */
export function campaignPeriod(year: number, now?: Date): LedgerPeriod {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (!now) return { from, to: end };
  const today = chinaDateOf(now);
  return { from, to: today < end ? (today < from ? from : today) : end };
}

/**
 * The register as the domain's records, each person named as in the trace (trainedPersonSourceName)
 * and, in the reasons for not being covered, by enterprise and name.
 */
function trainingInputs(t: Awaited<ReturnType<typeof listMetricTraining>>) {
  const enterpriseName = new Map(t.enterprises.map((e) => [e.id, e.name]));
  const sourceOf = new Map(t.persons.map((p) => [p.id, trainedPersonSourceName(p, enterpriseName.get(p.enterprise_id) ?? '')]));
  return {
    enterprises: t.enterprises.map((e) => ({ id: e.id, territorialUnitId: e.territorial_unit_id, regulatingUnitId: e.regulating_unit_id })),
    persons: t.persons.map((p) => ({
      id: sourceOf.get(p.id)!, enterpriseId: p.enterprise_id, role: p.role as TrainingRole, name: `${enterpriseName.get(p.enterprise_id) ?? ''}${p.name}`,
      ...(p.operation_type === null ? {} : { operationType: p.operation_type }),
    })),
    certificates: t.certificates.map((c) => ({
      id: c.id, personId: sourceOf.get(c.person_id)!, role: c.role as TrainingRole, number: c.number, issuedOn: c.issued_on, expiresOn: c.valid_until,
      ...(c.operation_type === null ? {} : { operationType: c.operation_type }),
    })),
  };
}

/**
 * The domain's named metrics per unit from the stored hazard cards, tips, inspections and
 * enforcement measures and training register (computeLedgerMetrics). Cards are named by their 隐患编号 (the card id until
 * registration) so the unit's trace cites cards people can find; tips by tipSourceName,
 * inspections by inspectionSourceName, measures by measureSourceName.
 */
export async function computeStoredLedgerMetrics(db: Kysely<DB>, units: readonly MetricUnit[], period: LedgerPeriod): Promise<Record<string, UnitMetrics>> {
  const ids = units.map((u) => u.id);
  const [rows, tipRows, inspectionRows, measureRows, training] = await Promise.all([
    listMetricHazards(db, ids, period.from, period.to), listMetricTips(db, ids, period.from, period.to),
    listMetricInspections(db, ids, period.from, period.to), listMetricMeasures(db, ids, period.from, period.to),
    listMetricTraining(db, ids),
  ]);
  const hazards = rows.map((r) => hazardRecordOf({
    id: r.number ?? r.id, territorialUnitId: r.territorial_unit_id, regulatingUnitId: r.regulating_unit_id, state: r.state as HazardCard['state'],
    grade: (r.grade ?? undefined) as HazardGrade | undefined, foundOn: r.found_on, rectificationDeadline: r.rectification_deadline ?? undefined,
    acceptanceAppliedOn: r.acceptance_applied_on ?? undefined, closedOn: r.closed_on ?? undefined,
  }));
  const tips = tipRows.map((r) => ({
    id: tipSourceName(r), assignedUnitId: r.assigned_unit_id!, receivedOn: r.received_on, extensionApproved: r.extension_approved === 1,
    ...(r.verified_on === null ? {} : { verifiedOn: r.verified_on }), ...(r.replied_on === null ? {} : { repliedOn: r.replied_on }),
    reporterReachable: r.reporter_reachable === 1,
  }));
  const inspections = inspectionRows.map((r) => ({
    id: inspectionSourceName(r), enterpriseId: r.enterprise_id, territorialUnitId: r.territorial_unit_id, regulatingUnitId: r.regulating_unit_id,
    inspectedOn: r.inspected_on!,
  }));
  return computeLedgerMetrics(units, period, {
    hazards, inspections, tips,
    enforcementMeasures: measureRows.map((r) => ({
      id: measureSourceName(r), type: r.type as MeasureType, territorialUnitId: r.territorial_unit_id, regulatingUnitId: r.regulating_unit_id, startedOn: r.started_on!,
    })),
    training: trainingInputs(training),
  });
}
