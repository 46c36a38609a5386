import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DrawRequest, Expert } from '../../../../src/domain/ledgers/expert/draw-experts.ts';
import { drawExperts, recusalReasons } from '../../../../src/domain/ledgers/expert/draw-experts.ts';
import type { RandomSource } from '../../../../src/domain/ledgers/shared/random.ts';
import { createSeededRandom } from '../../../../src/domain/ledgers/shared/random.ts';

function expert(id: string, over: Partial<Expert> = {}): Expert {
  return { id, name: `专家${id}`, specialties: ['危险化学品'], level: 'city', active: true, ...over };
}

const request: DrawRequest = {
  enterpriseId: 'ent-1',
  inspectionDate: '2024-06-10',
  slots: [{ specialty: '危险化学品', count: 2 }],
};

/** A scripted source, to know exactly which index is picked. */
function scripted(values: number[]): RandomSource {
  let i = 0;
  return { next: () => values[i++] ?? 0 };
}

describe('recusal (回避)', () => {
  it.each<[string, Partial<Expert>, Partial<DrawRequest>, string[]]>([
    ['no tie', {}, {}, []],
    ['works for the enterprise', { employerId: 'ent-1' }, {}, ['现任职于被检查单位']],
    ['works for its parent company', { employerId: 'group-1' }, { relatedEnterpriseIds: ['group-1'] }, ['现任职于被检查单位']],
    ['worked there before (no look-back set)', { formerEmployers: [{ enterpriseId: 'ent-1', until: '2010-12-31' }] }, {}, ['曾任职于被检查单位（至2010-12-31）']],
    ['worked there 3 years ago, look-back 3 years (inclusive)', { formerEmployers: [{ enterpriseId: 'ent-1', until: '2021-06-10' }] }, { priorServiceLookbackYears: 3 }, ['曾任职于被检查单位（至2021-06-10）']],
    ['left just over 3 years ago, look-back 3 years', { formerEmployers: [{ enterpriseId: 'ent-1', until: '2021-06-09' }] }, { priorServiceLookbackYears: 3 }, []],
    ['declared tie', { declaredTies: [{ enterpriseId: 'ent-1', relationZh: '配偶任该单位安全总监' }] }, {}, ['申报与被检查单位有利害关系：配偶任该单位安全总监']],
    ['tie with another enterprise only', { employerId: 'ent-9', declaredTies: [{ enterpriseId: 'ent-8', relationZh: '顾问' }] }, {}, []],
  ])('%s', (_label, over, req, reasons) => {
    expect(recusalReasons(expert('e1', over), { ...request, ...req })).toEqual(reasons);
  });
});

describe('drawExperts', () => {
  const pool: Expert[] = [
    expert('e1'),
    expert('e2', { employerId: 'ent-1' }),
    expert('e3', { level: 'provincial' }),
    expert('e4', { specialties: ['建筑施工'] }),
    expert('e5', { unavailable: [{ from: '2024-06-01', to: '2024-06-15' }] }),
    expert('e6', { active: false }),
    expert('e7', { specialties: ['危险化学品', '建筑施工'] }),
  ];

  it('draws from the eligible experts sorted by id, recusing the tied ones', () => {
    // eligible for 危险化学品 on 06-10: e1, e3, e7 (e2 recused, e5 unavailable, e6 inactive)
    // first pick: index floor(0.5 × 3) = 1 → e3; second: 1 + floor(0.9 × 2) = 2 → e7
    const r = drawExperts(pool, request, scripted([0.5, 0.9]));
    expect(r).toEqual({
      ok: true,
      drawn: [
        { expertId: 'e3', specialty: '危险化学品' },
        { expertId: 'e7', specialty: '危险化学品' },
      ],
      recused: [{ expertId: 'e2', reasonsZh: ['现任职于被检查单位'] }],
      eligibleCounts: [3],
    });
  });

  it('filters by level', () => {
    const r = drawExperts(pool, { ...request, slots: [{ specialty: '危险化学品', count: 1, levels: ['provincial'] }] }, scripted([0.99]));
    expect(r.ok && r.drawn).toEqual([{ expertId: 'e3', specialty: '危险化学品' }]);
  });

  it('does not draw the same expert for two specialties', () => {
    const r = drawExperts(pool, { ...request, slots: [{ specialty: '建筑施工', count: 2 }, { specialty: '危险化学品', count: 2 }] }, scripted([0, 0, 0, 0]));
    expect(r.ok && r.drawn.map((d) => d.expertId)).toEqual(['e4', 'e7', 'e1', 'e3']);
  });

  it('refuses clearly when not enough experts remain', () => {
    const r = drawExperts(pool, { ...request, slots: [{ specialty: '危险化学品', count: 4 }] }, createSeededRandom(1));
    expect(r).toEqual({
      ok: false,
      code: 'expert.notEnough',
      messageZh: '“危险化学品”专业在2024-06-10可抽取的专家仅3名（另有1名因回避排除），不足所需4名，请扩大专业或级别范围，或改期抽取。',
      recused: [{ expertId: 'e2', reasonsZh: ['现任职于被检查单位'] }],
    });
  });

  it('counts experts already drawn for another specialty in the refusal', () => {
    const r = drawExperts(pool, { ...request, slots: [{ specialty: '危险化学品', count: 3 }, { specialty: '建筑施工', count: 2 }] }, createSeededRandom(1));
    expect(r.ok || r.messageZh).toBe('“建筑施工”专业在2024-06-10可抽取的专家仅1名（1名已在本次其他专业中抽中），不足所需2名，请扩大专业或级别范围，或改期抽取。');
  });

  it.each([
    [{ ...request, slots: [{ specialty: '危险化学品', count: 0 }] }, 'expert.invalidRequest'],
    [{ ...request, inspectionDate: '2024-02-30' }, 'expert.invalidDate'],
  ])('refuses an invalid request', (req, code) => {
    expect(drawExperts(pool, req, createSeededRandom(1))).toMatchObject({ ok: false, code });
  });

  it('refuses a pool with duplicate ids', () => {
    expect(drawExperts([expert('e1'), expert('e1')], request, createSeededRandom(1))).toMatchObject({ ok: false, code: 'expert.duplicate' });
  });

  const poolArb = fc
    .uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 0, maxLength: 40 })
    .chain((ns) =>
      fc.tuple(
        ...ns.map((n) =>
          fc.record({
            id: fc.constant(`x${n}`),
            name: fc.constant(`专家${n}`),
            specialties: fc.subarray(['危险化学品', '建筑施工', '矿山'], { minLength: 1 }),
            level: fc.constantFrom('national' as const, 'provincial' as const, 'city' as const, 'county' as const),
            employerId: fc.constantFrom(undefined, 'ent-1', 'ent-2'),
            active: fc.boolean(),
          }),
        ),
      ),
    )
    .map((experts): Expert[] => experts);

  it('property: same seed, same pool in any order → same drawing; drawn experts are distinct, eligible and never recused', () => {
    fc.assert(
      fc.property(poolArb, fc.integer(), fc.integer({ min: 1, max: 4 }), (p, seed, count) => {
        const req: DrawRequest = { enterpriseId: 'ent-1', inspectionDate: '2024-06-10', slots: [{ specialty: '危险化学品', count }] };
        const a = drawExperts(p, req, createSeededRandom(seed));
        const b = drawExperts([...p].reverse(), req, createSeededRandom(seed));
        expect(b).toEqual(a);
        const eligible = p.filter((e) => e.active && e.specialties.includes('危险化学品') && e.employerId !== 'ent-1');
        if (eligible.length < count) {
          expect(a.ok).toBe(false);
          return;
        }
        expect(a.ok).toBe(true);
        if (!a.ok) return;
        const ids = a.drawn.map((d) => d.expertId);
        expect(new Set(ids).size).toBe(count);
        for (const id of ids) expect(eligible.map((e) => e.id)).toContain(id);
      }),
    );
  });

  it('property: every eligible expert can be drawn (no one is structurally excluded)', () => {
    const p = [expert('a'), expert('b'), expert('c'), expert('d')];
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed += 1) {
      const r = drawExperts(p, { ...request, slots: [{ specialty: '危险化学品', count: 1 }] }, createSeededRandom(seed));
      if (r.ok) seen.add(r.drawn[0]!.expertId);
    }
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('createSeededRandom', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('rejects a non-integer seed', () => {
    expect(() => createSeededRandom(1.5)).toThrow(RangeError);
  });
});
