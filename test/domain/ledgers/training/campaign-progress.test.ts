import { describe, expect, it } from 'vitest';
import type { SpecialCampaign } from '../../../../src/domain/ledgers/training/campaign-progress.ts';
import { campaignProgress, validateCampaign } from '../../../../src/domain/ledgers/training/campaign-progress.ts';

// Shandong's winter hazard campaign, Dec 2014 – Mar 2015 (primer §7), in three phases.
const campaign: SpecialCampaign = {
  id: 'winter-2014',
  nameZh: '冬季安全隐患大排查大整治',
  phases: [
    { key: 'mobilise', nameZh: '动员部署', from: '2014-12-01', to: '2014-12-10' },
    { key: 'fix', nameZh: '排查整治', from: '2014-12-11', to: '2015-02-28' },
    { key: 'review', nameZh: '总结验收', from: '2015-03-01', to: '2015-03-31' },
  ],
  tasks: [
    { id: 'k1', unitId: 'T1', phaseKey: 'mobilise', titleZh: '制定实施方案', dueOn: '2014-12-10' },
    { id: 'k2', unitId: 'T1', phaseKey: 'fix', titleZh: '完成辖区企业排查', dueOn: '2015-01-31' },
    { id: 'k3', unitId: 'T1', phaseKey: 'review', titleZh: '上报总结', dueOn: '2015-03-31' },
    { id: 'k4', unitId: 'D1', phaseKey: 'mobilise', titleZh: '制定实施方案', dueOn: '2014-12-10' },
  ],
};

describe('validateCampaign', () => {
  it('accepts a sound plan', () => {
    expect(validateCampaign(campaign)).toEqual([]);
  });

  it('names overlapping phases and tasks due outside their phase', () => {
    const bad: SpecialCampaign = {
      ...campaign,
      phases: [campaign.phases[0]!, { ...campaign.phases[1]!, from: '2014-12-10' }, campaign.phases[2]!],
      tasks: [{ ...campaign.tasks[0]!, dueOn: '2014-12-11' }, { ...campaign.tasks[1]!, phaseKey: 'nope' }],
    };
    expect(validateCampaign(bad)).toEqual([
      '阶段“排查整治”（2014-12-10起）与上一阶段“动员部署”（至2014-12-10）重叠或顺序颠倒。',
      '任务“制定实施方案”的完成期限2014-12-11不在阶段“动员部署”（2014-12-01至2014-12-10）内。',
      '任务“完成辖区企业排查”所属阶段不存在。',
    ]);
  });
});

describe('campaignProgress', () => {
  const reports = [
    { id: 'r1', taskId: 'k1', reportedOn: '2014-12-09', completed: true },
    { id: 'r2', taskId: 'k2', reportedOn: '2015-01-20', completed: false },
    { id: 'r3', taskId: 'k2', reportedOn: '2015-02-03', completed: true },
    { id: 'r4', taskId: 'k1', reportedOn: '2014-12-20', completed: true },
  ];

  it('on 2015-02-01 (China time): T1 has 1 of 3 done, k2 overdue; D1 has k4 overdue', () => {
    const p = campaignProgress(campaign, reports, '2015-01-31T16:00:00Z');
    expect(p).toEqual({
      today: '2015-02-01',
      currentPhaseKey: 'fix',
      units: [
        { unitId: 'D1', tasks: 1, completed: 0, completedOnTime: 0, overdueTaskIds: ['k4'], completionHundredths: 0, sources: ['k4'] },
        { unitId: 'T1', tasks: 3, completed: 1, completedOnTime: 1, overdueTaskIds: ['k2'], completionHundredths: 3333, sources: ['k1', 'k2', 'k3'] },
      ],
    });
  });

  it('on 2015-03-05: k2 done late (02-03 after 01-31), 2 of 3 = 66.67%', () => {
    const p = campaignProgress(campaign, reports, '2015-03-05T00:00:00Z');
    expect(p.currentPhaseKey).toBe('review');
    expect(p.units.find((u) => u.unitId === 'T1')).toMatchObject({ completed: 2, completedOnTime: 1, overdueTaskIds: [], completionHundredths: 6667 });
  });

  it('outside the phases there is no current phase', () => {
    expect(campaignProgress(campaign, [], '2015-04-02T00:00:00Z').currentPhaseKey).toBeNull();
  });
});
