// Every deadline of an enforcement measure, its status at an injected `now`, and warnings before a
// deadline passes. Day periods are calendar days in China time (start day not counted); hour
// periods are exact.

import type { Instant, LocalDate } from '../shared/dates.ts';
import { addDays, addHours, addMonths, chinaDateOf, hoursBetween, instantMs, toInstant } from '../shared/dates.ts';
import { ENFORCEMENT_PERIODS, PROCEDURES } from './procedures.ts';
import type { EnforcementMeasure } from './record-step.ts';
import { findStep, sealPeriodEndsOn } from './record-step.ts';

export type DeadlineKey =
  | 'emergencyApproval' // 紧急实施后24小时内报告并补办批准
  | 'afterTheFactDecision' // 先行查封扣押后48小时内补办决定书
  | 'disposal' // 查封扣押后15日内作出处理决定
  | 'sealPeriodEnd' // 查封扣押期限届满（30日，延长一次不超过30日）
  | 'powerCutEarliest' // 提前24小时通知后方可停电
  | 'suspensionMaxEnd' // 停产停业等一般不超过6个月
  | 'suspensionPeriodEnd' // 决定写明的停产停业期限
  | 'resumptionReview' // 申请恢复生产后10日内审查
  | 'rectifyBy' // 责令限期整改的期限
  | 'selfDemolitionBy'; // 自行拆除期限

/**
 * 'due' deadlines must be met by a step on or before them; 'notBefore' ones forbid a step earlier.
 * Status: met / metLate (step done after the deadline) / pending / overdue (not done, deadline
 * passed) / open (a notBefore moment not yet reached) / reached.
 */
export interface MeasureDeadline {
  readonly key: DeadlineKey;
  readonly kind: 'due' | 'notBefore';
  /** An Instant for hour periods, a LocalDate for day and month periods. */
  readonly at: Instant | LocalDate;
  readonly status: 'met' | 'metLate' | 'pending' | 'overdue' | 'open' | 'reached';
  readonly labelZh: string;
  readonly basisZh: string;
}

function dueByInstant(key: DeadlineKey, at: Instant, doneAt: Instant | undefined, now: Instant, labelZh: string, basisZh: string): MeasureDeadline {
  const status = doneAt !== undefined
    ? instantMs(doneAt) <= instantMs(at) ? 'met' : 'metLate'
    : instantMs(now) > instantMs(at) ? 'overdue' : 'pending';
  return { key, kind: 'due', at, status, labelZh, basisZh };
}

function dueByDate(key: DeadlineKey, at: LocalDate, doneAt: Instant | undefined, now: Instant, labelZh: string, basisZh: string): MeasureDeadline {
  const status = doneAt !== undefined
    ? chinaDateOf(doneAt) <= at ? 'met' : 'metLate'
    : chinaDateOf(now) > at ? 'overdue' : 'pending';
  return { key, kind: 'due', at, status, labelZh, basisZh };
}

export function enforcementDeadlines(measure: EnforcementMeasure, now: Date | Instant): readonly MeasureDeadline[] {
  const nowI = toInstant(now);
  const out: MeasureDeadline[] = [];
  const type = measure.type;
  const onSite = findStep(measure, 'onSite');
  const decision = findStep(measure, 'decision');
  const lift = findStep(measure, 'lift');

  if (type === 'seal' || type === 'seize') {
    const name = PROCEDURES[type].nameZh;
    if (onSite && measure.emergency) {
      out.push(dueByInstant('emergencyApproval', addHours(onSite.at, ENFORCEMENT_PERIODS.emergencyApprovalHours), findStep(measure, 'approval')?.at, nowI,
        '向行政机关负责人报告并补办批准手续', '行政强制法第十九条：紧急情况当场实施后24小时内'));
      out.push(dueByInstant('afterTheFactDecision', addHours(onSite.at, ENFORCEMENT_PERIODS.afterTheFactDecisionHours), decision?.at, nowI,
        `补办${name}决定书并送达`, '安监总局令第15号第十五条：先行实施后48小时内'));
    }
    if (onSite) {
      out.push(dueByDate('disposal', addDays(chinaDateOf(onSite.at), ENFORCEMENT_PERIODS.sealSeizeDisposalDays), findStep(measure, 'disposal')?.at, nowI,
        '作出处理决定', `安监总局令第15号第十五条：${name}后15日内`));
    }
    const endsOn = sealPeriodEndsOn(measure);
    if (endsOn) {
      out.push(dueByDate('sealPeriodEnd', endsOn, lift?.at, nowI, `${name}期限届满，应当解除`,
        '行政强制法第二十五条、第二十八条：不超过30日，经批准可延长一次、不超过30日'));
    }
  }

  if (type === 'powerCut' && !measure.emergency) {
    const notice = findStep(measure, 'partyNotice');
    if (notice) {
      const earliest = addHours(notice.at, ENFORCEMENT_PERIODS.powerCutNoticeHours);
      out.push({ key: 'powerCutEarliest', kind: 'notBefore', at: earliest, status: instantMs(nowI) >= instantMs(earliest) ? 'reached' : 'open',
        labelZh: '最早可执行停电的时间', basisZh: '安全生产法（2014）第六十七条、（2021）第七十条：除紧急情形外提前24小时通知' });
    }
  }

  if (type === 'suspendProduction' || type === 'suspendConstruction' || type === 'suspendUse') {
    if (decision) {
      const start = chinaDateOf(decision.at);
      out.push(dueByDate('suspensionMaxEnd', addMonths(start, ENFORCEMENT_PERIODS.suspensionMaxMonths), lift?.at, nowI,
        '停产停业（停止施工、停止使用）一般最长期限', '安监总局令第15号第十四条：一般不超过6个月'));
      if (decision.input.periodEndsOn) {
        out.push(dueByDate('suspensionPeriodEnd', decision.input.periodEndsOn, lift?.at, nowI, '决定写明的期限届满', '停产停业决定书'));
      }
    }
    const applied = findStep(measure, 'resumptionApplication');
    if (applied) {
      out.push(dueByDate('resumptionReview', addDays(chinaDateOf(applied.at), ENFORCEMENT_PERIODS.resumptionReviewDays), findStep(measure, 'resumptionReview')?.at, nowI,
        '对恢复生产申请进行现场审查', '安监总局令第16号第二十三条：收到申请后10日内'));
    }
  }

  if (type === 'orderRectification' && decision?.input.rectifyBy) {
    const review = findStep(measure, 'review');
    // The enterprise's deadline: met when the review found it rectified by then.
    const doneAt = review && review.input.rectified ? review.at : undefined;
    const d = dueByDate('rectifyBy', decision.input.rectifyBy, doneAt, nowI, '整改期限', '责令限期整改指令书');
    out.push(review && !review.input.rectified ? { ...d, status: chinaDateOf(nowI) > decision.input.rectifyBy ? 'overdue' : 'pending' } : d);
  }

  if (type === 'demolition' && decision?.input.selfDemolitionBy) {
    const by = decision.input.selfDemolitionBy;
    out.push({ key: 'selfDemolitionBy', kind: 'notBefore', at: addDays(by, 1), status: chinaDateOf(nowI) > by ? 'reached' : 'open',
      labelZh: '自行拆除期限届满、可强制拆除的最早日期', basisZh: '行政强制法第四十四条' });
  }
  return out;
}

export interface DeadlineWarning {
  readonly key: DeadlineKey;
  readonly level: 'upcoming' | 'overdue';
  readonly messageZh: string;
}

/**
 * Warnings for pending 'due' deadlines within `warnWithinHours` of `now` (a day deadline is taken
 * to end at 24:00 China time of its date), and for overdue ones.
 */
export function enforcementWarnings(measure: EnforcementMeasure, now: Date | Instant, warnWithinHours: number): readonly DeadlineWarning[] {
  const nowI = toInstant(now);
  const out: DeadlineWarning[] = [];
  for (const d of enforcementDeadlines(measure, nowI)) {
    if (d.kind !== 'due') continue;
    if (d.status === 'overdue') {
      out.push({ key: d.key, level: 'overdue', messageZh: `已逾期：${d.labelZh}（应于${d.at}前，${d.basisZh}）。` });
    } else if (d.status === 'pending') {
      const endInstant = d.at.length === 10 ? new Date(Date.parse(`${addDays(d.at, 1)}T00:00:00+08:00`)).toISOString() : d.at;
      const left = hoursBetween(nowI, endInstant);
      if (left <= warnWithinHours) {
        out.push({ key: d.key, level: 'upcoming', messageZh: `即将到期：${d.labelZh}，应于${d.at}前完成（剩余约${Math.max(0, Math.floor(left))}小时，${d.basisZh}）。` });
      }
    }
  }
  return out;
}
