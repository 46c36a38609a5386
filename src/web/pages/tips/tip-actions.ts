import type { TipProgress } from '../../../domain/ledgers/tip/tip-handling';
import { checkTipExtension, checkTipReply, checkTipRewardDecision, checkTipVerification } from '../../../domain/ledgers/tip/tip-handling';
import type { TipView } from '../../../shared/schemas/tip';

export type TipAction = 'assign' | 'extend' | 'verify' | 'reply' | 'reward';

export const TIP_ACTION_ZH: Readonly<Record<TipAction, string>> = {
  assign: '交办', extend: '批准延期', verify: '登记核查结果', reply: '答复举报人', reward: '核定奖励',
};

/** The domain's view of where a tip stands, from what the server shows of it. */
export function tipProgressOf(tip: TipView): TipProgress {
  return {
    receivedOn: tip.receivedOn,
    assignedUnitId: tip.assignedUnitId,
    extensionApproved: tip.extension !== null,
    verifiedOn: tip.verification?.verifiedOn ?? null,
    verified: tip.verification?.verified ?? null,
    repliedOn: tip.reply?.repliedOn ?? null,
    reporterReachable: tip.replyStatus !== 'noReplyNeeded',
    rewardDecided: tip.reward?.decided ?? false,
  };
}

/**
 * The handling steps the signed-in account may take today, by the same checks the server makes
 * (tip-handling.ts): the office (安委办) assigns before verification, extends once and decides the
 * reward; the office or the assigned unit verifies and answers the reporter.
 */
export function tipActions(tip: TipView, who: { office: boolean; mayManage: boolean }, today: string): TipAction[] {
  const p = tipProgressOf(tip);
  const out: TipAction[] = [];
  if (who.office && p.verifiedOn === null) out.push('assign');
  if (who.office && p.assignedUnitId !== null && checkTipExtension(p, today) === null) out.push('extend');
  if (who.mayManage && checkTipVerification(p, today) === null) out.push('verify');
  if (who.mayManage && checkTipReply(p, today) === null) out.push('reply');
  if (who.office && checkTipRewardDecision(p) === null) out.push('reward');
  return out;
}
