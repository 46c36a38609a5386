import { describe, expect, it } from 'vitest';
import type { Accident } from '../../../src/domain/accidents/accident';
import { evaluateIndicator, indicatorPace } from '../../../src/domain/indicators/control-indicator';

const acc = (id: string, over: Partial<Accident>): Accident => ({ id, occurredAt: '2014-05-01', deaths: 0, seriousInjuries: 0, directLoss: 0, liability: true, ...over });
const accidents = [
  acc('A1', { deaths: 1, sector: 'road' }),
  acc('A2', { deaths: 3, sector: 'construction' }),
  acc('A3', { deaths: 1, sector: 'road', liability: false }),
  acc('A4', { seriousInjuries: 2, directLoss: 300_000, sector: 'road' }),
];

describe('control indicators: actuals derived from the accident register', () => {
  it.each([
    [{ kind: 'deaths', ceiling: 5 } as const, 5, false],
    [{ kind: 'deaths', ceiling: 4 } as const, 5, true],
    [{ kind: 'deaths', ceiling: 1, sector: 'road' } as const, 2, true],
    [{ kind: 'deaths', ceiling: 1, sector: 'road', liabilityOnly: true } as const, 1, false],
    [{ kind: 'accidents', ceiling: 0, minGrade: 'larger' } as const, 1, true],
    [{ kind: 'accidents', ceiling: 10 } as const, 4, false],
    [{ kind: 'seriousInjuries', ceiling: 2 } as const, 2, false],
    [{ kind: 'directLoss', ceiling: 100_000 } as const, 300_000, true],
  ])('%j → actual %i, breached %s', (indicator, actual, breached) => {
    const status = evaluateIndicator(indicator, accidents);
    expect(status.actual).toBe(actual);
    expect(status.breached).toBe(breached);
  });

  it('names the accidents behind the actual', () => {
    expect(evaluateIndicator({ kind: 'deaths', ceiling: 5, sector: 'road' }, accidents).accidentIds).toEqual(['A1', 'A3']);
  });

  it('labels 较大事故 = 0 readably', () => {
    expect(evaluateIndicator({ kind: 'accidents', ceiling: 0, minGrade: 'larger' }, []).label).toBe('较大及以上事故起数 ≤ 0');
  });
});

describe('pace: year-to-date use against the share of the year elapsed', () => {
  it('warns when 78.6% of the ceiling is used by the end of August (primer §2)', () => {
    // 11 of 14 deaths = 78.57%; 243 of 365 days = 66.58%.
    expect(indicatorPace(14, 11, 2014, '2014-08-31')).toEqual({ usedBasisPoints: 7857, elapsedBasisPoints: 6658, aheadOfPace: true, breached: false });
  });
  it('is on pace when use trails time', () => {
    expect(indicatorPace(10, 5, 2014, '2014-08-31').aheadOfPace).toBe(false);
  });
  it('counts a leap year', () => {
    expect(indicatorPace(10, 0, 2016, '2016-12-31').elapsedBasisPoints).toBe(10000);
    expect(indicatorPace(10, 0, 2016, '2016-02-29').elapsedBasisPoints).toBe(1639); // 60/366
  });
  it('treats any use of a zero ceiling as ahead of pace and a breach', () => {
    expect(indicatorPace(0, 1, 2014, '2014-01-10')).toMatchObject({ usedBasisPoints: null, aheadOfPace: true, breached: true });
    expect(indicatorPace(0, 0, 2014, '2014-01-10')).toMatchObject({ aheadOfPace: false, breached: false });
  });
});

describe('labels people read', () => {
  it('names a sector indicator in Chinese', () => {
    expect(evaluateIndicator({ kind: 'deaths', ceiling: 1, sector: 'road-transport' }, []).label).toBe('道路运输行业死亡人数 ≤ 1');
    expect(evaluateIndicator({ kind: 'deaths', ceiling: 1, sector: '渔业船舶' }, []).label).toBe('渔业船舶行业死亡人数 ≤ 1');
  });
});
