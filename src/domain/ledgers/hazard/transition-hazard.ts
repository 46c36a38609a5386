// The hazard card life cycle as a pure state machine (安监总局令第16号):
// found → registered → graded → rectifying → acceptanceApplied → accepted → closed,
// with returns (退回) one step back, each with a reason.
// Every step is checked, in this order: the actor's role (and scope), the card's state, the time
// order of steps, then the data the step requires. A refusal carries a Chinese message.

import type { Instant, LocalDate } from '../shared/dates.ts';
import { addDays, chinaDateOf, instantMs, isLocalDate, toInstant } from '../shared/dates.ts';
import type { Refusal } from '../shared/result.ts';
import { refuse } from '../shared/result.ts';
import type {
  FiveInPlace,
  HazardAction,
  HazardActor,
  HazardActorRole,
  HazardCard,
  HazardEvent,
  HazardFoundWay,
  HazardGrade,
  HazardState,
  MajorHazardPlan,
} from './hazard-card.ts';
import { HAZARD_ACTION_ZH, HAZARD_GRADE_ZH, HAZARD_ROLE_ZH, HAZARD_STATE_ZH } from './hazard-card.ts';

/** 第16号令 第二十三条: on-site review within 10 days of the application. */
export const ACCEPTANCE_WINDOW_DAYS = 10;

export interface NewHazard {
  readonly id: string;
  readonly enterpriseId: string;
  readonly territorialUnitId: string;
  readonly regulatingUnitId: string;
  readonly sector: string;
  readonly foundOn: LocalDate;
  readonly foundWay: HazardFoundWay;
  readonly foundBy: string;
  readonly place: string;
  readonly description: string;
  readonly photosBefore?: readonly string[];
  readonly enforcementDocumentNumbers?: readonly string[];
}

export type HazardCommand =
  | { readonly action: 'register'; readonly number: string }
  | { readonly action: 'grade'; readonly grade: HazardGrade; readonly legalBasis?: string }
  | {
      readonly action: 'startRectification';
      readonly measures: string;
      readonly responsiblePerson: string;
      readonly deadline: LocalDate;
      readonly fundsYuan?: number;
      readonly temporaryMeasures?: string;
      readonly plan?: MajorHazardPlan;
      readonly fiveInPlace?: FiveInPlace;
    }
  | { readonly action: 'applyForAcceptance'; readonly summary: string; readonly photosAfter?: readonly string[] }
  | { readonly action: 'accept'; readonly conclusion: string; readonly reviewer: string }
  | { readonly action: 'return'; readonly reason: string }
  | { readonly action: 'close' };

export type HazardStepResult =
  | { readonly ok: true; readonly card: HazardCard; readonly event: HazardEvent }
  | Refusal;

type StepAction = Exclude<HazardAction, 'create'>;

/** Where each forward action may start and where it leads. */
const FORWARD: Readonly<Record<Exclude<StepAction, 'return'>, { from: HazardState; to: HazardState }>> = {
  register: { from: 'found', to: 'registered' },
  grade: { from: 'registered', to: 'graded' },
  startRectification: { from: 'graded', to: 'rectifying' },
  applyForAcceptance: { from: 'rectifying', to: 'acceptanceApplied' },
  accept: { from: 'acceptanceApplied', to: 'accepted' },
  close: { from: 'accepted', to: 'closed' },
};

/**
 * Returns go one step back: incomplete registration, re-grading, a rejected plan, acceptance failed
 * (验收不合格 — back to rectification), a 销号 review finding the acceptance insufficient.
 */
export const RETURN_TARGET: Readonly<Partial<Record<HazardState, HazardState>>> = {
  registered: 'found',
  graded: 'registered',
  rectifying: 'graded',
  acceptanceApplied: 'rectifying',
  accepted: 'acceptanceApplied',
};

/**
 * Roles per action. The enterprise is the body responsible for rectification (第16号令 第四条、
 * 第十五条); registration, grading, acceptance and closure are supervision acts. A town officer
 * handles 一般隐患 only: grading, accepting or closing a 重大隐患 belongs to the regulating
 * department (第16号令 第二十三条 places the review on the supervising department).
 */
export const HAZARD_ROLES: Readonly<Record<StepAction, readonly HazardActorRole[]>> = {
  register: ['townOfficer', 'inspector'],
  grade: ['townOfficer', 'inspector'],
  startRectification: ['enterprise'],
  applyForAcceptance: ['enterprise'],
  accept: ['townOfficer', 'inspector'],
  return: ['townOfficer', 'inspector', 'committeeOffice'],
  close: ['townOfficer', 'inspector', 'committeeOffice'],
};

const CREATE_ROLES: readonly HazardActorRole[] = ['enterprise', 'townOfficer', 'inspector', 'committeeOffice'];

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim().length === 0;
}

function scopeRefusal(card: Pick<HazardCard, 'enterpriseId' | 'territorialUnitId' | 'regulatingUnitId'>, actor: HazardActor): Refusal | null {
  if (actor.role === 'enterprise' && actor.enterpriseId !== card.enterpriseId) {
    return refuse('hazard.outOfScope', '只能处理本单位的隐患。');
  }
  if (actor.role === 'townOfficer' && actor.unitId !== card.territorialUnitId) {
    return refuse('hazard.outOfScope', '只能处理本镇（街道）辖区内的隐患。');
  }
  if (actor.role === 'inspector' && actor.unitId !== card.regulatingUnitId) {
    return refuse('hazard.outOfScope', '只能处理本部门监管行业领域内的隐患。');
  }
  return null;
}

function roleRefusal(action: StepAction, card: HazardCard, actor: HazardActor, commandGrade?: HazardGrade): Refusal | null {
  const allowed = HAZARD_ROLES[action];
  if (!allowed.includes(actor.role)) {
    const who = allowed.map((r) => HAZARD_ROLE_ZH[r]).join('或');
    return refuse('hazard.wrongRole', `“${HAZARD_ACTION_ZH[action]}”应由${who}办理，${HAZARD_ROLE_ZH[actor.role]}无权办理。`);
  }
  const grade = action === 'grade' ? commandGrade : card.grade;
  if (actor.role === 'townOfficer' && grade === 'major' && action !== 'register') {
    return refuse(
      'hazard.wrongRole',
      `重大隐患的“${HAZARD_ACTION_ZH[action]}”应由行业监管部门执法人员办理，属地镇（街道）安全监管人员无权办理。`,
    );
  }
  if (action === 'return' && actor.role === 'committeeOffice' && card.state !== 'accepted') {
    return refuse('hazard.wrongRole', '安委办只能在销号审核时退回已验收的隐患。');
  }
  return scopeRefusal(card, actor);
}

function missingPlanParts(plan: MajorHazardPlan | undefined): string[] {
  if (plan === undefined) return ['整个治理方案'];
  const missing: string[] = [];
  if (blank(plan.goal)) missing.push('治理的目标和任务');
  if (blank(plan.measures)) missing.push('采取的方法和措施');
  if (!(Number.isInteger(plan.funds?.amountYuan) && plan.funds.amountYuan > 0) || blank(plan.funds?.source)) {
    missing.push('经费和物资的落实（金额与来源）');
  }
  if (blank(plan.responsibleBody) || blank(plan.responsiblePerson)) missing.push('负责治理的机构和人员');
  if (blank(plan.deadline) || !isLocalDate(plan.deadline)) missing.push('治理的时限和要求');
  if (blank(plan.safetyAndEmergencyMeasures)) missing.push('安全措施和应急预案');
  return missing;
}

const FIVE_IN_PLACE_ZH: Readonly<Record<keyof FiveInPlace, string>> = {
  measures: '整改措施',
  funds: '资金',
  deadline: '期限',
  person: '责任人',
  emergencyPlan: '应急预案',
};

function missingFiveInPlace(five: FiveInPlace | undefined): string[] {
  return (Object.keys(FIVE_IN_PLACE_ZH) as (keyof FiveInPlace)[])
    .filter((k) => five?.[k] !== true)
    .map((k) => FIVE_IN_PLACE_ZH[k]);
}

function event(
  card: HazardCard,
  action: HazardAction,
  from: HazardState | null,
  to: HazardState,
  at: Instant,
  actor: HazardActor,
  summaryZh: string,
  flags: readonly string[] = [],
  reasonZh?: string,
): HazardEvent {
  return {
    cardId: card.id,
    action,
    from,
    to,
    at,
    actorId: actor.id,
    actorRole: actor.role,
    ...(reasonZh === undefined ? {} : { reasonZh }),
    flags,
    summaryZh,
  };
}

/** Records a hazard as found (the card's first state). */
export function createHazardCard(input: NewHazard, actor: HazardActor, at: Date | Instant): HazardStepResult {
  if (!CREATE_ROLES.includes(actor.role)) {
    return refuse('hazard.wrongRole', `${HAZARD_ROLE_ZH[actor.role]}无权录入隐患。`);
  }
  if (actor.role === 'enterprise' && input.foundWay !== 'selfCheck') {
    return refuse('hazard.wrongRole', '生产经营单位只能录入本单位自查发现的隐患；执法检查、专家检查和举报核查发现的隐患由监管人员录入。');
  }
  const scope = scopeRefusal(input, actor);
  if (scope) return scope;
  const instant = toInstant(at);
  const missing: string[] = [];
  if (blank(input.id)) missing.push('隐患标识');
  if (blank(input.enterpriseId)) missing.push('生产经营单位');
  if (blank(input.territorialUnitId)) missing.push('属地镇（街道）');
  if (blank(input.regulatingUnitId)) missing.push('行业监管部门');
  if (blank(input.sector)) missing.push('行业领域');
  if (blank(input.foundBy)) missing.push('发现人');
  if (blank(input.place)) missing.push('隐患部位');
  if (blank(input.description)) missing.push('隐患描述');
  if (missing.length > 0) return refuse('hazard.missingData', `录入隐患缺少：${missing.join('、')}。`);
  if (!isLocalDate(input.foundOn)) return refuse('hazard.invalidDate', `发现日期“${input.foundOn}”不是有效日期。`);
  if (input.foundOn > chinaDateOf(instant)) {
    return refuse('hazard.invalidDate', `发现日期${input.foundOn}晚于录入时间，不能录入将来发现的隐患。`);
  }
  const card: HazardCard = {
    id: input.id,
    enterpriseId: input.enterpriseId,
    territorialUnitId: input.territorialUnitId,
    regulatingUnitId: input.regulatingUnitId,
    sector: input.sector,
    foundOn: input.foundOn,
    foundWay: input.foundWay,
    foundBy: input.foundBy,
    place: input.place,
    description: input.description,
    photosBefore: [...(input.photosBefore ?? [])],
    state: 'found',
    photosAfter: [],
    enforcementDocumentNumbers: [...(input.enforcementDocumentNumbers ?? [])],
    returnCount: 0,
    lastActionAt: instant,
  };
  return { ok: true, card, event: event(card, 'create', null, 'found', instant, actor, `发现隐患：${input.description}`) };
}

/**
 * Applies one step to a card. `at` is when the step happens (passed in; the domain reads no clock).
 * Returns the new card and the event to audit, or a refusal.
 */
export function transitionHazard(card: HazardCard, command: HazardCommand, actor: HazardActor, at: Date | Instant): HazardStepResult {
  const action = command.action;
  const commandGrade = command.action === 'grade' ? command.grade : undefined;
  const role = roleRefusal(action, card, actor, commandGrade);
  if (role) return role;

  let to: HazardState;
  if (command.action === 'return') {
    const target = RETURN_TARGET[card.state];
    if (target === undefined) {
      return refuse('hazard.wrongOrder', `隐患当前为“${HAZARD_STATE_ZH[card.state]}”，不能退回。`);
    }
    to = target;
  } else {
    const rule = FORWARD[command.action];
    if (card.state !== rule.from) {
      return refuse(
        'hazard.wrongOrder',
        `隐患当前为“${HAZARD_STATE_ZH[card.state]}”，不能“${HAZARD_ACTION_ZH[action]}”；此步骤只能在“${HAZARD_STATE_ZH[rule.from]}”之后办理。`,
      );
    }
    to = rule.to;
  }

  const instant = toInstant(at);
  if (instantMs(instant) < instantMs(card.lastActionAt)) {
    return refuse('hazard.timeOrder', `办理时间早于上一步骤（${card.lastActionAt}），请核对时间。`);
  }
  const today = chinaDateOf(instant);
  const base = { ...card, state: to, lastActionAt: instant };

  switch (command.action) {
    case 'register': {
      if (blank(command.number)) return refuse('hazard.missingData', '登记隐患必须填写隐患编号。');
      const next: HazardCard = { ...base, number: command.number.trim() };
      return { ok: true, card: next, event: event(card, action, card.state, to, instant, actor, `登记为${next.number}号隐患`) };
    }
    case 'grade': {
      if (command.grade !== 'general' && command.grade !== 'major') {
        return refuse('hazard.missingData', '定级必须选择一般隐患或重大隐患。');
      }
      if (command.grade === 'major' && blank(command.legalBasis)) {
        return refuse('hazard.missingData', '判定为重大隐患必须写明判定依据。');
      }
      const next: HazardCard = {
        ...base,
        grade: command.grade,
        gradedOn: today,
        ...(command.legalBasis === undefined ? {} : { legalBasis: command.legalBasis }),
      };
      return { ok: true, card: next, event: event(card, action, card.state, to, instant, actor, `定级为${HAZARD_GRADE_ZH[command.grade]}`) };
    }
    case 'startRectification': {
      const missing: string[] = [];
      if (blank(command.measures)) missing.push('整改措施');
      if (blank(command.responsiblePerson)) missing.push('整改责任人');
      if (blank(command.deadline)) missing.push('整改期限');
      if (missing.length > 0) return refuse('hazard.missingData', `开始整改缺少：${missing.join('、')}。`);
      if (!isLocalDate(command.deadline)) return refuse('hazard.invalidDate', `整改期限“${command.deadline}”不是有效日期。`);
      if (command.deadline < today) {
        return refuse('hazard.invalidDate', `整改期限${command.deadline}早于今天${today}。`);
      }
      if (command.fundsYuan !== undefined && !(Number.isInteger(command.fundsYuan) && command.fundsYuan >= 0)) {
        return refuse('hazard.missingData', '整改资金应为不小于0的整数元。');
      }
      if (card.grade === 'major') {
        // 第16号令 第十五条第二款: 重大事故隐患由主要负责人组织制定并实施治理方案，方案应包括六项内容。
        const planMissing = missingPlanParts(command.plan);
        if (planMissing.length > 0) {
          return refuse('hazard.majorPlanMissing', `重大隐患必须有完整的治理方案，缺少：${planMissing.join('、')}。`);
        }
        const fiveMissing = missingFiveInPlace(command.fiveInPlace);
        if (fiveMissing.length > 0) {
          return refuse('hazard.fiveInPlaceMissing', `重大隐患整改须做到“五到位”，尚未到位：${fiveMissing.join('、')}。`);
        }
        if (command.plan!.deadline !== command.deadline) {
          return refuse('hazard.planMismatch', `治理方案的时限${command.plan!.deadline}与整改期限${command.deadline}不一致。`);
        }
      }
      const next: HazardCard = {
        ...base,
        rectification: {
          measures: command.measures,
          responsiblePerson: command.responsiblePerson,
          deadline: command.deadline,
          ...(command.fundsYuan === undefined ? {} : { fundsYuan: command.fundsYuan }),
          ...(command.temporaryMeasures === undefined ? {} : { temporaryMeasures: command.temporaryMeasures }),
          ...(command.plan === undefined ? {} : { plan: command.plan }),
          ...(command.fiveInPlace === undefined ? {} : { fiveInPlace: command.fiveInPlace }),
        },
      };
      return {
        ok: true,
        card: next,
        event: event(card, action, card.state, to, instant, actor, `开始整改，期限${command.deadline}，责任人${command.responsiblePerson}`),
      };
    }
    case 'applyForAcceptance': {
      if (blank(command.summary)) return refuse('hazard.missingData', '申请验收必须填写整改情况说明。');
      const dueOn = addDays(today, ACCEPTANCE_WINDOW_DAYS);
      const next: HazardCard = {
        ...base,
        rectificationSummary: command.summary,
        photosAfter: [...card.photosAfter, ...(command.photosAfter ?? [])],
        acceptanceAppliedOn: today,
        acceptanceDueOn: dueOn,
      };
      return { ok: true, card: next, event: event(card, action, card.state, to, instant, actor, `申请验收，应于${dueOn}前验收`) };
    }
    case 'accept': {
      const missing: string[] = [];
      if (blank(command.conclusion)) missing.push('验收结论');
      if (blank(command.reviewer)) missing.push('验收人');
      if (missing.length > 0) return refuse('hazard.missingData', `验收缺少：${missing.join('、')}。`);
      // 第16号令 第二十三条: the review is due within 10 days; a later one is recorded but flagged.
      const late = card.acceptanceDueOn !== undefined && today > card.acceptanceDueOn;
      const next: HazardCard = {
        ...base,
        acceptedOn: today,
        acceptanceConclusion: command.conclusion,
        reviewer: command.reviewer,
        lateAcceptance: late,
      };
      const summary = late
        ? `验收通过；超过申请后10日的验收期限（应于${card.acceptanceDueOn}前验收）`
        : '验收通过';
      return { ok: true, card: next, event: event(card, action, card.state, to, instant, actor, summary, late ? ['lateAcceptance'] : []) };
    }
    case 'return': {
      if (blank(command.reason)) return refuse('hazard.missingData', '退回必须写明理由。');
      const cleared: Partial<HazardCard> =
        card.state === 'accepted'
          ? { acceptedOn: undefined, acceptanceConclusion: undefined, reviewer: undefined, lateAcceptance: undefined }
          : card.state === 'acceptanceApplied'
            ? { acceptanceAppliedOn: undefined, acceptanceDueOn: undefined }
            : {};
      const next = stripUndefined({ ...base, ...cleared, returnCount: card.returnCount + 1 }) as HazardCard;
      return {
        ok: true,
        card: next,
        event: event(card, action, card.state, to, instant, actor, `退回至“${HAZARD_STATE_ZH[to]}”`, [], command.reason),
      };
    }
    case 'close': {
      const next: HazardCard = { ...base, closedOn: today };
      return { ok: true, card: next, event: event(card, action, card.state, to, instant, actor, '销号') };
    }
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
