import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/domain/assessment/assess';
import { baseScheme, buildCase, merge } from './build-case';

/**
 * Properties that must hold for any facts under schemes of the shapes the primer lists:
 * 周村 linear rewards with blanking vetoes, and band × base rewards with lowest-grade vetoes.
 */
const schemes = [
  merge(baseScheme(), { bonus: { cap: 5, items: [{ id: 'b', name: '表彰', mode: 'perOccurrence', points: 2 }] } }),
  merge(baseScheme(), {
    veto: { effect: 'lowestGrade' },
    bonus: { cap: 3, items: [{ id: 'b', name: '推广', mode: 'highestLevel', levels: [{ id: 'city', name: '市级', points: 1 }, { id: 'state', name: '国家级', points: 5 }] }] },
    reward: { rounding: 'floor', requireNoBreach: false, rules: [{ type: 'bandBase', bands: [{ range: '[90, +∞)', percent: 150 }, { range: '[80, 90)', percent: 100 }] }] },
  }),
];

const unitArb = fc.record({
  category: fc.constantFrom('town', 'dept'),
  a1Deductions: fc.nat(5),
  a2: fc.oneof(fc.integer({ min: 0, max: 2000 }).map((c) => c / 100), fc.constant(null)),
  b: fc.integer({ min: 0, max: 6000 }).map((c) => c / 100),
  bonusTimes: fc.nat(4),
  accident: fc.option(fc.record({ deaths: fc.nat(12), injuries: fc.nat(60), sector: fc.constantFrom('s1', 's2') })),
});

type UnitFacts = typeof unitArb extends fc.Arbitrary<infer T> ? T : never;

function makeCase(schemeIndex: number, units: UnitFacts[]) {
  const scheme = schemes[schemeIndex]!;
  const bonusLevel = schemeIndex === 1;
  return buildCase({
    scheme,
    units: { units: units.map((u, i) => ({
      id: `u${i}`,
      name: `单位${i}`,
      category: u.category,
      rewardBase: 10000,
      regulates: u.category === 'dept' ? ['s1'] : undefined,
      controlIndicators: [{ kind: 'deaths', ceiling: 2 }],
    })) },
    scores: { scores: Object.fromEntries(units.map((u, i) => [`u${i}`, {
      A1: { deductions: u.a1Deductions ? [{ times: u.a1Deductions, reason: '缺会' }] : [] },
      A2: u.a2 === null ? { notApplicable: true, reason: '无此项' } : u.a2,
      B: u.b,
    }])) },
    adjustments: { bonuses: units.flatMap((u, i) => (u.bonusTimes ? [bonusLevel ? { unit: `u${i}`, item: 'b', level: u.bonusTimes > 2 ? 'state' : 'city' } : { unit: `u${i}`, item: 'b', times: u.bonusTimes }] : [])) },
    accidents: { accidents: units.flatMap((u, i) => (u.accident ? [{
      id: `A${i}`, occurredAt: '2024-03-01', deaths: u.accident.deaths, seriousInjuries: u.accident.injuries, sector: u.accident.sector,
      territorialUnit: u.category === 'town' ? `u${i}` : undefined,
    }] : [])) },
  });
}

const caseArb = fc.tuple(fc.constantFrom(0, 1), fc.array(unitArb, { minLength: 1, maxLength: 12 }));

describe('engine properties', () => {
  it('a veto always zeroes the reward', () => {
    fc.assert(fc.property(caseArb, ([s, units]) => {
      for (const r of assess(makeCase(s, units)).units) {
        if (r.vetoed) {
          expect(r.reward.eligible).toBe(false);
          expect(r.reward.amount).toBeNull();
        }
      }
    }), { numRuns: 150 });
  });

  it('raising one item score never lowers the total', () => {
    fc.assert(fc.property(caseArb, fc.nat(11), fc.integer({ min: 1, max: 6000 }), ([s, units], pick, raise) => {
      const index = pick % units.length;
      const before = assess(makeCase(s, units)).units.find((r) => r.unitId === `u${index}`)!;
      const raised = units.map((u, i) => (i === index ? { ...u, b: Math.min(60, (Math.round(u.b * 100) + raise) / 100) } : u));
      const after = assess(makeCase(s, raised)).units.find((r) => r.unitId === `u${index}`)!;
      expect(after.total).toBeGreaterThanOrEqual(before.total);
    }), { numRuns: 150 });
  });

  it('ranks are consistent with scores (ties share a rank, higher scores rank better)', () => {
    fc.assert(fc.property(caseArb, ([s, units]) => {
      const ranked = assess(makeCase(s, units)).units.filter((r) => r.rank !== null);
      for (const a of ranked) {
        for (const b of ranked) {
          if (a.total > b.total) expect(a.rank!).toBeLessThan(b.rank!);
          if (a.total === b.total) expect(a.rank).toBe(b.rank);
        }
        // competition ranking: rank = 1 + number of units strictly above
        expect(a.rank).toBe(1 + ranked.filter((b) => b.total > a.total).length);
      }
    }), { numRuns: 150 });
  });

  it('totals never exceed the scale plus the bonus cap, nor fall below zero', () => {
    fc.assert(fc.property(caseArb, ([s, units]) => {
      const c = makeCase(s, units);
      const cap = c.compiled.bonus?.cap ?? 0;
      for (const r of assess(c).units) {
        expect(r.total).toBeLessThanOrEqual(c.compiled.scale + cap);
        expect(r.total).toBeGreaterThanOrEqual(0);
      }
    }), { numRuns: 150 });
  });

  it('is deterministic and independent of nothing but its input', () => {
    fc.assert(fc.property(caseArb, ([s, units]) => {
      expect(JSON.stringify(assess(makeCase(s, units)))).toBe(JSON.stringify(assess(makeCase(s, units))));
    }), { numRuns: 50 });
  });
});
