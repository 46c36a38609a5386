import { roleLabels, type Role } from '../access/roles';
import { checkTransition, refuse, type TransitionOutcome, type TransitionRule } from './transition';

/**
 * The life of a campaign (考核活动), from preparation to the published notice (primer §2,
 * steps 1–5): agreements are signed, the year runs, units self-assess, teams score, the
 * office reviews, the committee approves (审定), results go to publicity (公示) where
 * objections (申诉) may be raised, then the notice is published.
 */
export const campaignStates = [
  'preparation',
  'signing',
  'inProgress',
  'selfAssessment',
  'assessment',
  'officeReview',
  'committeeApproval',
  'publicity',
  'published',
] as const;
export type CampaignState = (typeof campaignStates)[number];

export const campaignStateLabels: Record<CampaignState, string> = {
  preparation: '准备',
  signing: '签订责任书',
  inProgress: '年度执行',
  selfAssessment: '单位自评',
  assessment: '考核评分',
  officeReview: '安委办审核',
  committeeApproval: '安委会审定',
  publicity: '结果公示',
  published: '已发布',
};

/**
 * Before assessment (考核评分) starts: a unit does not yet see the team's scores, its score
 * sheets or the evidence the team attached. From assessment on it sees them, to confirm them
 * or disagree. One rule for the server and the web app.
 */
export function beforeAssessment(state: CampaignState | string): boolean {
  return stateIndex(state) >= 0 && stateIndex(state) < campaignStates.indexOf('assessment');
}

/**
 * The scheme (考核方案: criteria, rules, rewards) may be revised until self-assessment opens:
 * from then on units score themselves against it, so it is fixed for the round.
 */
export function schemeRevisable(state: CampaignState | string): boolean {
  return stateIndex(state) >= 0 && stateIndex(state) < campaignStates.indexOf('selfAssessment');
}

/**
 * Assessment teams (考核组) are formed and changed until the scores go to the office's review
 * (提交安委办审核): from then on the team scores are what is reviewed and approved.
 */
export function teamsChangeable(state: CampaignState | string): boolean {
  return stateIndex(state) >= 0 && stateIndex(state) <= campaignStates.indexOf('assessment');
}

const stateIndex = (state: string) => (campaignStates as readonly string[]).indexOf(state);

export type CampaignAction =
  | 'openSigning'
  | 'startYear'
  | 'openSelfAssessment'
  | 'startAssessment'
  | 'submitForReview'
  | 'submitForApproval'
  | 'approve'
  | 'returnForRevision'
  | 'publish';

const office: Role[] = ['committeeAdmin'];

export const campaignTransitions: Record<CampaignAction, TransitionRule<CampaignState>> = {
  openSigning: { from: ['preparation'], to: 'signing', roles: office, label: '开始签订责任书' },
  startYear: { from: ['signing'], to: 'inProgress', roles: office, label: '进入年度执行' },
  openSelfAssessment: { from: ['inProgress'], to: 'selfAssessment', roles: office, label: '开始单位自评' },
  startAssessment: { from: ['selfAssessment'], to: 'assessment', roles: office, label: '开始考核评分' },
  submitForReview: { from: ['assessment'], to: 'officeReview', roles: office, label: '提交安委办审核' },
  submitForApproval: { from: ['officeReview'], to: 'committeeApproval', roles: office, label: '提请安委会审定' },
  // The committee decides in its meeting; the office records the decision with the meeting reference.
  approve: { from: ['committeeApproval'], to: 'publicity', roles: office, label: '录入审定结果并公示' },
  returnForRevision: { from: ['officeReview', 'committeeApproval', 'publicity'], to: 'assessment', roles: office, label: '退回重新评分' },
  publish: { from: ['publicity'], to: 'published', roles: office, label: '发布通报' },
};

export interface CampaignFacts {
  state: CampaignState;
  /** ISO date-time the publicity period ends (set on approve) */
  publicityEndsAt?: string | null;
  /** objections raised during publicity and not yet answered */
  openObjections: number;
  /** objections upheld (申诉成立) and not yet followed by a return for re-scoring (objection.ts awaitsRevision) */
  upheldObjections?: number;
  /** units without a confirmed team score */
  unscoredUnits: number;
  /** agreements not yet signed */
  unsignedAgreements: number;
  /** veto proposals from accidents the office has not yet confirmed or rejected */
  pendingVetoProposals?: readonly PendingVetoProposal[];
}

/** An undecided veto proposal, as named in a refusal: the unit and the accidents behind it. */
export interface PendingVetoProposal {
  unitName: string;
  /** how each accident is named, e.g. "2014-06-17 王村镇某企业事故" */
  accidents: readonly string[];
}

export interface CampaignActionInput {
  action: CampaignAction;
  role: Role;
  now: string;
  /** 审定: the meeting that approved the results, e.g. "区安委会2015年第1次会议" */
  meeting?: string;
  /** 公示天数 on approve */
  publicityDays?: number;
  /** why, on returnForRevision */
  reason?: string;
}

/**
 * Whether the action may happen now, and the new state. Preconditions follow the cycle:
 * scoring complete before review, the committee meeting named on approval, publicity
 * run its full term with every objection answered before publication.
 */
export function transitionCampaign(facts: CampaignFacts, input: CampaignActionInput): TransitionOutcome<CampaignState> {
  const base = checkTransition(campaignTransitions, campaignStateLabels, roleLabels, facts.state, input.action, input.role);
  if (!base.ok) return base;
  switch (input.action) {
    case 'startYear':
      if (facts.unsignedAgreements > 0) return refuse('precondition', `尚有 ${facts.unsignedAgreements} 个单位未签订责任书，不能进入年度执行`);
      break;
    case 'submitForReview':
      if (facts.unscoredUnits > 0) return refuse('precondition', `尚有 ${facts.unscoredUnits} 个单位未完成考核组评分确认，不能提交审核`);
      break;
    case 'submitForApproval':
      if (facts.pendingVetoProposals?.length) return refuse('precondition', `${pendingText(facts.pendingVetoProposals)}，请先确认或驳回，再提请审定`);
      break;
    case 'approve':
      // A campaign is not approved while a veto proposal on it is undecided: the result it
      // approves would still change with the decision.
      if (facts.pendingVetoProposals?.length) {
        return refuse('precondition', `${pendingText(facts.pendingVetoProposals)}，不能审定；请退回重新评分，由安委办确认或驳回后再提请审定`);
      }
      if (!input.meeting?.trim()) return refuse('precondition', '请填写审定会议（如“区安委会2015年第1次会议”）');
      if (!input.publicityDays || !Number.isInteger(input.publicityDays) || input.publicityDays < 1 || input.publicityDays > 30) {
        return refuse('precondition', '公示天数应为 1 至 30 的整数');
      }
      break;
    case 'returnForRevision':
      if (!input.reason?.trim()) return refuse('precondition', '请填写退回理由');
      break;
    case 'publish': {
      const waiting = publishBlockers(facts, input.now);
      if (waiting.length > 0) return refuse('precondition', waiting.join('；'));
      break;
    }
    default:
      break;
  }
  return base;
}

function pendingText(pending: readonly PendingVetoProposal[]): string {
  const named = pending.map((p) => `${p.unitName}（${p.accidents.join('、')}）`).join('；');
  return `尚有 ${pending.length} 条否决建议未处理：${named}`;
}

/**
 * Why the notice may not be published yet, every reason at once (empty when it may): 公示 runs
 * its full term, every objection (申诉) raised in it is answered first, and an objection upheld
 * (申诉成立) means the result shown is wrong, so it goes back to re-scoring (退回重新评分), is
 * approved again and put to a new publicity before any notice. The web app shows these beside
 * the publish button; the server refuses with the same words.
 */
export function publishBlockers(facts: Pick<CampaignFacts, 'publicityEndsAt' | 'openObjections' | 'upheldObjections'>, now: string): string[] {
  const waiting: string[] = [];
  if (facts.publicityEndsAt && now < facts.publicityEndsAt) waiting.push(`公示期至 ${chinaMinute(facts.publicityEndsAt)} 结束，期满后方可发布`);
  if (facts.openObjections > 0) waiting.push(`尚有 ${facts.openObjections} 件申诉未答复，不能发布`);
  if (facts.upheldObjections) {
    waiting.push(`${facts.upheldObjections} 件申诉经复核成立，须先退回重新评分，更正结果后重新审定并公示，不能按本次公示的结果发布`);
  }
  return waiting;
}

/**
 * Whether a unit may file an objection (申诉) now: only while the results are in publicity and
 * before its term ends. Null when it may, else the refusal; one rule for the server and the
 * form the web app offers a unit's liaison.
 */
export function objectionRefusal(state: CampaignState | string, publicityEndsAt: string | null | undefined, now: string): string | null {
  if (state !== 'publicity') return '只能在结果公示期间提出申诉';
  if (publicityEndsAt && now >= publicityEndsAt) return `公示期已于 ${chinaMinute(publicityEndsAt)} 结束，不能再提出申诉`;
  return null;
}

/**
 * An instant as `YYYY-MM-DD HH:mm` in China time (UTC+8, no daylight saving): the district's
 * offices read deadlines on their own clock, as the web app shows them.
 */
export function chinaMinute(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** End of publicity: `days` whole days after approval, at the same time of day. */
export function publicityEnd(approvedAt: string, days: number): string {
  return new Date(Date.parse(approvedAt) + days * 86_400_000).toISOString();
}
