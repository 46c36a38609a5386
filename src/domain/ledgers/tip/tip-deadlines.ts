// Deadlines to handle a tip and to reply to the reporter.
//
// Defaults (TIP_DEADLINES_2012) follow 安全生产举报奖励办法（安监总财〔2012〕63号）第十一条第六项
// (办结 within 60 days of acceptance; a complex case may be extended once, by at most 30 days,
// with the reporter told why) and 第十条第三项 (the reporter is told the result within 10 days of
// the end of the verification). Local 24-hour lines often promise shorter replies, so the rules are
// a parameter. The reply is due by the earlier of the handling deadline and verification + 10 days.

import type { LocalDate } from '../shared/dates.ts';
import { addDays, chinaDateOf, isLocalDate } from '../shared/dates.ts';
import type { Instant } from '../shared/dates.ts';

export interface TipDeadlineRules {
  readonly handleWithinDays: number;
  readonly extensionDays: number;
  readonly replyWithinDaysAfterVerification: number;
}

export const TIP_DEADLINES_2012: TipDeadlineRules = {
  handleWithinDays: 60,
  extensionDays: 30,
  replyWithinDaysAfterVerification: 10,
};

export interface TipTimeline {
  readonly receivedOn: LocalDate;
  readonly extensionApproved?: boolean;
  /** The day verification ended, when it has. */
  readonly verifiedOn?: LocalDate;
  /** The day the reporter was answered, when they have been. */
  readonly repliedOn?: LocalDate;
  /** Anonymous tips with no way to reach the reporter need no reply. */
  readonly reporterReachable?: boolean;
}

export interface TipDeadlines {
  readonly handlingDueOn: LocalDate;
  readonly replyDueOn: LocalDate;
}

export function tipDeadlines(tip: TipTimeline, rules: TipDeadlineRules = TIP_DEADLINES_2012): TipDeadlines {
  if (!isLocalDate(tip.receivedOn)) throw new RangeError(`受理日期无效：${tip.receivedOn}`);
  const handlingDueOn = addDays(tip.receivedOn, rules.handleWithinDays + (tip.extensionApproved ? rules.extensionDays : 0));
  const afterVerification = tip.verifiedOn === undefined ? undefined : addDays(tip.verifiedOn, rules.replyWithinDaysAfterVerification);
  const replyDueOn = afterVerification !== undefined && afterVerification < handlingDueOn ? afterVerification : handlingDueOn;
  return { handlingDueOn, replyDueOn };
}

export type TipReplyStatus = 'answeredOnTime' | 'answeredLate' | 'pending' | 'overdue' | 'noReplyNeeded';

export function tipReplyStatus(tip: TipTimeline, now: Date | Instant, rules: TipDeadlineRules = TIP_DEADLINES_2012): TipReplyStatus {
  if (tip.reporterReachable === false) return 'noReplyNeeded';
  const { replyDueOn } = tipDeadlines(tip, rules);
  if (tip.repliedOn !== undefined) return tip.repliedOn <= replyDueOn ? 'answeredOnTime' : 'answeredLate';
  return chinaDateOf(now) > replyDueOn ? 'overdue' : 'pending';
}
