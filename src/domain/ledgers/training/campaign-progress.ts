// 专项行动 (安全生产月, 六打六治, winter hazard campaign …): time-boxed phases, tasks given to units,
// and their progress reports. A task is done when a report marks it completed; on time when that
// report is dated on or before the task's due day; overdue when not done after its due day.

import type { Instant, LocalDate } from '../shared/dates.ts';
import { chinaDateOf, isLocalDate } from '../shared/dates.ts';
import { rateHundredths } from '../shared/rate.ts';

export interface CampaignPhase {
  readonly key: string;
  /** e.g. 动员部署、自查自改、督导检查、总结提升 */
  readonly nameZh: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface CampaignTask {
  readonly id: string;
  readonly unitId: string;
  readonly phaseKey: string;
  readonly titleZh: string;
  readonly dueOn: LocalDate;
}

export interface SpecialCampaign {
  readonly id: string;
  readonly nameZh: string;
  readonly phases: readonly CampaignPhase[];
  readonly tasks: readonly CampaignTask[];
}

export interface ProgressReport {
  readonly id: string;
  readonly taskId: string;
  readonly reportedOn: LocalDate;
  readonly completed: boolean;
  readonly summaryZh?: string;
}

/** Every problem in a campaign's plan: phases in order without overlap, tasks due inside their phase. */
export function validateCampaign(c: SpecialCampaign): string[] {
  const errors: string[] = [];
  if (c.phases.length === 0) errors.push(`“${c.nameZh}”没有阶段安排。`);
  const keys = new Set<string>();
  c.phases.forEach((p, i) => {
    if (keys.has(p.key)) errors.push(`阶段“${p.nameZh}”的标识重复。`);
    keys.add(p.key);
    if (!isLocalDate(p.from) || !isLocalDate(p.to) || p.to < p.from) errors.push(`阶段“${p.nameZh}”的起止日期无效。`);
    const prev = c.phases[i - 1];
    if (prev && p.from <= prev.to) errors.push(`阶段“${p.nameZh}”（${p.from}起）与上一阶段“${prev.nameZh}”（至${prev.to}）重叠或顺序颠倒。`);
  });
  const taskIds = new Set<string>();
  for (const t of c.tasks) {
    if (taskIds.has(t.id)) errors.push(`任务标识重复：${t.id}。`);
    taskIds.add(t.id);
    const phase = c.phases.find((p) => p.key === t.phaseKey);
    if (!phase) errors.push(`任务“${t.titleZh}”所属阶段不存在。`);
    else if (!isLocalDate(t.dueOn) || t.dueOn < phase.from || t.dueOn > phase.to) {
      errors.push(`任务“${t.titleZh}”的完成期限${t.dueOn}不在阶段“${phase.nameZh}”（${phase.from}至${phase.to}）内。`);
    }
  }
  return errors;
}

export interface UnitCampaignProgress {
  readonly unitId: string;
  readonly tasks: number;
  readonly completed: number;
  readonly completedOnTime: number;
  readonly overdueTaskIds: readonly string[];
  /** completed ÷ tasks in integer hundredths of a percent; null for a unit without tasks. */
  readonly completionHundredths: number | null;
  readonly sources: readonly string[];
}

export interface CampaignProgress {
  readonly today: LocalDate;
  /** The phase `today` falls in; null before, between or after the phases. */
  readonly currentPhaseKey: string | null;
  readonly units: readonly UnitCampaignProgress[];
}

export function campaignProgress(c: SpecialCampaign, reports: readonly ProgressReport[], now: Date | Instant): CampaignProgress {
  const today = chinaDateOf(now);
  const current = c.phases.find((p) => p.from <= today && today <= p.to)?.key ?? null;
  // The earliest completing report counts (a later one repeating "done" does not make it late).
  const doneOn = new Map<string, LocalDate>();
  for (const r of reports) {
    if (!r.completed || r.reportedOn > today) continue;
    const prev = doneOn.get(r.taskId);
    if (prev === undefined || r.reportedOn < prev) doneOn.set(r.taskId, r.reportedOn);
  }
  const byUnit = new Map<string, CampaignTask[]>();
  for (const t of c.tasks) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);
  const units: UnitCampaignProgress[] = [...byUnit.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([unitId, tasks]) => {
      let completed = 0;
      let onTime = 0;
      const overdue: string[] = [];
      for (const t of tasks) {
        const d = doneOn.get(t.id);
        if (d !== undefined) {
          completed += 1;
          if (d <= t.dueOn) onTime += 1;
        } else if (today > t.dueOn) overdue.push(t.id);
      }
      return {
        unitId,
        tasks: tasks.length,
        completed,
        completedOnTime: onTime,
        overdueTaskIds: overdue.sort(),
        completionHundredths: tasks.length === 0 ? null : rateHundredths(completed, tasks.length),
        sources: tasks.map((t) => t.id).sort(),
      };
    });
  return { today, currentPhaseKey: current, units };
}
