import type { Action, Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { MeasureDeadline } from '../../../domain/ledgers/enforcement/deadlines';
import { enforcementDeadlines, enforcementWarnings } from '../../../domain/ledgers/enforcement/deadlines';
import { flagLabel, measureEnded, measureStageZh, nextEnforcementSteps } from '../../../domain/ledgers/enforcement/next-steps';
import { PROCEDURES, STEP_ZH } from '../../../domain/ledgers/enforcement/procedures';
import type { EnforcementMeasure } from '../../../domain/ledgers/enforcement/record-step';
import { findStep } from '../../../domain/ledgers/enforcement/record-step';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import type { EnforcementDetail, EnforcementView } from '../../../shared/schemas/enforcement';
import { deadlineStatusLabels } from '../../../shared/schemas/enforcement';
import type { listMeasureSteps, MeasureRow } from './repository';

/**
 * Warnings start this long before a legal deadline (the 24 h and 48 h ones are warned about for
 * their whole run; a 15-day disposal from its 13th day).
 */
export const ENFORCEMENT_WARNING_HOURS = 72;

/** A measure belongs to the enterprise's town and its regulating department, like its hazard cards. */
export function canOnMeasure(actor: Actor, action: Action, row: { organisation_path: string; territorial_unit_id: string; regulating_unit_id: string }): boolean {
  return can(actor, action, { organisationPath: row.organisation_path, unitId: row.territorial_unit_id })
    || can(actor, action, { organisationPath: row.organisation_path, unitId: row.regulating_unit_id });
}

export function measureOf(row: { measure_json: string }): EnforcementMeasure {
  return JSON.parse(row.measure_json) as EnforcementMeasure;
}

/** The last instant a 'due' deadline can be met: its instant, or the end of its day in China time. */
function lastMoment(d: MeasureDeadline): string {
  return d.at.length === 10 ? new Date(Date.parse(`${d.at}T23:59:59.999+08:00`)).toISOString() : new Date(d.at).toISOString();
}

/** The columns the register filters on, copied from the domain's record of the measure. */
export function measureColumns(measure: EnforcementMeasure, now: Date) {
  const terminal = PROCEDURES[measure.type].terminal;
  const ended = measure.steps.find((s) => s.step === terminal);
  const started = findStep(measure, 'onSite') ?? findStep(measure, 'execution');
  const running = enforcementDeadlines(measure, now).filter((d) => d.kind === 'due' && (d.status === 'pending' || d.status === 'overdue'));
  const next = ended ? undefined : running.map(lastMoment).sort()[0];
  return {
    decision_number: findStep(measure, 'decision')?.input.documentNumber ?? null,
    started_on: started ? chinaDateOf(started.at) : null,
    ended_on: ended ? chinaDateOf(ended.at) : null,
    last_step: measure.steps[measure.steps.length - 1]?.step ?? null,
    next_due_at: next ?? null,
    measure_json: JSON.stringify(measure),
  };
}

export function toEnforcementView(row: MeasureRow, now: Date): EnforcementView {
  const measure = measureOf(row);
  const ended = measureEnded(measure);
  return {
    id: row.id,
    type: measure.type,
    typeLabel: PROCEDURES[measure.type].nameZh,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    territorialUnitId: row.territorial_unit_id,
    territorialUnitName: row.territorial_unit_name,
    regulatingUnitId: row.regulating_unit_id,
    regulatingUnitName: row.regulating_unit_name,
    emergency: measure.emergency,
    emergencyReason: measure.emergencyReasonZh ?? null,
    legalBasis: measure.legalBasis.map((r) => ({ law: r.law, article: r.article })),
    hazardId: row.hazard_id,
    decisionNumber: row.decision_number,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    ended,
    stage: measureStageZh(measure),
    nextSteps: nextEnforcementSteps(measure).map((s) => ({ step: s, label: STEP_ZH[s] })),
    deadlines: enforcementDeadlines(measure, now).map((d) => ({
      key: d.key, kind: d.kind, at: d.at, status: d.status, statusLabel: deadlineStatusLabels[d.status], label: d.labelZh, basis: d.basisZh,
    })),
    // A measure that has ended owes nothing more: its deadlines are history, not warnings.
    warnings: ended ? [] : enforcementWarnings(measure, now, ENFORCEMENT_WARNING_HOURS).map((w) => ({ key: w.key, level: w.level, message: w.messageZh })),
    version: row.version,
  };
}

type StepRows = Awaited<ReturnType<typeof listMeasureSteps>>;

export function toEnforcementDetail(row: MeasureRow, steps: StepRows, now: Date): EnforcementDetail {
  const measure = measureOf(row);
  return {
    ...toEnforcementView(row, now),
    steps: steps.map((s) => {
      const recorded = measure.steps[s.seq - 1];
      const { step: _step, ...detail } = (recorded?.input ?? {}) as Record<string, unknown>;
      return {
        seq: s.seq, step: s.step, stepLabel: STEP_ZH[s.step as keyof typeof STEP_ZH] ?? s.step, at: s.at, recordedAt: s.recorded_at, summary: s.summary,
        flags: (JSON.parse(s.flags_json) as string[]).map((code) => ({ code, label: flagLabel(code) })),
        detail,
      };
    }),
  };
}
