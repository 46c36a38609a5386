import { describe, expect, it } from 'vitest';
import { loadCase } from '../../../src/cli/load-case';
import { assess } from '../../../src/domain/assessment/assess';
import { parseCase } from '../../../src/domain/assessment/case';
import { toPublishedTable } from '../../../src/domain/assessment/published-table';
import { caseToParts, whatIf } from '../../../src/domain/assessment/what-if';
import { CaseValidationError } from '../../../src/domain/scheme/validation-error';

const input = loadCase(new URL('../../../examples/zhoucun-2014', import.meta.url).pathname);
const real = JSON.stringify(toPublishedTable(assess(input)));
const row = (table: ReturnType<typeof toPublishedTable>, unit: string) => table.rows.find((r) => r.unit === unit)!;

describe('what-if on the facts of the 周村 case', () => {
  it('changes one unit’s item score: its score, rank and reward follow; the real case is untouched', () => {
    // 王村镇 95: 1.2 (直接评分, 标准分5) from 4 to 0 makes it 91.
    const { before, after, diff } = whatIf(input, [{ kind: 'itemScore', unit: 'wangcun', criterion: '1.2', input: 0 }]);
    expect(row(before, '王村镇政府').score).toBe(95);
    expect(row(after, '王村镇政府')).toMatchObject({ score: 91, reward: 400 * (91 - 80) });
    expect(row(after, '王村镇政府').rank).toBeGreaterThan(row(before, '王村镇政府').rank!);
    expect(diff.rows.find((r) => r.unit === '王村镇政府')!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['score', 'reward']));
    expect(JSON.stringify(toPublishedTable(assess(input)))).toBe(real);
  });

  it('takes pass/fail and deductions for items scored that way, and refuses an input the method does not take', () => {
    const passFail = whatIf(input, [{ kind: 'itemScore', unit: 'wangcun', criterion: '2.2', input: { passed: false } }]);
    expect(row(passFail.after, '王村镇政府').score).toBe(90);
    const deductions = whatIf(input, [{ kind: 'itemScore', unit: 'wangcun', criterion: '6.2', input: { deductions: [{ times: 2, reason: '迟报' }] } }]);
    expect(row(deductions.after, '王村镇政府').score).toBe(85);
    expect(() => whatIf(input, [{ kind: 'itemScore', unit: 'wangcun', criterion: '1.2', input: 50 }])).toThrow(CaseValidationError);
    expect(() => whatIf(input, [{ kind: 'itemScore', unit: 'ghost', criterion: '1.2', input: 1 }])).toThrow(CaseValidationError);
  });

  it('adds an accident that vetoes a town, and removes the one behind a veto', () => {
    const added = whatIf(input, [{
      kind: 'addAccident', accident: { id: 'WI-1', occurredAt: '2014-06-01', territorialUnit: 'wangcun', deaths: 3 },
    }]);
    expect(row(added.after, '王村镇政府')).toMatchObject({ vetoed: true, remark: '辖区发生较大生产安全事故，实施一票否决' });
    const removed = whatIf(input, [{ kind: 'removeAccident', accident: 'ZC-2014-001' }]);
    expect(row(removed.before, '南郊镇政府').vetoed).toBe(true);
    expect(row(removed.after, '南郊镇政府').vetoed).toBe(false);
    expect(() => whatIf(input, [{ kind: 'removeAccident', accident: 'X' }])).toThrow('没有编号为“X”的事故');
    expect(() => whatIf(input, [{ kind: 'addAccident', accident: { id: 'ZC-2014-001', occurredAt: '2014-06-01', deaths: 0 } }])).toThrow('已有编号为“ZC-2014-001”的事故');
    expect(JSON.stringify(toPublishedTable(assess(input)))).toBe(real);
  });

  it('adds a manual veto where the scheme has a manual rule, and refuses one the facts decide', () => {
    const withManual = parseCase(caseToParts(input), {}, { requireComplete: false });
    withManual.scheme.veto!.rules.push({ id: 'committee', type: 'manual', reason: '安委会决定一票否决' });
    const changed = parseCase({ ...caseToParts(withManual) }, {}, { requireComplete: false });
    const { after } = whatIf(changed, [{ kind: 'addVeto', unit: 'wangcun', rule: 'committee', reason: '瞒报事故' }]);
    expect(row(after, '王村镇政府')).toMatchObject({ vetoed: true, score: null, grade: '不合格' });
    expect(() => whatIf(input, [{ kind: 'addVeto', unit: 'wangcun', rule: 'area-larger-accident', reason: '安委会决定' }]))
      .toThrow('不是人工否决规则');
  });
});
