import { describe, expect, it } from 'vitest';
import {
  campaignDateEditable, campaignDateFields, changeCampaignDates, type CampaignDateField, type CampaignDates, type CampaignDatesChange,
} from '../../../src/domain/workflow/campaign-dates';
import { campaignStates, teamsChangeable, type CampaignState } from '../../../src/domain/workflow/campaign-state';

describe('campaignDateEditable: a date may change until its phase has passed', () => {
  // Columns: agreementDue, selfAssessmentDue, assessmentEnds, publicityDays, monthlyReportGraceDays.
  const table: [CampaignState, boolean, boolean, boolean, boolean, boolean][] = [
    ['preparation', true, true, true, true, true],
    ['signing', true, true, true, true, true],
    ['inProgress', false, true, true, true, true],
    ['selfAssessment', false, true, true, true, true],
    ['assessment', false, false, true, true, true],
    ['officeReview', false, false, false, true, false],
    ['committeeApproval', false, false, false, true, false],
    ['publicity', false, false, false, false, false],
    ['published', false, false, false, false, false],
  ];
  it.each(table)('%s → %s %s %s %s %s', (state, ...expected) => {
    expect(campaignDateFields.map((f) => campaignDateEditable(state, f))).toEqual(expected);
  });
  it('covers every state, and no unknown one', () => {
    expect(table.map(([s]) => s)).toEqual([...campaignStates]);
    for (const f of campaignDateFields) expect(campaignDateEditable('archived', f)).toBe(false);
  });
});

describe('teamsChangeable: teams change until the scores go to review', () => {
  const table: [CampaignState, boolean][] = [
    ['preparation', true], ['signing', true], ['inProgress', true], ['selfAssessment', true], ['assessment', true],
    ['officeReview', false], ['committeeApproval', false], ['publicity', false], ['published', false],
  ];
  it.each(table)('%s → %s', (state, expected) => expect(teamsChangeable(state)).toBe(expected));
  it('covers every state, and no unknown one', () => {
    expect(table.map(([s]) => s)).toEqual([...campaignStates]);
    expect(teamsChangeable('archived')).toBe(false);
  });
});

describe('changeCampaignDates', () => {
  const current: CampaignDates = { agreementDue: '2014-03-31', selfAssessmentDue: '2014-12-20', assessmentEnds: '2015-01-10', publicityDays: null, monthlyReportGraceDays: 2 };
  // The 2014 campaign changed on 2014-06-15: January to May have ended, June to December not.
  const asOf = { year: 2014, today: '2014-06-15' };
  type Row = [string, CampaignState, CampaignDatesChange, { field: CampaignDateField; message: string } | { changed: CampaignDateField[]; dates: Partial<CampaignDates> }];
  const table: Row[] = [
    ['moves the self-assessment deadline in self-assessment', 'selfAssessment', { selfAssessmentDue: '2014-12-25' },
      { changed: ['selfAssessmentDue'], dates: { selfAssessmentDue: '2014-12-25' } }],
    ['a field with its current value is no change, even when its phase has passed', 'assessment', { agreementDue: '2014-03-31', assessmentEnds: '2015-01-15' },
      { changed: ['assessmentEnds'], dates: { agreementDue: '2014-03-31', assessmentEnds: '2015-01-15' } }],
    ['clears a date', 'preparation', { assessmentEnds: null }, { changed: ['assessmentEnds'], dates: { assessmentEnds: null } }],
    ['plans the publicity days before approval', 'committeeApproval', { publicityDays: 7 }, { changed: ['publicityDays'], dates: { publicityDays: 7 } }],
    ['the same day for two deadlines is in order', 'preparation', { selfAssessmentDue: '2014-03-31' }, { changed: ['selfAssessmentDue'], dates: { selfAssessmentDue: '2014-03-31' } }],
    ['refuses the agreement deadline once the year runs', 'inProgress', { agreementDue: '2014-04-30' },
      { field: 'agreementDue', message: '考核活动已处于“年度执行”阶段，责任书签订截止日期不能再修改' }],
    ['refuses the self-assessment deadline in assessment', 'assessment', { selfAssessmentDue: '2014-12-28' },
      { field: 'selfAssessmentDue', message: '考核活动已处于“考核评分”阶段，单位自评截止日期不能再修改' }],
    ['refuses the scoring deadline in review', 'officeReview', { assessmentEnds: '2015-01-20' },
      { field: 'assessmentEnds', message: '考核活动已处于“安委办审核”阶段，考核评分截止日期不能再修改' }],
    ['refuses the publicity days once approved', 'publicity', { publicityDays: 10 },
      { field: 'publicityDays', message: '考核活动已处于“结果公示”阶段，公示天数不能再修改' }],
    ['refuses self-assessment due before agreements are due', 'signing', { selfAssessmentDue: '2014-03-01' },
      { field: 'selfAssessmentDue', message: '单位自评截止日期（2014-03-01）不能早于责任书签订截止日期（2014-03-31）' }],
    ['refuses an agreement deadline after self-assessment is due', 'signing', { agreementDue: '2014-12-31' },
      { field: 'agreementDue', message: '责任书签订截止日期（2014-12-31）不能晚于单位自评截止日期（2014-12-20）' }],
    ['refuses scoring ending before self-assessment is due', 'selfAssessment', { assessmentEnds: '2014-12-01' },
      { field: 'assessmentEnds', message: '考核评分截止日期（2014-12-01）不能早于单位自评截止日期（2014-12-20）' }],
    ['checks the order over a cleared middle date', 'preparation', { selfAssessmentDue: null, assessmentEnds: '2014-03-01' },
      { field: 'assessmentEnds', message: '考核评分截止日期（2014-03-01）不能早于责任书签订截止日期（2014-03-31）' }],
    ['refuses a day that is not in the calendar', 'preparation', { agreementDue: '2014-02-30' }, { field: 'agreementDue', message: '责任书签订截止日期不是有效的日期' }],
    ['refuses publicity of 0 days', 'preparation', { publicityDays: 0 }, { field: 'publicityDays', message: '公示天数应为 1 至 30 的整数' }],
    ['refuses publicity of 31 days', 'preparation', { publicityDays: 31 }, { field: 'publicityDays', message: '公示天数应为 1 至 30 的整数' }],
    ['refuses publicity of half a day', 'preparation', { publicityDays: 2.5 }, { field: 'publicityDays', message: '公示天数应为 1 至 30 的整数' }],
    ['sets the monthly report rule to month end itself', 'preparation', { monthlyReportGraceDays: 0 },
      { changed: ['monthlyReportGraceDays'], dates: { monthlyReportGraceDays: 0 } }],
    ['changes the monthly report rule mid-year, for the months not yet ended', 'selfAssessment', { monthlyReportGraceDays: 15 },
      { changed: ['monthlyReportGraceDays'], dates: { monthlyReportGraceDays: 15 } }],
    ['refuses a negative monthly report rule', 'inProgress', { monthlyReportGraceDays: -1 },
      { field: 'monthlyReportGraceDays', message: '月报报送期限应为月末后 0 至 15 日的整数' }],
    ['refuses a monthly report rule of 16 days', 'inProgress', { monthlyReportGraceDays: 16 },
      { field: 'monthlyReportGraceDays', message: '月报报送期限应为月末后 0 至 15 日的整数' }],
    ['refuses a monthly report rule of half a day', 'inProgress', { monthlyReportGraceDays: 1.5 },
      { field: 'monthlyReportGraceDays', message: '月报报送期限应为月末后 0 至 15 日的整数' }],
    ['refuses clearing the monthly report rule', 'inProgress', { monthlyReportGraceDays: null },
      { field: 'monthlyReportGraceDays', message: '月报报送期限应为月末后 0 至 15 日的整数' }],
    ['refuses the monthly report rule once scores go to review', 'officeReview', { monthlyReportGraceDays: 3 },
      { field: 'monthlyReportGraceDays', message: '考核活动已处于“安委办审核”阶段，月报报送期限不能再修改' }],
  ];
  it.each(table)('%s', (_name, state, change, expected) => {
    const outcome = changeCampaignDates(state, current, change, asOf);
    if ('field' in expected) {
      expect(outcome).toEqual({ ok: false, ...expected });
    } else {
      expect(outcome).toEqual({ ok: true, changed: expected.changed, dates: { ...current, ...expected.dates } });
    }
  });

  it('leaves dates stored out of order alone when neither is touched', () => {
    const stored = { ...current, selfAssessmentDue: '2014-01-01' };
    expect(changeCampaignDates('signing', stored, { publicityDays: 5 }, asOf)).toMatchObject({ ok: true, changed: ['publicityDays'] });
    expect(changeCampaignDates('signing', stored, { assessmentEnds: '2015-01-11' }, asOf)).toMatchObject({ ok: true });
    expect(changeCampaignDates('signing', stored, { selfAssessmentDue: '2014-02-01' }, asOf)).toMatchObject({ ok: false, field: 'selfAssessmentDue' });
  });

  it('changes the monthly report rule while December has not ended, not after', () => {
    expect(changeCampaignDates('assessment', current, { monthlyReportGraceDays: 5 }, { year: 2014, today: '2014-12-31' })).toMatchObject({ ok: true });
    expect(changeCampaignDates('assessment', current, { monthlyReportGraceDays: 5 }, { year: 2014, today: '2015-01-01' })).toEqual({
      ok: false, field: 'monthlyReportGraceDays', message: '2014年各月均已结束，各月报已按原期限报送或逾期，月报报送期限不能再修改',
    });
    // The rule as it is is no change, whenever it is given; a year not yet begun may take any rule.
    expect(changeCampaignDates('assessment', current, { monthlyReportGraceDays: 2 }, { year: 2014, today: '2015-01-01' })).toMatchObject({ ok: true, changed: [] });
    expect(changeCampaignDates('preparation', current, { monthlyReportGraceDays: 5 }, { year: 2015, today: '2014-11-20' })).toMatchObject({ ok: true });
  });
});
