import { evaluateIndicator, indicatorPace, type IndicatorStatus, type Pace } from '../indicators/control-indicator';
import { attributeAccidents } from './attribution';
import type { AssessmentCase } from './case';

export interface UnitIndicatorReport {
  unitId: string;
  name: string;
  indicators: (IndicatorStatus & { pace: Pace })[];
}

/**
 * Control indicators of every unit as of a date: only accidents that occurred on or before
 * `asOf` count, and use is compared with the share of the year elapsed (primer §2: ahead of
 * pace → warning). Units in registry order.
 */
export function indicatorReport(input: AssessmentCase, asOf: string): UnitIndicatorReport[] {
  const day = asOf.slice(0, 10);
  const year = input.scheme.campaign.year;
  const accidents = input.accidents.filter((a) => a.occurredAt.slice(0, 10) <= day);
  const { area, sector } = attributeAccidents(input.units, accidents);
  return input.units.map((unit) => {
    const territorial = input.compiled.categoryById.get(unit.category)?.responsibility === 'territorial';
    const own = (territorial ? area : sector).get(unit.id) ?? [];
    return {
      unitId: unit.id,
      name: unit.name,
      indicators: (unit.controlIndicators ?? []).map((indicator) => {
        const status = evaluateIndicator(indicator, own);
        return { ...status, pace: indicatorPace(indicator.ceiling, status.actual, year, day) };
      }),
    };
  });
}
