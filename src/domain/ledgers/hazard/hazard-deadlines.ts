// Deadlines, overdue detection and escalation of hazard cards, at an injected `now`.
//
// - Rectification is overdue from the day after its deadline while the card is still being
//   rectified (state 'rectifying'). Once the enterprise applies for acceptance the clock stops;
//   if acceptance fails and the card goes back to rectification, it is overdue again.
// - Acceptance is overdue from the day after acceptanceDueOn (application + 10 days,
//   安监总局令第16号 第二十三条) while the card waits for acceptance.
// - Escalation (督办 → 挂牌督办): overdue hazards are supervised (督办) by the regulating
//   department; a 重大隐患 is listed for supervision (挂牌督办) by the government at the level the
//   local rules name — passed in as config because it differs between provinces.

import type { Instant, LocalDate } from '../shared/dates.ts';
import { addDays, chinaDateOf, daysBetween } from '../shared/dates.ts';
import type { HazardCard } from './hazard-card.ts';

export type GovernmentLevel = 'town' | 'county' | 'city' | 'province';

export const GOVERNMENT_LEVEL_ZH: Readonly<Record<GovernmentLevel, string>> = {
  town: '乡镇人民政府（街道办事处）',
  county: '县级人民政府',
  city: '设区的市级人民政府',
  province: '省级人民政府',
};

export interface HazardEscalationConfig {
  /** 督办 when rectification is this many days overdue (≥ 1: the first overdue day is 1). */
  readonly supervisionWhenOverdueDays: number;
  readonly listedSupervision: {
    /** The government that lists a 重大隐患 for supervision. */
    readonly governmentLevel: GovernmentLevel;
    /** 挂牌督办 of a 重大隐患 once it is this many days overdue (≥ 1). */
    readonly whenOverdueDays: number;
    /** Some places list every 重大隐患 as soon as it is graded, overdue or not. */
    readonly onceGradedMajor: boolean;
  };
}

export interface HazardDeadlineStatus {
  readonly today: LocalDate;
  readonly rectificationDeadline?: LocalDate;
  readonly rectificationOverdue: boolean;
  /** Days past the rectification deadline (0 when not overdue). */
  readonly daysOverdue: number;
  readonly acceptanceDueOn?: LocalDate;
  readonly acceptanceOverdue: boolean;
  readonly acceptanceDaysOverdue: number;
}

export type HazardEscalationLevel = 'none' | 'supervision' | 'listedSupervision';

export interface HazardEscalation {
  readonly level: HazardEscalationLevel;
  /** The date from which the current level applies. */
  readonly sinceOn?: LocalDate;
  /** Who supervises, in Chinese. */
  readonly byZh?: string;
  readonly reasonZh: string;
}

export function hazardDeadlineStatus(card: HazardCard, now: Date | Instant): HazardDeadlineStatus {
  const today = chinaDateOf(now);
  const deadline = card.rectification?.deadline;
  const rectificationOverdue = card.state === 'rectifying' && deadline !== undefined && today > deadline;
  const acceptanceOverdue =
    card.state === 'acceptanceApplied' && card.acceptanceDueOn !== undefined && today > card.acceptanceDueOn;
  return {
    today,
    ...(deadline === undefined ? {} : { rectificationDeadline: deadline }),
    rectificationOverdue,
    daysOverdue: rectificationOverdue ? daysBetween(deadline!, today) : 0,
    ...(card.acceptanceDueOn === undefined ? {} : { acceptanceDueOn: card.acceptanceDueOn }),
    acceptanceOverdue,
    acceptanceDaysOverdue: acceptanceOverdue ? daysBetween(card.acceptanceDueOn!, today) : 0,
  };
}

function validateConfig(config: HazardEscalationConfig): void {
  const days = [config.supervisionWhenOverdueDays, config.listedSupervision.whenOverdueDays];
  if (days.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new RangeError('督办、挂牌督办的逾期天数应为不小于1的整数。');
  }
  if (!(config.listedSupervision.governmentLevel in GOVERNMENT_LEVEL_ZH)) {
    throw new RangeError(`未知的政府层级：${String(config.listedSupervision.governmentLevel)}`);
  }
}

/** The escalation a card has reached at `now`. */
export function hazardEscalation(card: HazardCard, now: Date | Instant, config: HazardEscalationConfig): HazardEscalation {
  validateConfig(config);
  if (card.state === 'accepted' || card.state === 'closed') {
    return { level: 'none', reasonZh: '隐患已验收或销号，无需督办。' };
  }
  const status = hazardDeadlineStatus(card, now);
  const listedBy = `${GOVERNMENT_LEVEL_ZH[config.listedSupervision.governmentLevel]}挂牌督办`;
  const major = card.grade === 'major';
  const deadline = status.rectificationDeadline;

  if (major && config.listedSupervision.onceGradedMajor && card.gradedOn !== undefined) {
    return {
      level: 'listedSupervision',
      sinceOn: card.gradedOn,
      byZh: listedBy,
      reasonZh: `重大隐患自定级之日（${card.gradedOn}）起挂牌督办。`,
    };
  }
  if (!status.rectificationOverdue || deadline === undefined) {
    return { level: 'none', reasonZh: '隐患未逾期。' };
  }
  if (major && status.daysOverdue >= config.listedSupervision.whenOverdueDays) {
    const sinceOn = addDays(deadline, config.listedSupervision.whenOverdueDays);
    return {
      level: 'listedSupervision',
      sinceOn,
      byZh: listedBy,
      reasonZh: `重大隐患整改期限为${deadline}，已逾期${status.daysOverdue}日（满${config.listedSupervision.whenOverdueDays}日挂牌督办）。`,
    };
  }
  if (status.daysOverdue >= config.supervisionWhenOverdueDays) {
    const sinceOn = addDays(deadline, config.supervisionWhenOverdueDays);
    return {
      level: 'supervision',
      sinceOn,
      byZh: '行业监管部门督办',
      reasonZh: `整改期限为${deadline}，已逾期${status.daysOverdue}日（满${config.supervisionWhenOverdueDays}日督办）。`,
    };
  }
  return { level: 'none', reasonZh: `整改期限为${deadline}，已逾期${status.daysOverdue}日，未达督办天数。` };
}
