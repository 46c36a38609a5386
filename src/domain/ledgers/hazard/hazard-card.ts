// 一隐患一卡: the card of one accident hazard and the data each step of its life cycle records.
// Sources: 安全生产事故隐患排查治理暂行规定（安监总局令第16号，2008-02-01 施行）第三条 (grades),
// 第十五条 (重大隐患治理方案的六项内容), 第二十三条 (10 日内现场审查); the card's fields follow
// the primer (docs/ledgers.md §2).

import type { Instant, LocalDate } from '../shared/dates.ts';

/** 一般隐患 / 重大隐患 (第16号令 第三条). */
export type HazardGrade = 'general' | 'major';

export type HazardState =
  | 'found' // 发现
  | 'registered' // 登记
  | 'graded' // 定级
  | 'rectifying' // 整改中
  | 'acceptanceApplied' // 申请验收
  | 'accepted' // 验收通过
  | 'closed'; // 销号

/** 自查 / 执法检查 / 专家查 / 举报 */
export type HazardFoundWay = 'selfCheck' | 'inspection' | 'expertCheck' | 'tip';

/**
 * enterprise: the 生产经营单位 holding the hazard; townOfficer: 属地镇（街道）安全监管人员;
 * inspector: 行业监管部门执法人员; committeeOffice: 安委办.
 */
export type HazardActorRole = 'enterprise' | 'townOfficer' | 'inspector' | 'committeeOffice';

export interface HazardActor {
  readonly id: string;
  readonly role: HazardActorRole;
  /** The unit the actor works for (town for townOfficer, department for inspector). */
  readonly unitId?: string;
  /** For role 'enterprise': the enterprise the actor belongs to. */
  readonly enterpriseId?: string;
}

/** 重大事故隐患治理方案 — the six parts required by 第16号令 第十五条第二款. */
export interface MajorHazardPlan {
  /** 治理的目标和任务 */
  readonly goal: string;
  /** 采取的方法和措施 */
  readonly measures: string;
  /** 经费和物资的落实 */
  readonly funds: { readonly amountYuan: number; readonly source: string };
  /** 负责治理的机构和人员 */
  readonly responsibleBody: string;
  readonly responsiblePerson: string;
  /** 治理的时限和要求 */
  readonly deadline: LocalDate;
  /** 安全措施和应急预案 */
  readonly safetyAndEmergencyMeasures: string;
}

/** 五到位: 整改措施、资金、期限、责任人、应急预案到位. */
export interface FiveInPlace {
  readonly measures: boolean;
  readonly funds: boolean;
  readonly deadline: boolean;
  readonly person: boolean;
  readonly emergencyPlan: boolean;
}

export interface HazardRectification {
  readonly measures: string;
  readonly responsiblePerson: string;
  /** 整改期限 — the last day on which rectification counts as on time. */
  readonly deadline: LocalDate;
  readonly fundsYuan?: number;
  /** 临时管控措施 */
  readonly temporaryMeasures?: string;
  readonly plan?: MajorHazardPlan;
  readonly fiveInPlace?: FiveInPlace;
}

export interface HazardCard {
  readonly id: string;
  /** 隐患编号, given at registration. */
  readonly number?: string;
  readonly enterpriseId: string;
  /** 属地单位 (town). */
  readonly territorialUnitId: string;
  /** 行业监管部门. */
  readonly regulatingUnitId: string;
  readonly sector: string;
  readonly foundOn: LocalDate;
  readonly foundWay: HazardFoundWay;
  readonly foundBy: string;
  readonly place: string;
  readonly description: string;
  readonly photosBefore: readonly string[];
  readonly state: HazardState;
  readonly grade?: HazardGrade;
  /** 判定依据 (e.g. the article of a 重大事故隐患判定标准). */
  readonly legalBasis?: string;
  readonly gradedOn?: LocalDate;
  readonly rectification?: HazardRectification;
  readonly rectificationSummary?: string;
  readonly photosAfter: readonly string[];
  /** Date of the latest application for acceptance (整改完成并申请验收). */
  readonly acceptanceAppliedOn?: LocalDate;
  /** acceptanceAppliedOn + 10 days (第16号令 第二十三条). */
  readonly acceptanceDueOn?: LocalDate;
  readonly acceptedOn?: LocalDate;
  readonly acceptanceConclusion?: string;
  readonly reviewer?: string;
  /** True when accepted after acceptanceDueOn. */
  readonly lateAcceptance?: boolean;
  readonly closedOn?: LocalDate;
  /** 执法文书编号 linked to the card. */
  readonly enforcementDocumentNumbers: readonly string[];
  /** How many times the card was returned (退回). */
  readonly returnCount: number;
  /** Instant of the last recorded step; a later step may not be dated earlier. */
  readonly lastActionAt: Instant;
}

export type HazardAction =
  | 'create'
  | 'register'
  | 'grade'
  | 'startRectification'
  | 'applyForAcceptance'
  | 'accept'
  | 'return'
  | 'close';

/** The audit record of one step. */
export interface HazardEvent {
  readonly cardId: string;
  readonly action: HazardAction;
  readonly from: HazardState | null;
  readonly to: HazardState;
  readonly at: Instant;
  readonly actorId: string;
  readonly actorRole: HazardActorRole;
  readonly reasonZh?: string;
  /** e.g. 'lateAcceptance' when acceptance came after the 10-day window. */
  readonly flags: readonly string[];
  readonly summaryZh: string;
}

export const HAZARD_STATE_ZH: Readonly<Record<HazardState, string>> = {
  found: '已发现',
  registered: '已登记',
  graded: '已定级',
  rectifying: '整改中',
  acceptanceApplied: '已申请验收',
  accepted: '已验收',
  closed: '已销号',
};

export const HAZARD_GRADE_ZH: Readonly<Record<HazardGrade, string>> = {
  general: '一般隐患',
  major: '重大隐患',
};

export const HAZARD_ROLE_ZH: Readonly<Record<HazardActorRole, string>> = {
  enterprise: '生产经营单位',
  townOfficer: '属地镇（街道）安全监管人员',
  inspector: '行业监管部门执法人员',
  committeeOffice: '安委办',
};

export const HAZARD_ACTION_ZH: Readonly<Record<HazardAction, string>> = {
  create: '发现隐患',
  register: '登记',
  grade: '定级',
  startRectification: '开始整改',
  applyForAcceptance: '申请验收',
  accept: '验收',
  return: '退回',
  close: '销号',
};
