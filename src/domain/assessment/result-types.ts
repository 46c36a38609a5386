import type { AccidentGrade } from '../accidents/grade';
import type { Centi } from '../arith/points';
import type { IndicatorStatus } from '../indicators/control-indicator';

/**
 * The result of applying a scheme to the facts. Every number keeps what produced it (the
 * rule, its inputs and intermediate values) so that `explainUnit` can print a trace a
 * person can follow (得分反查) without recomputing anything.
 */

export interface DeductionLine {
  times: number;
  each: Centi;
  reason: string;
}

export interface ItemResult {
  /** plan index */
  index: number;
  id: string;
  /** null = 缺项 (not applicable) */
  earned: Centi | null;
  /** how the input was read, for the trace */
  input:
    | { kind: 'score'; note?: string | undefined }
    | { kind: 'deductions'; lines: DeductionLine[]; total: Centi; floored: boolean }
    | { kind: 'passFail'; passed: boolean }
    | { kind: 'formula'; metric: string; value: number; sources: string[]; detail?: string | undefined; rounded: boolean }
    | { kind: 'notApplicable'; reason: string }
    | { kind: 'missing' };
  note?: string | undefined;
}

export interface GroupResult {
  index: number;
  id: string;
  /** sum of children's contributions */
  earnedRaw: Centi;
  /** standard points of children not marked 缺项 */
  applicable: Centi;
  /** standard points of children marked 缺项 */
  notApplicable: Centi;
  /** what the group contributes to its parent, after 折算/缺项 normalisation */
  contribution: Centi | null;
  rescaled: boolean;
  rounded: boolean;
}

export interface AdjustmentLine {
  itemId: string;
  name: string;
  /** e.g. "省级" or "2次" */
  detail: string;
  raw: Centi;
  points: Centi;
  capped: boolean;
  notes: string[];
}

export interface AdjustmentResult {
  lines: AdjustmentLine[];
  raw: Centi;
  total: Centi;
  cap: Centi | null;
}

export interface VetoHit {
  ruleId: string;
  reason: string;
  /** what fired it: accident ids, indicator text, score, metric, or the manual decision */
  evidence:
    | { kind: 'accidents'; accidentIds: string[]; grades: AccidentGrade[] }
    | { kind: 'indicators'; indicators: string[]; accidentIds: string[] }
    | { kind: 'score'; total: Centi; line: Centi }
    | { kind: 'metric'; metric: string; value: number; limit: number; sources: string[] }
    | { kind: 'manual'; note?: string | undefined };
}

export interface RewardResult {
  eligible: boolean;
  /** why not eligible, in Chinese */
  ineligibleReasons: string[];
  amount: number | null;
  /** e.g. "400元 × (95 − 80) = 6000元" */
  formula: string;
  splits: { role: string; name: string; percent: number; amount: number }[];
  /** what stays with the unit after the splits */
  remainder: number | null;
}

export interface UnitResult {
  unitId: string;
  name: string;
  categoryId: string;
  categoryName: string;
  /** position in the registry (units file), 0-based */
  registryIndex: number;
  /**
   * Points of each leaf in plan order (CategoryPlan.leaves), in hundredths; -1 = 缺项,
   * -2 = not scored yet. Typed so 10,000 units × 100 items stay compact; `unitItems`
   * gives each item with its explanation.
   */
  leafEarned: Int32Array;
  /** sum of top-level contributions before normalisation */
  baseRaw: Centi;
  /** standard points of top-level items not marked 缺项 */
  baseApplicable: Centi;
  /** base after 缺项 normalisation (on the scheme's scale) */
  base: Centi;
  baseRounded: boolean;
  bonus: AdjustmentResult;
  penalty: AdjustmentResult;
  /** base + bonus − penalty, floored at 0 */
  total: Centi;
  totalFloored: boolean;
  vetoes: VetoHit[];
  /** hits the committee office rejected after review, with its reason */
  rejectedVetoes: { hit: VetoHit; reason: string }[];
  vetoed: boolean;
  indicators: IndicatorStatus[];
  breached: boolean;
  /** the score published in the table: null when a veto blanks it */
  publishedScore: Centi | null;
  /** grade from the score bands (before rank-based grades) */
  bandGrade: string;
  grade: string;
  gradeReason: string;
  /** rank among units compared (null when not ranked, e.g. vetoed) */
  rank: number | null;
  rankScope: string;
  reward: RewardResult;
  missingItems: string[];
}

export interface CampaignStats {
  assessed: number;
  threshold: Centi;
  atOrAboveThreshold: number;
  /** two decimals, as published: "89.47" */
  passRatePercent: string;
  vetoed: number;
  rewardTotal: number;
  rewardByCategory: { categoryId: string; categoryName: string; units: number; rewarded: number; total: number }[];
  gradeCounts: { grade: string; count: number }[];
}

export interface AssessmentResult {
  campaign: { name: string; year: number; period?: string | undefined; schemeVersion: string };
  /** in published table order */
  units: UnitResult[];
  stats: CampaignStats;
}
