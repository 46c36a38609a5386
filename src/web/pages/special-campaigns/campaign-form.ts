import { validateCampaign } from '../../../domain/ledgers/training/campaign-progress';
import type { ProgressReportCreate, SpecialCampaignCreate, SpecialCampaignDetail, SpecialCampaignSummary } from '../../../shared/schemas/special-campaign';
import { withFieldNames } from '../../field-errors';

/**
 * The special-campaign pages' forms as data → request bodies, the plan checked by the domain's
 * own `validateCampaign` before sending (docs/ledgers.md §7), and a task's standing read back from
 * the campaign's progress and reports.
 */
const trimmed = (v: string | undefined | null) => (v ?? '').trim();

export interface CampaignFormValues {
  name?: string;
  kind?: SpecialCampaignCreate['kind'];
  phases?: { name?: string; from?: string; to?: string }[];
  tasks?: { unitId?: string; phase?: number; title?: string; dueOn?: string }[];
}

/** A phase's key is its place in the plan (阶段1, 阶段2 …): the officer picks a task's phase by its name, never types a key. */
export const phaseKey = (index: number) => `phase-${index + 1}`;

export function campaignBody(v: CampaignFormValues, organisationId: string): SpecialCampaignCreate {
  return {
    organisationId,
    name: trimmed(v.name),
    kind: v.kind ?? 'other',
    phases: (v.phases ?? []).map((p, i) => ({ key: phaseKey(i), name: trimmed(p?.name), from: trimmed(p?.from), to: trimmed(p?.to) })),
    tasks: (v.tasks ?? [])
      .filter((t) => trimmed(t?.title) !== '' || trimmed(t?.unitId) !== '')
      .map((t) => ({ unitId: trimmed(t.unitId), phaseKey: phaseKey(t.phase ?? 0), title: trimmed(t.title), dueOn: trimmed(t.dueOn) })),
  };
}

/** Every problem of the plan, in the rule's words (phases in order without overlap, each task due inside its phase). */
export function planProblems(body: SpecialCampaignCreate): string[] {
  return validateCampaign({
    id: 'new', nameZh: body.name === '' ? '本次专项行动' : body.name,
    phases: body.phases.map((p) => ({ key: p.key, nameZh: p.name, from: p.from, to: p.to })),
    tasks: body.tasks.map((t, i) => ({ id: `task-${i + 1}`, unitId: t.unitId, phaseKey: t.phaseKey, titleZh: t.title, dueOn: t.dueOn })),
  });
}

/** The campaign forms' fields in words, for a server refusal that names one (field-errors.ts). */
export const campaignFieldLabels: Readonly<Record<string, string>> = {
  organisationId: '部署专项行动的组织', name: '专项行动名称', kind: '类型', phases: '阶段安排', tasks: '任务', key: '阶段',
  from: '开始日期', to: '结束日期', unitId: '承担任务的单位', phaseKey: '所属阶段', title: '任务内容', dueOn: '完成期限',
  taskId: '任务', completed: '是否完成', summary: '进展情况', note: '备注', reportedOn: '报送日期', version: '版本',
};

/** A refusal in words: the plan check names two fields at once (“phases”“tasks”), read as one. */
export function campaignErrorText(message: string): string {
  return withFieldNames(message.replace(/请求体字段“phases”“tasks”：/g, '阶段安排和任务：'), campaignFieldLabels);
}

export interface ProgressFormValues {
  completed?: boolean;
  summary?: string;
  note?: string;
  reportedOn?: string;
}

export function progressBody(taskId: string, v: ProgressFormValues): ProgressReportCreate {
  return {
    taskId, completed: v.completed === true,
    ...(trimmed(v.summary) === '' ? {} : { summary: trimmed(v.summary) }),
    ...(trimmed(v.note) === '' ? {} : { note: trimmed(v.note) }),
    ...(trimmed(v.reportedOn) === '' ? {} : { reportedOn: trimmed(v.reportedOn) }),
  };
}

export type TaskStanding = 'onTime' | 'late' | 'overdue' | 'open';
export const taskStandingLabels: Readonly<Record<TaskStanding, string>> = { onTime: '按期完成', late: '逾期完成', overdue: '逾期未完成', open: '未完成' };

export interface TaskRow {
  id: string;
  unitName: string;
  phaseName: string;
  title: string;
  dueOn: string;
  standing: TaskStanding;
  /** The last report's words, if any. */
  lastReport: { reportedOn: string; summary: string | null } | null;
  reports: number;
}

/**
 * Each task as the rule reads it: done on the first completing report (late when that report
 * came after the due day), overdue when not done after its due day (campaignProgress).
 */
export function taskRows(c: SpecialCampaignDetail): TaskRow[] {
  const overdue = new Set(c.progress.units.flatMap((u) => u.overdueTaskIds));
  return c.tasks.map((t) => {
    const reports = c.reports.filter((r) => r.taskId === t.id).sort((a, b) => a.reportedOn.localeCompare(b.reportedOn));
    const done = reports.find((r) => r.completed);
    const standing: TaskStanding = done ? (done.late ? 'late' : 'onTime') : overdue.has(t.id) ? 'overdue' : 'open';
    const last = reports.at(-1);
    return {
      id: t.id, unitName: t.unitName, phaseName: c.phases.find((p) => p.key === t.phaseKey)?.name ?? '—', title: t.title, dueOn: t.dueOn,
      standing, lastReport: last ? { reportedOn: last.reportedOn, summary: last.summary } : null, reports: reports.length,
    };
  });
}

/** A campaign's progress over the units the reader sees: tasks done of all, and how many overdue. */
export function progressText(c: Pick<SpecialCampaignSummary, 'progress'>): string {
  const tasks = c.progress.units.reduce((n, u) => n + u.tasks, 0);
  const done = c.progress.units.reduce((n, u) => n + u.completed, 0);
  const overdue = c.progress.units.reduce((n, u) => n + u.overdueTaskIds.length, 0);
  if (tasks === 0) return '尚无任务';
  return `完成 ${done}/${tasks} 项${overdue > 0 ? `，逾期 ${overdue} 项` : ''}`;
}
