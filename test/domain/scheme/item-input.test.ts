import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { itemShapes, quickItemInput } from '../../../src/domain/scheme/facts-schema';

// The hand-written fast path must accept exactly what the zod shapes accept, and return
// what zod returns (defaults applied).
const zodItem = z.union([
  z.number().nonnegative().refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6),
  itemShapes.score, itemShapes.deductions, itemShapes.passed, itemShapes.notApplicable,
]);

const anyValue = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.string({ maxLength: 3 }),
  fc.integer({ min: -5, max: 200 }), fc.integer({ min: -500, max: 20000 }).map((n) => n / 100), fc.double({ noNaN: false }),
);
const deduction = fc.record({ times: anyValue, points: anyValue, reason: fc.oneof(fc.string({ maxLength: 4 }), anyValue) }, { requiredKeys: [] });
const input = fc.oneof(
  anyValue,
  fc.record({ score: anyValue, note: anyValue }, { requiredKeys: ['score'] }),
  fc.record({ deductions: fc.oneof(fc.array(deduction, { maxLength: 3 }), anyValue), note: anyValue }, { requiredKeys: ['deductions'] }),
  fc.record({ passed: anyValue, note: anyValue }, { requiredKeys: ['passed'] }),
  fc.record({ notApplicable: fc.oneof(fc.constant(true), anyValue), reason: anyValue }, { requiredKeys: ['notApplicable'] }),
  fc.record({ score: anyValue, extra: anyValue }),
);

describe('item input fast path', () => {
  it('agrees with the zod shapes on every input', () => {
    fc.assert(fc.property(input, (value) => {
      const quick = quickItemInput(value);
      const slow = zodItem.safeParse(value);
      if (slow.success) expect(quick).toEqual(slow.data);
      else expect(quick).toBeUndefined();
    }), { numRuns: 3000 });
  });
});
