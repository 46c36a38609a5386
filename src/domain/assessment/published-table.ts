import { centiToNumber } from '../arith/points';
import type { AssessmentResult, UnitResult } from './result-types';

/** One row of the published results table (附件：考核成绩表) plus grade and rank. */
export interface PublishedRow {
  seq: number;
  /** the unit's identifier: names change (区安监局 → 区应急管理局), identifiers do not */
  unitId: string;
  unit: string;
  category: string;
  score: number | null;
  reward: number | null;
  remark: string;
  rank: number | null;
  grade: string;
  vetoed: boolean;
}

export interface PublishedTable {
  campaign: { name: string; year: number };
  stats: { assessed: number; atOrAboveThreshold: number; passRatePercent: string };
  rows: PublishedRow[];
}

/** 备注: the veto reasons (周村: "辖区发生较大生产安全事故，实施一票否决"), else why no reward. */
export function remarkOf(r: UnitResult): string {
  if (r.vetoed) return [...new Set(r.vetoes.map((v) => v.reason))].join('；');
  if (r.breached && !r.reward.eligible) return r.reward.ineligibleReasons.join('；');
  return '';
}

export function toPublishedRow(r: UnitResult, seq: number): PublishedRow {
  return {
    seq,
    unitId: r.unitId,
    unit: r.name,
    category: r.categoryName,
    score: r.publishedScore === null ? null : centiToNumber(r.publishedScore),
    reward: r.reward.eligible ? r.reward.amount : null,
    remark: remarkOf(r),
    rank: r.rank,
    grade: r.grade,
    vetoed: r.vetoed,
  };
}

/** The table as published, in the scheme's row order; the shape of `anke assess --format json`. */
export function toPublishedTable(result: AssessmentResult): PublishedTable {
  return {
    campaign: { name: result.campaign.name, year: result.campaign.year },
    stats: {
      assessed: result.stats.assessed,
      atOrAboveThreshold: result.stats.atOrAboveThreshold,
      passRatePercent: result.stats.passRatePercent,
    },
    rows: result.units.map((r, i) => toPublishedRow(r, i + 1)),
  };
}
