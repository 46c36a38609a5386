import { describe, expect, it } from 'vitest';
import { progressReportCreateSchema, specialCampaignCreateSchema } from '../../src/shared/schemas/special-campaign';
import type { SpecialCampaignDetail } from '../../src/shared/schemas/special-campaign';
import {
  campaignBody, campaignErrorText, planProblems, progressBody, progressText, taskRows,
} from '../../src/web/pages/special-campaigns/campaign-form';

const values = {
  name: ' 2027年安全生产月 ', kind: 'safetyMonth' as const,
  phases: [{ name: ' 动员部署 ', from: '2027-06-01', to: '2027-06-07' }, { name: '自查自改', from: '2027-06-08', to: '2027-06-30' }],
  tasks: [
    { unitId: 'wangcun', phase: 1, title: ' 组织企业自查 ', dueOn: '2027-06-20' },
    { unitId: '', phase: 0, title: ' ', dueOn: '' },
  ],
};

describe('the special-campaign forms', () => {
  it('a plan: phases keyed by their place, a task\'s phase by its row, blank task rows dropped', () => {
    const body = campaignBody(values, 'zhoucun');
    expect(body).toEqual({
      organisationId: 'zhoucun', name: '2027年安全生产月', kind: 'safetyMonth',
      phases: [{ key: 'phase-1', name: '动员部署', from: '2027-06-01', to: '2027-06-07' }, { key: 'phase-2', name: '自查自改', from: '2027-06-08', to: '2027-06-30' }],
      tasks: [{ unitId: 'wangcun', phaseKey: 'phase-2', title: '组织企业自查', dueOn: '2027-06-20' }],
    });
    expect(specialCampaignCreateSchema.safeParse(body).success).toBe(true);
    expect(planProblems(body)).toEqual([]);
  });

  it('overlapping phases and a task due outside its phase are each named, in the rule\'s words', () => {
    const body = campaignBody({
      ...values,
      phases: [values.phases[0]!, { name: '自查自改', from: '2027-06-07', to: '2027-06-30' }],
      tasks: [{ unitId: 'wangcun', phase: 0, title: '召开动员会', dueOn: '2027-06-10' }],
    }, 'zhoucun');
    expect(planProblems(body)).toEqual([
      '阶段“自查自改”（2027-06-07起）与上一阶段“动员部署”（至2027-06-07）重叠或顺序颠倒。',
      '任务“召开动员会”的完成期限2027-06-10不在阶段“动员部署”（2027-06-01至2027-06-07）内。',
    ]);
  });

  it('a server refusal reads without field codes', () => {
    expect(campaignErrorText('请求体字段“phases”“tasks”：“x”没有阶段安排。')).toBe('阶段安排和任务：“x”没有阶段安排。');
    expect(campaignErrorText('请求体字段“tasks.0.unitId”：单位“zz”不存在或不属于本地区。')).toBe('任务第1项的承担任务的单位：单位“zz”不存在或不属于本地区。');
  });

  it('a progress report: blank text left out', () => {
    const body = progressBody('t1', { completed: true, summary: ' 已完成自查 ', note: ' ', reportedOn: '2027-06-19' });
    expect(body).toEqual({ taskId: 't1', completed: true, summary: '已完成自查', reportedOn: '2027-06-19' });
    expect(progressReportCreateSchema.safeParse(body).success).toBe(true);
    expect(progressBody('t1', {})).toEqual({ taskId: 't1', completed: false });
  });

  it('each task\'s standing: the first completing report counts (late by its flag), otherwise overdue or open', () => {
    const c: SpecialCampaignDetail = {
      id: 'c1', organisationId: 'zhoucun', name: '冬季整治', kind: 'winterHazard', kindLabel: '冬季安全隐患排查整治', startsOn: '2026-11-01', endsOn: '2026-12-31',
      phases: [{ key: 'p1', name: '排查', from: '2026-11-01', to: '2026-12-31' }],
      tasks: [
        { id: 'a', unitId: 'wangcun', unitName: '王村镇政府', phaseKey: 'p1', title: '排查燃气', dueOn: '2026-11-30' },
        { id: 'b', unitId: 'wangcun', unitName: '王村镇政府', phaseKey: 'p1', title: '排查锅炉', dueOn: '2026-11-30' },
        { id: 'c', unitId: 'beijiao', unitName: '北郊镇政府', phaseKey: 'p1', title: '排查仓库', dueOn: '2026-11-20' },
        { id: 'd', unitId: 'beijiao', unitName: '北郊镇政府', phaseKey: 'p1', title: '总结', dueOn: '2026-12-30' },
      ],
      version: 1,
      progress: {
        today: '2026-12-07', currentPhaseKey: 'p1', currentPhaseName: '排查',
        units: [
          { unitId: 'wangcun', unitName: '王村镇政府', tasks: 2, completed: 2, completedOnTime: 1, overdueTaskIds: [], completionRate: 100 },
          { unitId: 'beijiao', unitName: '北郊镇政府', tasks: 2, completed: 0, completedOnTime: 0, overdueTaskIds: ['c'], completionRate: 0 },
        ],
      },
      reports: [
        { id: 'r2', unitId: 'wangcun', taskId: 'a', reportedOn: '2026-11-28', completed: true, summary: '已完成', note: null, late: false },
        { id: 'r1', unitId: 'wangcun', taskId: 'a', reportedOn: '2026-11-10', completed: false, summary: '正在排查', note: null, late: false },
        { id: 'r3', unitId: 'wangcun', taskId: 'b', reportedOn: '2026-12-02', completed: true, summary: null, note: null, late: true },
      ],
    };
    const rows = taskRows(c);
    expect(rows.map((r) => r.standing)).toEqual(['onTime', 'late', 'overdue', 'open']);
    expect(rows[0]).toMatchObject({ phaseName: '排查', reports: 2, lastReport: { reportedOn: '2026-11-28', summary: '已完成' } });
    expect(rows[3]).toMatchObject({ lastReport: null, reports: 0 });
    expect(progressText(c)).toBe('完成 2/4 项，逾期 1 项');
    expect(progressText({ progress: { ...c.progress, units: [] } })).toBe('尚无任务');
  });
});
