// Recording the steps of an enforcement measure, in the order the law requires.
// A step out of order, a step after the measure ended, or a step missing its required data is
// refused. A step taken after its deadline (e.g. approval more than 24 h after an emergency seal)
// is still recorded — the record must show what happened — but flagged, and deadlines.ts warns
// before such a deadline passes. Where the law forbids acting before a moment (cutting power
// within 24 h of notice, demolishing before the 公告 period ends, extending an expired seal), the
// step is refused.

import type { Instant, LocalDate } from '../shared/dates.ts';
import { addDays, addHours, addMonths, chinaDateOf, instantMs, isLocalDate, toInstant } from '../shared/dates.ts';
import type { Refusal } from '../shared/result.ts';
import { refuse } from '../shared/result.ts';
import type { LegalReference, MeasureType, StepKey } from './procedures.ts';
import { ENFORCEMENT_PERIODS, PROCEDURES, STEP_ZH } from './procedures.ts';

export interface Officer {
  readonly name: string;
  /** 行政执法证件号 */
  readonly certificateNumber: string;
}

export type StepInput =
  | {
      readonly step: 'precondition';
      /** The 停产停业/停止施工/停止使用 decision the unit refuses to carry out. */
      readonly priorDecisionNumber: string;
      readonly refusedToComply: boolean;
      /** 有发生生产安全事故的现实危险 */
      readonly realDanger: boolean;
      /** 在保证安全的前提下 */
      readonly safetyEnsured: boolean;
    }
  | {
      readonly step: 'approval';
      readonly approverName: string;
      /** 停止供电 needs the 主要负责人 of the department (2021 第七十条). */
      readonly approverIsPrincipal: boolean;
      /** false: the head refuses; an emergency measure must then be lifted at once (行政强制法 第十九条). */
      readonly approved: boolean;
    }
  | {
      readonly step: 'onSite';
      readonly officers: readonly Officer[];
      /** 当场告知理由、依据、权利和救济途径 (行政强制法 第十八条第五项) */
      readonly partyNotified: boolean;
      /** 听取陈述和申辩 (第十八条第六项); not required when the party is absent */
      readonly partyHeard: boolean;
      /** 现场笔录 signed by the party, refused by the party (noted), or the party absent with a witness */
      readonly recordSignedBy: 'party' | 'partyRefused' | 'witness';
      readonly witnessName?: string;
    }
  | {
      readonly step: 'decision';
      readonly documentNumber: string;
      /** 查封、扣押: itemised list (清单), and the period in days (≤ 30). */
      readonly items?: readonly string[];
      readonly periodDays?: number;
      /** 停产停业等: last day of the stop (≤ 6 months from the decision unless another law allows). */
      readonly periodEndsOn?: LocalDate;
      readonly exceptionBasis?: string;
      /** 责令限期整改: the date by which to rectify. */
      readonly rectifyBy?: LocalDate;
      /** 拆除: the date by which the party may demolish it themselves. */
      readonly selfDemolitionBy?: LocalDate;
    }
  | {
      readonly step: 'extension';
      readonly extraDays: number;
      readonly approverName: string;
      readonly reason: string;
      /** 延长的决定应当及时书面告知当事人 (行政强制法 第二十五条第二款) */
      readonly notifiedInWriting: boolean;
    }
  | {
      readonly step: 'disposal';
      readonly documentNumber: string;
      readonly outcome: 'repairOrReplace' | 'prohibitUse' | 'otherMeasure' | 'penalty' | 'release';
    }
  | { readonly step: 'supplierNotice'; readonly supplierName: string; readonly documentNumber: string; readonly inWriting: boolean }
  | { readonly step: 'partyNotice'; readonly documentNumber: string }
  | { readonly step: 'publicNotice'; readonly documentNumber: string }
  | {
      readonly step: 'execution';
      /** 拆除: the party neither sought 行政复议/诉讼 within the legal period nor demolished (第四十四条). */
      readonly remedyPeriodElapsed?: boolean;
    }
  | { readonly step: 'resumptionApplication' }
  | { readonly step: 'resumptionReview'; readonly approved: boolean }
  | { readonly step: 'review'; readonly rectified: boolean }
  | { readonly step: 'lift'; readonly reasonZh: string };

export interface RecordedStep {
  readonly step: StepKey;
  readonly at: Instant;
  readonly actorId: string;
  readonly input: StepInput;
  readonly flags: readonly string[];
}

export interface EnforcementMeasure {
  readonly id: string;
  readonly type: MeasureType;
  readonly enterpriseId: string;
  readonly emergency: boolean;
  readonly emergencyReasonZh?: string;
  readonly legalBasis: readonly LegalReference[];
  readonly hazardCardId?: string;
  readonly steps: readonly RecordedStep[];
}

export interface NewEnforcementMeasure {
  readonly id: string;
  readonly type: MeasureType;
  readonly enterpriseId: string;
  readonly emergency?: boolean;
  readonly emergencyReasonZh?: string;
  /** Required for 停水 and 拆除; added to the statutory basis for the others. */
  readonly legalBasis?: readonly LegalReference[];
  readonly hazardCardId?: string;
}

export interface EnforcementEvent {
  readonly measureId: string;
  readonly step: StepKey;
  readonly at: Instant;
  readonly actorId: string;
  readonly flags: readonly string[];
  readonly summaryZh: string;
}

export type OpenMeasureResult = { readonly ok: true; readonly measure: EnforcementMeasure } | Refusal;
export type StepResult = { readonly ok: true; readonly measure: EnforcementMeasure; readonly event: EnforcementEvent } | Refusal;

function blank(v: string | undefined): boolean {
  return v === undefined || v.trim().length === 0;
}

export function openEnforcementMeasure(input: NewEnforcementMeasure): OpenMeasureResult {
  const procedure = PROCEDURES[input.type];
  if (procedure === undefined) return refuse('enforcement.unknownType', `未知的执法措施类型：${String(input.type)}。`);
  if (blank(input.id) || blank(input.enterpriseId)) return refuse('enforcement.missingData', '执法措施必须有标识和被执行的生产经营单位。');
  const emergency = input.emergency === true;
  if (emergency && !procedure.emergencyAllowed) {
    return refuse('enforcement.emergencyNotAllowed', `“${procedure.nameZh}”没有紧急情况下先行实施的程序。`);
  }
  if (emergency && blank(input.emergencyReasonZh)) {
    return refuse('enforcement.missingData', '按紧急情况实施必须写明紧急情形。');
  }
  const supplied = input.legalBasis ?? [];
  if (procedure.legalBasis.length === 0 && supplied.every((r) => blank(r.law) || blank(r.article))) {
    return refuse('enforcement.legalBasisMissing', `“${procedure.nameZh}”必须写明所依据的法律、法规名称和条款。`);
  }
  return {
    ok: true,
    measure: {
      id: input.id,
      type: input.type,
      enterpriseId: input.enterpriseId,
      emergency,
      ...(emergency ? { emergencyReasonZh: input.emergencyReasonZh } : {}),
      legalBasis: [...procedure.legalBasis, ...supplied],
      ...(input.hazardCardId === undefined ? {} : { hazardCardId: input.hazardCardId }),
      steps: [],
    },
  };
}

export function findStep<K extends StepKey>(measure: EnforcementMeasure, key: K): (RecordedStep & { input: Extract<StepInput, { step: K }> }) | undefined {
  const found = measure.steps.find((s) => s.step === key);
  return found as (RecordedStep & { input: Extract<StepInput, { step: K }> }) | undefined;
}

/** Last day of a 查封/扣押 including an extension. */
export function sealPeriodEndsOn(measure: EnforcementMeasure): LocalDate | undefined {
  const onSite = findStep(measure, 'onSite');
  const decision = findStep(measure, 'decision');
  if (!onSite || !decision) return undefined;
  const days = decision.input.periodDays ?? ENFORCEMENT_PERIODS.sealSeizeDays;
  const extra = findStep(measure, 'extension')?.input.extraDays ?? 0;
  return addDays(chinaDateOf(onSite.at), days + extra);
}

function checkData(measure: EnforcementMeasure, input: StepInput, at: Instant): Refusal | string[] {
  const type = measure.type;
  const procedure = PROCEDURES[type];
  const flags: string[] = [];
  const today = chinaDateOf(at);
  const isSealSeize = type === 'seal' || type === 'seize';
  switch (input.step) {
    case 'precondition': {
      const missing: string[] = [];
      if (blank(input.priorDecisionNumber)) missing.push('此前停产停业等决定的文书编号');
      if (!input.refusedToComply) missing.push('生产经营单位拒不执行决定');
      if (!input.realDanger) missing.push('有发生生产安全事故的现实危险');
      if (!input.safetyEnsured) missing.push('保证安全的前提');
      if (missing.length > 0) {
        return refuse('enforcement.preconditionNotMet', `“${procedure.nameZh}”的前提条件不满足（安全生产法（2021）第七十条）：${missing.join('、')}。`);
      }
      return flags;
    }
    case 'approval': {
      if (blank(input.approverName)) return refuse('enforcement.missingData', '批准必须写明批准的负责人。');
      if ((type === 'powerCut' || type === 'explosivesSupplyStop') && !input.approverIsPrincipal) {
        return refuse('enforcement.wrongApprover', `“${procedure.nameZh}”须经本部门主要负责人批准（安全生产法（2021）第七十条）。`);
      }
      if (measure.emergency && isSealSeize) {
        const onSite = findStep(measure, 'onSite')!;
        if (instantMs(at) > instantMs(addHours(onSite.at, ENFORCEMENT_PERIODS.emergencyApprovalHours))) flags.push('lateApproval');
      }
      if (!input.approved) flags.push('notApproved');
      return flags;
    }
    case 'onSite': {
      const officers = input.officers.filter((o) => !blank(o.name) && !blank(o.certificateNumber));
      const distinct = new Set(officers.map((o) => o.certificateNumber.trim()));
      if (distinct.size < ENFORCEMENT_PERIODS.minimumOfficers) {
        return refuse('enforcement.officers', `现场实施须由两名以上持有执法证件的执法人员进行，本次仅登记${distinct.size}名（行政强制法第十八条）。`);
      }
      if (!input.partyNotified) return refuse('enforcement.missingData', '应当当场告知当事人采取措施的理由、依据以及当事人的权利和救济途径（行政强制法第十八条）。');
      if (input.recordSignedBy === 'witness') {
        if (blank(input.witnessName)) return refuse('enforcement.missingData', '当事人不到场的，须邀请见证人到场并在现场笔录上签名（行政强制法第十八条第九项）。');
      } else if (!input.partyHeard) {
        return refuse('enforcement.missingData', '当事人在场的，应当听取当事人的陈述和申辩（行政强制法第十八条第六项）。');
      }
      return flags;
    }
    case 'decision': {
      if (blank(input.documentNumber)) return refuse('enforcement.missingData', '决定必须有文书编号。');
      if (isSealSeize) {
        if (!input.items || input.items.filter((i) => !blank(i)).length === 0) {
          return refuse('enforcement.missingData', `${procedure.nameZh}决定书必须附${procedure.nameZh}清单（行政强制法第二十四条）。`);
        }
        const days = input.periodDays ?? ENFORCEMENT_PERIODS.sealSeizeDays;
        if (!Number.isInteger(days) || days < 1 || days > ENFORCEMENT_PERIODS.sealSeizeDays) {
          return refuse('enforcement.period', `${procedure.nameZh}期限不得超过30日（行政强制法第二十五条），本次为${days}日。`);
        }
        if (measure.emergency) {
          const onSite = findStep(measure, 'onSite')!;
          if (instantMs(at) > instantMs(addHours(onSite.at, ENFORCEMENT_PERIODS.afterTheFactDecisionHours))) flags.push('lateDecision');
        }
      }
      if (type === 'suspendProduction' || type === 'suspendConstruction' || type === 'suspendUse') {
        if (blank(input.periodEndsOn) || !isLocalDate(input.periodEndsOn!)) return refuse('enforcement.missingData', '停产停业（停止施工、停止使用）决定必须写明期限。');
        const max = addMonths(today, ENFORCEMENT_PERIODS.suspensionMaxMonths);
        if (input.periodEndsOn! < today) return refuse('enforcement.period', `期限${input.periodEndsOn}早于决定日期${today}。`);
        if (input.periodEndsOn! > max && blank(input.exceptionBasis)) {
          return refuse('enforcement.period', `${procedure.nameZh}的期限一般不超过6个月（安监总局令第15号第十四条），最迟至${max}；超过须写明法律、行政法规的另行规定。`);
        }
      }
      if (type === 'orderRectification') {
        if (blank(input.rectifyBy) || !isLocalDate(input.rectifyBy!)) return refuse('enforcement.missingData', '责令限期整改指令书必须写明整改期限。');
        if (input.rectifyBy! < today) return refuse('enforcement.period', `整改期限${input.rectifyBy}早于决定日期${today}。`);
      }
      if (type === 'demolition') {
        if (blank(input.selfDemolitionBy) || !isLocalDate(input.selfDemolitionBy!)) return refuse('enforcement.missingData', '拆除决定必须写明当事人自行拆除的期限（行政强制法第四十四条）。');
        if (input.selfDemolitionBy! < today) return refuse('enforcement.period', `自行拆除期限${input.selfDemolitionBy}早于决定日期${today}。`);
      }
      return flags;
    }
    case 'extension': {
      if (findStep(measure, 'extension')) return refuse('enforcement.extensionTwice', `${procedure.nameZh}期限只能延长一次（行政强制法第二十五条）。`);
      if (!Number.isInteger(input.extraDays) || input.extraDays < 1 || input.extraDays > ENFORCEMENT_PERIODS.sealSeizeExtensionDays) {
        return refuse('enforcement.period', `延长期限不得超过30日（行政强制法第二十五条），本次为${input.extraDays}日。`);
      }
      if (blank(input.approverName) || blank(input.reason)) return refuse('enforcement.missingData', '延长期限须经行政机关负责人批准并说明理由。');
      if (!input.notifiedInWriting) return refuse('enforcement.missingData', '延长的决定应当及时书面告知当事人（行政强制法第二十五条）。');
      const endsOn = sealPeriodEndsOn(measure)!;
      if (today > endsOn) return refuse('enforcement.periodExpired', `${procedure.nameZh}期限已于${endsOn}届满，不能再延长，应当解除（行政强制法第二十八条）。`);
      return flags;
    }
    case 'disposal': {
      if (blank(input.documentNumber)) return refuse('enforcement.missingData', '处理决定必须有文书编号。');
      const onSite = findStep(measure, 'onSite')!;
      if (today > addDays(chinaDateOf(onSite.at), ENFORCEMENT_PERIODS.sealSeizeDisposalDays)) flags.push('lateDisposal');
      return flags;
    }
    case 'supplierNotice': {
      if (blank(input.supplierName) || blank(input.documentNumber)) return refuse('enforcement.missingData', '通知供应单位须写明单位名称和通知文书编号。');
      if (!input.inWriting) return refuse('enforcement.missingData', '通知应当采用书面形式（安全生产法（2021）第七十条）。');
      return flags;
    }
    case 'partyNotice':
    case 'publicNotice': {
      if (blank(input.documentNumber)) return refuse('enforcement.missingData', `${STEP_ZH[input.step]}须有文书编号。`);
      return flags;
    }
    case 'execution': {
      if (type === 'powerCut' && !measure.emergency) {
        const notice = findStep(measure, 'partyNotice')!;
        const earliest = addHours(notice.at, ENFORCEMENT_PERIODS.powerCutNoticeHours);
        if (instantMs(at) < instantMs(earliest)) {
          return refuse('enforcement.tooEarly', `停止供电应当提前24小时通知生产经营单位（安全生产法（2021）第七十条），最早可于${earliest}执行。`);
        }
      }
      if (type === 'demolition') {
        const by = findStep(measure, 'decision')!.input.selfDemolitionBy!;
        if (today <= by) return refuse('enforcement.tooEarly', `当事人自行拆除期限至${by}，期满后方可强制拆除（行政强制法第四十四条）。`);
        if (input.remedyPeriodElapsed !== true) {
          return refuse('enforcement.tooEarly', '当事人在法定期限内不申请行政复议或者提起行政诉讼、又不拆除的，方可强制拆除（行政强制法第四十四条）。');
        }
      }
      return flags;
    }
    case 'resumptionApplication':
      return flags;
    case 'resumptionReview': {
      const applied = findStep(measure, 'resumptionApplication')!;
      if (today > addDays(chinaDateOf(applied.at), ENFORCEMENT_PERIODS.resumptionReviewDays)) flags.push('lateReview');
      return flags;
    }
    case 'review':
      return flags;
    case 'lift': {
      if (blank(input.reasonZh)) return refuse('enforcement.missingData', '解除必须写明理由。');
      if (findStep(measure, 'resumptionApplication') && findStep(measure, 'resumptionReview')?.input.approved !== true) {
        return refuse('enforcement.wrongOrder', '已申请恢复生产的，须经审查同意后方可解除（安全生产法（2021）第六十五条第一款第三项）。');
      }
      return flags;
    }
  }
}

function summary(measure: EnforcementMeasure, input: StepInput): string {
  const name = PROCEDURES[measure.type].nameZh;
  switch (input.step) {
    case 'decision':
      return `${name}：作出决定，文书编号${input.documentNumber}`;
    case 'extension':
      return `${name}：延长期限${input.extraDays}日`;
    case 'lift':
      return `${name}：解除，理由：${input.reasonZh}`;
    default:
      return `${name}：${STEP_ZH[input.step]}`;
  }
}

/** Records one step of a measure at `at` (passed in). */
export function recordEnforcementStep(measure: EnforcementMeasure, input: StepInput, actorId: string, at: Date | Instant): StepResult {
  const procedure = PROCEDURES[measure.type];
  const rules = procedure.steps(measure.emergency);
  const rule = rules.find((r) => r.key === input.step);
  if (!rule) return refuse('enforcement.unknownStep', `“${procedure.nameZh}”没有“${STEP_ZH[input.step]}”这一步骤。`);
  if (measure.steps.some((s) => s.step === procedure.terminal)) {
    return refuse('enforcement.ended', `“${procedure.nameZh}”已${STEP_ZH[procedure.terminal]}，不能再记录步骤。`);
  }
  if (input.step !== 'extension' && measure.steps.some((s) => s.step === input.step)) {
    return refuse('enforcement.duplicate', `“${STEP_ZH[input.step]}”已经记录。`);
  }
  const approval = findStep(measure, 'approval');
  const approvalRefused = approval !== undefined && !approval.input.approved;
  const missing = rule.requires.filter((k) => !measure.steps.some((s) => s.step === k));
  // A refused approval ends the measure: lifting needs nothing else first.
  if (missing.length > 0 && !(approvalRefused && input.step === 'lift')) {
    return refuse('enforcement.wrongOrder', `“${STEP_ZH[input.step]}”须在“${missing.map((k) => STEP_ZH[k]).join('”“')}”之后记录。`);
  }
  if (approvalRefused && input.step !== 'lift') {
    return refuse('enforcement.notApproved', '负责人未批准：尚未实施的不得实施，已当场实施的应当立即解除（行政强制法第十九条），不能继续其他步骤。');
  }
  if ((input.step === 'extension' || input.step === 'disposal') && findStep(measure, 'disposal')) {
    return refuse('enforcement.wrongOrder', '已作出处理决定，不能再延长期限或重复作出处理决定。');
  }
  const instant = toInstant(at);
  const last = measure.steps[measure.steps.length - 1];
  if (last && instantMs(instant) < instantMs(last.at)) {
    return refuse('enforcement.timeOrder', `记录时间早于上一步骤（${last.at}），请核对时间。`);
  }
  if (blank(actorId)) return refuse('enforcement.missingData', '必须写明记录人。');
  const checked = checkData(measure, input, instant);
  if (!Array.isArray(checked)) return checked;
  const recorded: RecordedStep = { step: input.step, at: instant, actorId, input, flags: checked };
  const next: EnforcementMeasure = { ...measure, steps: [...measure.steps, recorded] };
  return {
    ok: true,
    measure: next,
    event: { measureId: measure.id, step: input.step, at: instant, actorId, flags: checked, summaryZh: summary(measure, input) },
  };
}
