// Rewards for tips (举报奖励), by the rules in force on the tip's date.
//
// - 安全生产举报奖励办法（安监总财〔2012〕63号，2012-05-02 施行）第十二条: a verified 重大事故隐患
//   or 非法违法行为 — 1000 to 10000 yuan; a concealed or falsely reported accident (瞒报、谎报) —
//   一般 3000–5000, 较大 5000–10000, 重大 10000–20000, 特别重大 30000. The office decides the amount
//   inside the range; 第十三条: one reward, to the first reporter.
// - 安全生产领域举报奖励办法（安监总财〔2018〕19号，印发并施行于 2018-01-04）: 重大事故隐患 and
//   违法生产经营建设 — 15% of the fine imposed, at least 3000 and at most 300000 yuan; 瞒报、谎报事故 —
//   per verified concealed death 30000 / 40000 / 50000 / 60000 yuan by the accident's final grade
//   (一般 / 较大 / 重大 / 特别重大), at most 300000; only the first valid reporter is paid.
// Amounts are whole yuan. 15% of a fine is rounded half up to the yuan (四舍五入), before the
// minimum and maximum are applied.

import type { AccidentGrade } from '../../accidents/grade.ts';
import type { Instant, LocalDate } from '../shared/dates.ts';
import { instantMs, isLocalDate } from '../shared/dates.ts';
import type { Refusal } from '../shared/result.ts';
import { refuse } from '../shared/result.ts';

export const REWARD_RULES_2012_EFFECTIVE_ON: LocalDate = '2012-05-02';
export const REWARD_RULES_2018_EFFECTIVE_ON: LocalDate = '2018-01-04';

/** 国务院令第493号 grades: the accidents module's type, so a tip and its accident agree. */
export type { AccidentGrade };

export const ACCIDENT_GRADE_ZH: Readonly<Record<AccidentGrade, string>> = {
  general: '一般事故',
  larger: '较大事故',
  major: '重大事故',
  especiallyMajor: '特别重大事故',
};

/** 重大事故隐患 / 非法违法（违法生产经营建设）行为 / 瞒报、谎报事故 */
export type TipSubject = 'majorHazard' | 'illegalProduction' | 'concealedAccident';

export type RewardRegime = 'rules2012' | 'rules2018';

export interface TipRewardInput {
  /** The day the tip was received; it decides which rules apply. */
  readonly tipDate: LocalDate;
  readonly subject: TipSubject;
  /** 经核查属实 */
  readonly verified: boolean;
  /** Only the first valid reporter of the same matter is rewarded. */
  readonly firstValidReporter: boolean;
  /** 2018 rules, hazard or illegal production: the fine imposed, whole yuan. */
  readonly fineYuan?: number;
  /** Concealed accident: its final grade. */
  readonly accidentGrade?: AccidentGrade;
  /** 2018 rules, concealed accident: deaths concealed or falsely reported, as verified. */
  readonly concealedDeaths?: number;
}

export type TipReward =
  | {
      readonly ok: true;
      readonly regime: RewardRegime;
      readonly eligible: false;
      readonly reasonZh: string;
    }
  | {
      readonly ok: true;
      readonly regime: RewardRegime;
      readonly eligible: true;
      /** The amount when the rules fix it; absent when the office chooses within the range. */
      readonly amountYuan?: number;
      readonly minYuan: number;
      readonly maxYuan: number;
      readonly detailZh: string;
      readonly basisZh: string;
    }
  | Refusal;

const BASIS_2012 = '安全生产举报奖励办法（安监总财〔2012〕63号）第十二条';
const BASIS_2018 = '安全生产领域举报奖励办法（安监总财〔2018〕19号）';

const CONCEALED_2012: Readonly<Record<AccidentGrade, readonly [number, number]>> = {
  general: [3000, 5000],
  larger: [5000, 10000],
  major: [10000, 20000],
  especiallyMajor: [30000, 30000],
};

const PER_DEATH_2018: Readonly<Record<AccidentGrade, number>> = {
  general: 30000,
  larger: 40000,
  major: 50000,
  especiallyMajor: 60000,
};

export const REWARD_2018 = { finePercent: 15, minYuan: 3000, maxYuan: 300000 } as const;

export function rewardRegimeOn(tipDate: LocalDate): RewardRegime | null {
  if (tipDate >= REWARD_RULES_2018_EFFECTIVE_ON) return 'rules2018';
  if (tipDate >= REWARD_RULES_2012_EFFECTIVE_ON) return 'rules2012';
  return null;
}

/** 15% of a whole-yuan fine, rounded half up to the yuan, in integer arithmetic. */
export function fifteenPercentRounded(fineYuan: number): number {
  return Math.floor((fineYuan * REWARD_2018.finePercent * 2 + 100) / 200);
}

export function computeTipReward(input: TipRewardInput): TipReward {
  if (!isLocalDate(input.tipDate)) return refuse('tip.invalidDate', `举报日期“${input.tipDate}”不是有效日期。`);
  const regime = rewardRegimeOn(input.tipDate);
  if (regime === null) {
    return refuse(
      'tip.rulesNotCovered',
      `举报日期${input.tipDate}早于安监总财〔2012〕63号施行之日（${REWARD_RULES_2012_EFFECTIVE_ON}），适用此前的奖励规定，本系统未收录，请人工核定。`,
    );
  }
  if (!input.verified) return { ok: true, regime, eligible: false, reasonZh: '举报事项未经核查属实，不予奖励。' };
  if (!input.firstValidReporter) {
    return { ok: true, regime, eligible: false, reasonZh: '同一事项已有最先有效举报人，仅奖励最先有效举报的举报人。' };
  }
  if (input.subject === 'concealedAccident') {
    if (input.accidentGrade === undefined || !(input.accidentGrade in PER_DEATH_2018)) {
      return refuse('tip.missingData', '举报瞒报、谎报事故的，须写明最终确认的事故等级。');
    }
    const gradeZh = ACCIDENT_GRADE_ZH[input.accidentGrade];
    if (regime === 'rules2012') {
      const [min, max] = CONCEALED_2012[input.accidentGrade];
      return {
        ok: true,
        regime,
        eligible: true,
        ...(min === max ? { amountYuan: min } : {}),
        minYuan: min,
        maxYuan: max,
        detailZh: min === max ? `举报瞒报、谎报${gradeZh}，奖励${min}元。` : `举报瞒报、谎报${gradeZh}，奖励${min}元至${max}元，由受理部门在此范围内核定。`,
        basisZh: BASIS_2012,
      };
    }
    const deaths = input.concealedDeaths;
    if (deaths === undefined || !Number.isInteger(deaths) || deaths < 0) {
      return refuse('tip.missingData', '举报瞒报、谎报事故的，须写明查实的瞒报、谎报死亡人数（不小于0的整数）。');
    }
    if (deaths === 0) {
      return { ok: true, regime, eligible: false, reasonZh: '未查实瞒报、谎报死亡人数，按每查实1人的标准无奖励金额。' };
    }
    const per = PER_DEATH_2018[input.accidentGrade];
    const raw = per * deaths;
    const amount = Math.min(raw, REWARD_2018.maxYuan);
    return {
      ok: true,
      regime,
      eligible: true,
      amountYuan: amount,
      minYuan: amount,
      maxYuan: amount,
      detailZh: `${gradeZh}每查实瞒报、谎报1人奖励${per}元，${deaths}人计${raw}元${raw > amount ? `，超过最高额，按${REWARD_2018.maxYuan}元` : ''}。`,
      basisZh: BASIS_2018,
    };
  }
  const subjectZh = input.subject === 'majorHazard' ? '重大事故隐患' : '非法违法生产经营建设行为';
  if (regime === 'rules2012') {
    return {
      ok: true,
      regime,
      eligible: true,
      minYuan: 1000,
      maxYuan: 10000,
      detailZh: `举报${subjectZh}经核查属实，奖励1000元至10000元，由受理部门在此范围内核定。`,
      basisZh: BASIS_2012,
    };
  }
  const fine = input.fineYuan;
  if (fine === undefined || !Number.isInteger(fine) || fine < 0) {
    return refuse('tip.missingData', '按2018年办法计算奖励，须写明行政处罚罚款金额（不小于0的整数元）。');
  }
  const share = fifteenPercentRounded(fine);
  const amount = Math.min(Math.max(share, REWARD_2018.minYuan), REWARD_2018.maxYuan);
  const clamp = share < REWARD_2018.minYuan ? `，低于最低额，按${REWARD_2018.minYuan}元` : share > REWARD_2018.maxYuan ? `，超过最高额，按${REWARD_2018.maxYuan}元` : '';
  return {
    ok: true,
    regime,
    eligible: true,
    amountYuan: amount,
    minYuan: amount,
    maxYuan: amount,
    detailZh: `举报${subjectZh}，罚款${fine}元的15%为${share}元（四舍五入到元）${clamp}。`,
    basisZh: BASIS_2018,
  };
}

/** Checks an amount the office decided under the 2012 ranges. */
export function checkDecidedReward(reward: TipReward, decidedYuan: number): Refusal | null {
  if (!reward.ok || !reward.eligible) return refuse('tip.notEligible', '该举报不符合奖励条件，不能核定奖励金额。');
  if (!Number.isInteger(decidedYuan) || decidedYuan < reward.minYuan || decidedYuan > reward.maxYuan) {
    return refuse('tip.amountOutOfRange', `核定的奖励金额${decidedYuan}元不在${reward.minYuan}元至${reward.maxYuan}元之间（${reward.basisZh}）。`);
  }
  return null;
}

export interface TipReport {
  readonly id: string;
  /** When the tip was received (受理时间). */
  readonly receivedAt: Instant;
  /** The matter was verified true and the report is valid (有效举报). */
  readonly valid: boolean;
}

/**
 * Of several reports of the same matter, the one to reward: the earliest valid one (ties at the same
 * instant go to the smaller id, so the choice is stable). Null when none is valid.
 */
export function firstValidReport(reports: readonly TipReport[]): string | null {
  let best: TipReport | null = null;
  for (const r of reports) {
    if (!r.valid) continue;
    if (best === null) {
      best = r;
      continue;
    }
    const a = instantMs(r.receivedAt);
    const b = instantMs(best.receivedAt);
    if (a < b || (a === b && r.id < best.id)) best = r;
  }
  return best?.id ?? null;
}
