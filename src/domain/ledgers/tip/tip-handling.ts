// The order in which a tip is handled: 受理 → 交办 → 核查 → 答复 (and 奖励 after a verified 核查),
// with one extension of the handling period.
//
// 安全生产举报奖励办法（安监总财〔2012〕63号）第十一条第六项: a tip is handled (办结) within 60 days;
// a complex case may be extended once, with the reporter told why. 第十条第三项: the reporter is
// told the result of the verification — so a reply follows the verification, and an anonymous
// reporter who left no way to be reached cannot be answered. A reward is decided only for a
// verified tip (tip-reward.ts). Each check returns a Refusal with the Chinese reason, or null.

import type { LocalDate } from '../shared/dates.ts';
import type { Refusal } from '../shared/result.ts';
import { refuse } from '../shared/result.ts';
import type { TipDeadlineRules } from './tip-deadlines.ts';
import { TIP_DEADLINES_2012, tipDeadlines } from './tip-deadlines.ts';

export interface TipProgress {
  readonly receivedOn: LocalDate;
  readonly assignedUnitId: string | null;
  readonly extensionApproved: boolean;
  readonly verifiedOn: LocalDate | null;
  readonly verified: boolean | null;
  readonly repliedOn: LocalDate | null;
  readonly reporterReachable: boolean;
  readonly rewardDecided: boolean;
}

/** Where a tip stands, for the register's state filter and labels. */
export type TipStage = 'received' | 'assigned' | 'verified' | 'replied';

export const TIP_STAGE_ZH: Readonly<Record<TipStage, string>> = {
  received: '已受理',
  assigned: '已交办',
  verified: '已核查',
  replied: '已答复',
};

export function tipStage(tip: TipProgress): TipStage {
  if (tip.repliedOn !== null) return 'replied';
  if (tip.verifiedOn !== null) return 'verified';
  if (tip.assignedUnitId !== null) return 'assigned';
  return 'received';
}

/** 延期: once, while the tip is still being handled and before the handling period has run out. */
export function checkTipExtension(tip: TipProgress, on: LocalDate, rules: TipDeadlineRules = TIP_DEADLINES_2012): Refusal | null {
  if (tip.extensionApproved) return refuse('tip.wrongOrder', '该举报已延期一次，按规定只能延期一次（安监总财〔2012〕63号第十一条第六项）。');
  if (tip.verifiedOn !== null) return refuse('tip.wrongOrder', '该举报已核查完毕，无需延期。');
  const { handlingDueOn } = tipDeadlines({ receivedOn: tip.receivedOn }, rules);
  if (on > handlingDueOn) return refuse('tip.timeOrder', `办理期限已于${handlingDueOn}届满，不能再批准延期。`);
  return null;
}

/** 核查: by the unit it was assigned to (or the office), once, not before the tip was received. */
export function checkTipVerification(tip: TipProgress, on: LocalDate): Refusal | null {
  if (tip.assignedUnitId === null) return refuse('tip.wrongOrder', '举报尚未交办，不能登记核查结果。');
  if (tip.verifiedOn !== null) return refuse('tip.wrongOrder', `该举报已于${tip.verifiedOn}登记核查结果。`);
  if (on < tip.receivedOn) return refuse('tip.timeOrder', `核查日期${on}早于受理日期${tip.receivedOn}。`);
  return null;
}

/** 答复: the reporter is told the result of the verification, so only after it, and only once. */
export function checkTipReply(tip: TipProgress, on: LocalDate): Refusal | null {
  if (!tip.reporterReachable) return refuse('tip.wrongOrder', '匿名举报未留联系方式，无法答复举报人。');
  if (tip.verifiedOn === null) return refuse('tip.wrongOrder', '举报尚未核查，答复须告知核查结果（安监总财〔2012〕63号第十条第三项）。');
  if (tip.repliedOn !== null) return refuse('tip.wrongOrder', `已于${tip.repliedOn}答复举报人。`);
  if (on < tip.verifiedOn) return refuse('tip.timeOrder', `答复日期${on}早于核查日期${tip.verifiedOn}。`);
  return null;
}

/** 奖励: decided once, for a tip whose verification has ended. */
export function checkTipRewardDecision(tip: TipProgress): Refusal | null {
  if (tip.verifiedOn === null) return refuse('tip.wrongOrder', '举报尚未核查，不能核定奖励。');
  if (tip.rewardDecided) return refuse('tip.wrongOrder', '该举报的奖励已核定。');
  return null;
}
