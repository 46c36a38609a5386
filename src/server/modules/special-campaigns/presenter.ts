import type { Action, Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { CampaignPhase, CampaignTask, ProgressReport, SpecialCampaign } from '../../../domain/ledgers/training/campaign-progress';
import { campaignProgress } from '../../../domain/ledgers/training/campaign-progress';
import { hundredthsToPercent } from '../../../domain/ledgers/shared/rate';
import type { ProgressReportView, SpecialCampaignDetail, SpecialCampaignSummary, SpecialCampaignView } from '../../../shared/schemas/special-campaign';
import { specialCampaignKindLabels } from '../../../shared/schemas/special-campaign';
import type { ProgressReportRow, SpecialCampaignRow } from './repository';

export function campaignOf(row: SpecialCampaignRow): SpecialCampaign {
  return { id: row.id, nameZh: row.name, phases: JSON.parse(row.phases_json) as CampaignPhase[], tasks: JSON.parse(row.tasks_json) as CampaignTask[] };
}

/** The whole campaign: the office (and leaders, reading) of its organisation. */
export function canOnWholeCampaign(actor: Actor, action: Action, row: { organisation_path: string }): boolean {
  return can(actor, action, { organisationPath: row.organisation_path, unitId: null });
}

/** The units whose tasks the actor may see (or report on): every unit for the office, its own for a liaison. */
export function unitsFor(actor: Actor, action: Action, row: SpecialCampaignRow): Set<string> {
  const units = new Set(campaignOf(row).tasks.map((t) => t.unitId));
  if (canOnWholeCampaign(actor, action, row)) return units;
  return new Set([...units].filter((unitId) => can(actor, action, { organisationPath: row.organisation_path, unitId })));
}

export function canReadCampaign(actor: Actor, row: SpecialCampaignRow): boolean {
  return canOnWholeCampaign(actor, 'specialCampaign.read', row) || unitsFor(actor, 'specialCampaign.read', row).size > 0;
}

export function reportOf(r: ProgressReportRow): ProgressReport {
  return { id: r.id, taskId: r.task_id, reportedOn: r.reported_on, completed: r.completed === 1, ...(r.summary === null ? {} : { summaryZh: r.summary }) };
}

export function toCampaignView(row: SpecialCampaignRow, names: ReadonlyMap<string, string>, actor: Actor): SpecialCampaignView {
  const c = campaignOf(row);
  const visible = unitsFor(actor, 'specialCampaign.read', row);
  return {
    id: row.id, organisationId: row.organisation_id, name: row.name, kind: row.kind as SpecialCampaignView['kind'],
    kindLabel: specialCampaignKindLabels[row.kind as SpecialCampaignView['kind']], startsOn: row.starts_on, endsOn: row.ends_on,
    phases: c.phases.map((p) => ({ key: p.key, name: p.nameZh, from: p.from, to: p.to })),
    tasks: c.tasks.filter((t) => visible.has(t.unitId)).map((t) => ({
      id: t.id, unitId: t.unitId, unitName: names.get(t.unitId) ?? t.unitId, phaseKey: t.phaseKey, title: t.titleZh, dueOn: t.dueOn,
    })),
    version: row.version,
  };
}

function toReportView(r: ProgressReportRow): ProgressReportView {
  return { id: r.id, unitId: r.unit_id, taskId: r.task_id, reportedOn: r.reported_on, completed: r.completed === 1, summary: r.summary, note: r.note, late: r.late === 1 };
}

/** The campaign with its progress at `now` (campaignProgress), as far as the actor's units go. */
export function toCampaignSummary(row: SpecialCampaignRow, reports: readonly ProgressReportRow[], names: ReadonlyMap<string, string>, actor: Actor, now: Date): SpecialCampaignSummary {
  const c = campaignOf(row);
  const visible = unitsFor(actor, 'specialCampaign.read', row);
  const progress = campaignProgress(c, reports.map(reportOf), now);
  return {
    ...toCampaignView(row, names, actor),
    progress: {
      today: progress.today,
      currentPhaseKey: progress.currentPhaseKey,
      currentPhaseName: c.phases.find((p) => p.key === progress.currentPhaseKey)?.nameZh ?? null,
      units: progress.units.filter((u) => visible.has(u.unitId)).map((u) => ({
        unitId: u.unitId, unitName: names.get(u.unitId) ?? u.unitId, tasks: u.tasks, completed: u.completed, completedOnTime: u.completedOnTime,
        overdueTaskIds: [...u.overdueTaskIds], completionRate: u.completionHundredths === null ? null : hundredthsToPercent(u.completionHundredths),
      })),
    },
  };
}

/** The summary with the reports the actor's units may see. */
export function toCampaignDetail(row: SpecialCampaignRow, reports: readonly ProgressReportRow[], names: ReadonlyMap<string, string>, actor: Actor, now: Date): SpecialCampaignDetail {
  const visible = unitsFor(actor, 'specialCampaign.read', row);
  return { ...toCampaignSummary(row, reports, names, actor, now), reports: reports.filter((r) => visible.has(r.unit_id)).map(toReportView) };
}
