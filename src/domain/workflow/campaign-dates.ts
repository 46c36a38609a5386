import { campaignStateLabels, campaignStates, type CampaignState } from './campaign-state';
import { graceDaysRange, monthEnded, validGraceDays } from './monthly-report';

/**
 * The dates the office sets for a campaign (primer §2: 责任书签订, 单位自评, 考核评分, 公示) and
 * until when each may still change. A date belongs to a phase of the round; once that phase
 * has passed, the date is history (the reminders, the to-dos and the documents of that phase
 * were given against it), so it is fixed:
 *   - 责任书签订截止 while agreements are signed (until 进入年度执行);
 *   - 单位自评截止 until self-assessment closes (until 开始考核评分);
 *   - 考核评分截止 until scoring closes (until 提交安委办审核);
 *   - 公示天数 (planned) until the committee approves: approval fixes the publicity period;
 *   - 月报报送期限 (月末后 N 日内) while units report (until 考核评分 ends, the December report
 *     comes in January), and only while some month of the year has not yet ended: a change
 *     applies to the months not yet ended, each ended month keeps the rule it fell due under
 *     (monthly-report.ts, monthEnded), so no report already given or due is judged anew.
 */
export const campaignDateFields = ['agreementDue', 'selfAssessmentDue', 'assessmentEnds', 'publicityDays', 'monthlyReportGraceDays'] as const;
export type CampaignDateField = (typeof campaignDateFields)[number];

export const campaignDateLabels: Record<CampaignDateField, string> = {
  agreementDue: '责任书签订截止日期',
  selfAssessmentDue: '单位自评截止日期',
  assessmentEnds: '考核评分截止日期',
  publicityDays: '公示天数',
  monthlyReportGraceDays: '月报报送期限',
};

/** The last state in which each date may change. */
const lastState: Record<CampaignDateField, CampaignState> = {
  agreementDue: 'signing',
  selfAssessmentDue: 'selfAssessment',
  assessmentEnds: 'assessment',
  publicityDays: 'committeeApproval',
  monthlyReportGraceDays: 'assessment',
};

/** Whether the date may still change in this campaign state. */
export function campaignDateEditable(state: CampaignState | string, field: CampaignDateField): boolean {
  const at = (campaignStates as readonly string[]).indexOf(state);
  return at >= 0 && at <= campaignStates.indexOf(lastState[field]);
}

export interface CampaignDates {
  agreementDue: string | null;
  selfAssessmentDue: string | null;
  assessmentEnds: string | null;
  publicityDays: number | null;
  /** 月报报送期限: days after month end (0–15). */
  monthlyReportGraceDays: number;
}

export type CampaignDatesChange = { [F in keyof CampaignDates]?: CampaignDates[F] | null };

/** The campaign's year and the day of the change (ISO date, China time): which months have ended. */
export interface CampaignDatesAsOf { year: number; today: string }

export type CampaignDatesOutcome =
  | { ok: true; dates: CampaignDates; changed: CampaignDateField[] }
  | { ok: false; field: CampaignDateField; message: string };

/** 公示期 of 1 to 30 days, as approval asks (campaign-state.ts, approve). */
const publicityRange = { min: 1, max: 30 } as const;

function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/**
 * Applies a change of dates to a campaign in `state`: every changed field must still be
 * editable, each date a real calendar day, the days in the order of the round (agreements
 * signed before self-assessment is due, self-assessment due before scoring ends) and the
 * publicity 1–30 days, the monthly report rule 0–15 days while a month of the year is still
 * to end. A field given with its current value is no change. Refusals name the field in Chinese.
 */
export function changeCampaignDates(
  state: CampaignState | string, current: CampaignDates, change: CampaignDatesChange, asOf: CampaignDatesAsOf,
): CampaignDatesOutcome {
  const dates: CampaignDates = { ...current };
  const changed: CampaignDateField[] = [];
  for (const field of campaignDateFields) {
    const value = change[field];
    if (value === undefined || value === current[field]) continue;
    const label = campaignDateLabels[field];
    if (!campaignDateEditable(state, field)) {
      const stateLabel = campaignStateLabels[state as CampaignState] ?? state;
      return { ok: false, field, message: `考核活动已处于“${stateLabel}”阶段，${label}不能再修改` };
    }
    if (field === 'monthlyReportGraceDays') {
      if (!validGraceDays(value)) {
        return { ok: false, field, message: `${label}应为月末后 ${graceDaysRange.min} 至 ${graceDaysRange.max} 日的整数` };
      }
      if (monthEnded(asOf.year, 12, asOf.today)) {
        return { ok: false, field, message: `${asOf.year}年各月均已结束，各月报已按原期限报送或逾期，${label}不能再修改` };
      }
      dates.monthlyReportGraceDays = value;
    } else if (field === 'publicityDays') {
      if (value !== null && (typeof value !== 'number' || !Number.isInteger(value) || value < publicityRange.min || value > publicityRange.max)) {
        return { ok: false, field, message: `${label}应为 ${publicityRange.min} 至 ${publicityRange.max} 的整数` };
      }
      dates.publicityDays = value as number | null;
    } else {
      if (value !== null && (typeof value !== 'string' || !isCalendarDay(value))) {
        return { ok: false, field, message: `${label}不是有效的日期` };
      }
      dates[field] = value as string | null;
    }
    changed.push(field);
  }
  const order: [CampaignDateField, CampaignDateField][] = [['agreementDue', 'selfAssessmentDue'], ['selfAssessmentDue', 'assessmentEnds'], ['agreementDue', 'assessmentEnds']];
  for (const [earlier, later] of order) {
    const a = dates[earlier] as string | null;
    const b = dates[later] as string | null;
    // Dates stored out of order before this check existed are refused only when one is touched.
    if (a === null || b === null || a <= b || (!changed.includes(earlier) && !changed.includes(later))) continue;
    // Name the field that was changed (the one the user can correct), the later one when both were.
    const field = changed.includes(later) ? later : earlier;
    return field === later
      ? { ok: false, field, message: `${campaignDateLabels[later]}（${b}）不能早于${campaignDateLabels[earlier]}（${a}）` }
      : { ok: false, field, message: `${campaignDateLabels[earlier]}（${a}）不能晚于${campaignDateLabels[later]}（${b}）` };
  }
  return { ok: true, dates, changed };
}
