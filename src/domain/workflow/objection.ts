import type { CampaignState } from './campaign-state';

/**
 * The office's handling (处理结论) of an objection (申诉) raised during publicity (公示): after
 * review the objection is upheld (申诉成立: the published result is wrong and must change) or
 * dismissed (申诉不成立: the result stands). The decision comes with the written reply (答复).
 */
export const objectionDecisions = ['upheld', 'dismissed'] as const;
export type ObjectionDecision = (typeof objectionDecisions)[number];

export const objectionDecisionLabels: Record<ObjectionDecision, string> = {
  upheld: '申诉成立',
  dismissed: '申诉不成立',
};

export interface ObjectionFacts {
  answer: string | null;
  /** null for an objection not yet answered, and for one answered before decisions were recorded */
  decision: ObjectionDecision | string | null;
  /** when the results went back to re-scoring (退回重新评分) after it was upheld */
  revisedAt: string | null;
}

/**
 * Where an objection stands, in the words the list shows: 待答复 until answered; answers given
 * before the office recorded a decision show as 已答复 with no decision; an upheld one says
 * whether the results have gone back to re-scoring yet.
 */
export function objectionStatus(o: ObjectionFacts): string {
  if (!o.answer) return '待答复';
  if (o.decision === 'upheld') return o.revisedAt ? '申诉成立，已退回重新评分' : '申诉成立，待退回重新评分';
  if (o.decision === 'dismissed') return objectionDecisionLabels.dismissed;
  return '已答复';
}

/**
 * An upheld objection means the result in publicity is wrong: it has to be re-scored
 * (退回重新评分), approved again and put to a new publicity before the notice goes out, so
 * publication waits while an upheld objection has not been followed by a return for revision
 * (publishBlockers). True for the objections that still hold publication up.
 */
export function awaitsRevision(o: ObjectionFacts): boolean {
  return !!o.answer && o.decision === 'upheld' && !o.revisedAt;
}

/**
 * Whether an objection upheld now is already covered by re-scoring under way: when the answer
 * comes after the results were returned (the campaign is back before publicity), the re-scoring
 * and the new publicity it calls for are still ahead, so it does not hold the next publication up.
 * Only an answer given during publicity leaves the office a return to make.
 */
export function revisionUnderWay(state: CampaignState | string): boolean {
  return state !== 'publicity' && state !== 'published';
}
