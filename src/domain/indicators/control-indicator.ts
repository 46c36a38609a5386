import type { Accident } from '../accidents/accident';
import { accidentGradeLabels, gradeAccident, gradeAtLeast, type AccidentGrade } from '../accidents/grade';
import { sectorLabel } from '../sectors';

/**
 * Control indicators (控制指标): ceilings issued to a unit for the year in its agreement.
 * Actuals are derived from the accident register and never typed twice (primer §2).
 */
export const indicatorKinds = ['deaths', 'seriousInjuries', 'directLoss', 'accidents'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const indicatorKindLabels: Record<IndicatorKind, string> = {
  deaths: '死亡人数',
  seriousInjuries: '重伤人数',
  directLoss: '直接经济损失（元）',
  accidents: '事故起数',
};

export interface ControlIndicator {
  kind: IndicatorKind;
  ceiling: number;
  /** count only accidents of this grade or worse (较大事故 = 0 → accidents, minGrade larger, ceiling 0) */
  minGrade?: AccidentGrade | undefined;
  /** count only accidents in this sector (deaths by sector) */
  sector?: string | undefined;
  /** count only 责任事故 */
  liabilityOnly?: boolean | undefined;
}

export interface IndicatorStatus {
  indicator: ControlIndicator;
  label: string;
  actual: number;
  breached: boolean;
  /** accident ids that make up the actual */
  accidentIds: string[];
}

export function describeIndicator(indicator: ControlIndicator): string {
  const parts: string[] = [];
  if (indicator.sector) parts.push(`${sectorLabel(indicator.sector)}行业`);
  if (indicator.liabilityOnly) parts.push('责任事故');
  if (indicator.minGrade && indicator.minGrade !== 'general') parts.push(`${accidentGradeLabels[indicator.minGrade]}及以上`);
  const label = indicator.kind === 'accidents' && indicator.minGrade && indicator.minGrade !== 'general'
    ? `${parts.join('')}事故起数`
    : `${parts.join('')}${indicatorKindLabels[indicator.kind]}`;
  return `${label} ≤ ${indicator.ceiling}`;
}

/**
 * Actual against ceiling over the accidents attributed to the unit (by area or sector,
 * decided by the caller). Breach means actual strictly above the ceiling (突破).
 */
export function evaluateIndicator(
  indicator: ControlIndicator,
  accidents: readonly Accident[],
  gradeOf: (accident: Accident) => AccidentGrade = (a) => gradeAccident(a).grade,
): IndicatorStatus {
  let actual = 0;
  const accidentIds: string[] = [];
  for (const accident of accidents) {
    if (indicator.sector && accident.sector !== indicator.sector) continue;
    if (indicator.liabilityOnly && !accident.liability) continue;
    if (indicator.minGrade && !gradeAtLeast(gradeOf(accident), indicator.minGrade)) continue;
    const amount = indicator.kind === 'accidents' ? 1 : accident[indicator.kind];
    if (amount > 0) accidentIds.push(accident.id);
    actual += amount;
  }
  return { indicator, label: describeIndicator(indicator), actual, breached: actual > indicator.ceiling, accidentIds };
}

export interface Pace {
  /** share of the ceiling used, in hundredths of a percent (7860 = 78.60%); null when the ceiling is 0 */
  usedBasisPoints: number | null;
  /** share of the year elapsed at `asOf`, in hundredths of a percent */
  elapsedBasisPoints: number;
  /** used share above the elapsed share, or any use of a zero ceiling */
  aheadOfPace: boolean;
  breached: boolean;
}

/**
 * Year-to-date use compared with the share of the year elapsed (primer §2: 78.6% of a death
 * ceiling used by the end of August is ahead of pace). `asOf` is an ISO date (YYYY-MM-DD),
 * counted as the end of that day; the caller passes it in (the domain reads no clock).
 */
export function indicatorPace(ceiling: number, actual: number, year: number, asOf: string): Pace {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const day = Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`) + 86_400_000;
  const elapsed = Math.min(Math.max(day - start, 0), end - start);
  const elapsedBasisPoints = Math.round((elapsed / (end - start)) * 10_000);
  const breached = actual > ceiling;
  if (ceiling <= 0) {
    return { usedBasisPoints: null, elapsedBasisPoints, aheadOfPace: actual > 0, breached };
  }
  const usedBasisPoints = Math.round((actual / ceiling) * 10_000);
  return { usedBasisPoints, elapsedBasisPoints, aheadOfPace: usedBasisPoints > elapsedBasisPoints, breached };
}
