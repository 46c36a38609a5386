import { formatPoints, type Centi } from '../arith/points';
import { mulDivRound, roundingModeLabels } from '../arith/rounding';
import type { CompiledScheme } from '../scheme/compile-scheme';
import { contains } from '../scheme/interval';
import type { Scheme } from '../scheme/schema';
import type { UnitInput } from '../scheme/facts-schema';
import type { RewardResult } from './result-types';

export interface RewardSubject {
  unit: UnitInput;
  total: Centi;
  grade: string;
  vetoed: boolean;
  breached: boolean;
  breachText: string[];
}

const none = (reasons: string[], formula = ''): RewardResult => ({
  eligible: false,
  ineligibleReasons: reasons,
  amount: null,
  formula,
  splits: [],
  remainder: null,
});

/**
 * Reward for one unit, in whole yuan with the scheme's explicit rounding. A veto always
 * removes the reward (primer §1: 一票否决 — no reward); 周村 also requires no breached
 * control indicator (《周村区安全生产目标管理考核奖惩办法》: 没有突破控制指标且考核分数在80分以上).
 */
export function computeReward(scheme: Scheme, compiled: CompiledScheme, subject: RewardSubject): RewardResult {
  const config = scheme.reward;
  if (!config) return none(['本方案不设奖励']);
  if (subject.vetoed) return none(['被一票否决，不予奖励']);
  if (config.requireNoBreach && subject.breached) return none([`突破控制指标（${subject.breachText.join('；')}），不予奖励`]);
  const entry = compiled.rewardRules.find((r) => !r.categories || r.categories.has(subject.unit.category));
  if (!entry) return none(['本类别不设奖励']);
  const rounding = config.rounding;
  const roundingText = roundingModeLabels[rounding];
  let amount: number;
  let formula: string;
  const rule = entry.rule;
  switch (rule.type) {
    case 'linear': {
      if (subject.total < entry.threshold) {
        return none([`考核分数 ${formatPoints(subject.total)} 低于 ${formatPoints(entry.threshold)} 分，不予奖励`]);
      }
      // rate yuan per point × (score − threshold); points are hundredths, hence /100.
      amount = mulDivRound(rule.perPoint, subject.total - entry.threshold, 100, rounding);
      formula = `${rule.perPoint}元/分 × (${formatPoints(subject.total)} − ${formatPoints(entry.threshold)}) = ${amount}元`;
      if ((rule.perPoint * (subject.total - entry.threshold)) % 100 !== 0) formula += `（${roundingText}到元）`;
      break;
    }
    case 'bandBase': {
      const band = entry.bands.find((b) => contains(b.interval, subject.total));
      if (!band || band.percent === 0) {
        return none([`考核分数 ${formatPoints(subject.total)} 不在奖励分数段内${band ? `（${band.range} 奖励比例为 0）` : ''}`]);
      }
      const base = subject.unit.rewardBase ?? 0;
      // base × percent / 100, with percent to two decimals kept exact as hundredths.
      amount = mulDivRound(base, Math.round(band.percent * 100), 10_000, rounding);
      formula = `分数段 ${band.range}：基数 ${base}元 × ${band.percent}% = ${amount}元`;
      break;
    }
    case 'perGrade': {
      const fixed = rule.amounts[subject.grade];
      if (fixed === undefined) return none([`等次“${subject.grade}”不设奖励`]);
      amount = fixed;
      formula = `等次“${subject.grade}”奖励 ${fixed}元`;
      break;
    }
  }
  const splits: RewardResult['splits'] = [];
  for (const split of config.splits ?? []) {
    if (split.appliesTo && !split.appliesTo.includes(subject.unit.category)) continue;
    const person = subject.unit.persons?.find((p) => p.role === split.role);
    splits.push({
      role: split.role,
      name: person?.name ?? '',
      percent: split.percent,
      amount: mulDivRound(amount, Math.round(split.percent * 100), 10_000, rounding),
    });
  }
  const remainder = splits.length > 0 ? amount - splits.reduce((sum, s) => sum + s.amount, 0) : null;
  return { eligible: true, ineligibleReasons: [], amount, formula, splits, remainder };
}
