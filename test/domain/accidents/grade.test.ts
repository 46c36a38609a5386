import { describe, expect, it } from 'vitest';
import { gradeAccident, gradeAtLeast, type AccidentGrade } from '../../../src/domain/accidents/grade';

// 国务院令第493号第三条：以上含本数，以下不含本数. Each row sits on one side of a boundary.
const cases: [string, { deaths: number; seriousInjuries: number; directLoss: number }, AccidentGrade][] = [
  ['no casualties', { deaths: 0, seriousInjuries: 0, directLoss: 0 }, 'general'],
  ['2 deaths', { deaths: 2, seriousInjuries: 0, directLoss: 0 }, 'general'],
  ['3 deaths', { deaths: 3, seriousInjuries: 0, directLoss: 0 }, 'larger'],
  ['9 deaths', { deaths: 9, seriousInjuries: 0, directLoss: 0 }, 'larger'],
  ['10 deaths', { deaths: 10, seriousInjuries: 0, directLoss: 0 }, 'major'],
  ['29 deaths', { deaths: 29, seriousInjuries: 0, directLoss: 0 }, 'major'],
  ['30 deaths', { deaths: 30, seriousInjuries: 0, directLoss: 0 }, 'especiallyMajor'],
  ['9 serious injuries', { deaths: 0, seriousInjuries: 9, directLoss: 0 }, 'general'],
  ['10 serious injuries', { deaths: 0, seriousInjuries: 10, directLoss: 0 }, 'larger'],
  ['49 serious injuries', { deaths: 0, seriousInjuries: 49, directLoss: 0 }, 'larger'],
  ['50 serious injuries', { deaths: 0, seriousInjuries: 50, directLoss: 0 }, 'major'],
  ['99 serious injuries', { deaths: 0, seriousInjuries: 99, directLoss: 0 }, 'major'],
  ['100 serious injuries', { deaths: 0, seriousInjuries: 100, directLoss: 0 }, 'especiallyMajor'],
  ['loss 9,999,999', { deaths: 0, seriousInjuries: 0, directLoss: 9_999_999 }, 'general'],
  ['loss 10,000,000', { deaths: 0, seriousInjuries: 0, directLoss: 10_000_000 }, 'larger'],
  ['loss 49,999,999', { deaths: 0, seriousInjuries: 0, directLoss: 49_999_999 }, 'larger'],
  ['loss 50,000,000', { deaths: 0, seriousInjuries: 0, directLoss: 50_000_000 }, 'major'],
  ['loss 99,999,999', { deaths: 0, seriousInjuries: 0, directLoss: 99_999_999 }, 'major'],
  ['loss 100,000,000', { deaths: 0, seriousInjuries: 0, directLoss: 100_000_000 }, 'especiallyMajor'],
  ['highest figure wins: 2 deaths but 50 injuries', { deaths: 2, seriousInjuries: 50, directLoss: 0 }, 'major'],
  ['highest figure wins: 1 death, loss 1 亿', { deaths: 1, seriousInjuries: 0, directLoss: 100_000_000 }, 'especiallyMajor'],
];

describe('gradeAccident (国务院令第493号第三条)', () => {
  it.each(cases)('%s', (_label, figures, expected) => {
    expect(gradeAccident(figures).grade).toBe(expected);
  });

  it('names the figures that reached the grade', () => {
    expect(gradeAccident({ deaths: 3, seriousInjuries: 12, directLoss: 0 }).reasons).toEqual([
      '死亡3人 ≥ 3人',
      '重伤（含急性工业中毒）12人 ≥ 10人',
    ]);
    expect(gradeAccident({ deaths: 0, seriousInjuries: 0, directLoss: 10_000_000 }).reasons).toEqual(['直接经济损失1000万元 ≥ 1000万元']);
    expect(gradeAccident({ deaths: 1, seriousInjuries: 0, directLoss: 0 }).reasons).toEqual([]);
  });

  it('orders grades', () => {
    expect(gradeAtLeast('major', 'larger')).toBe(true);
    expect(gradeAtLeast('larger', 'larger')).toBe(true);
    expect(gradeAtLeast('general', 'larger')).toBe(false);
    expect(gradeAtLeast('especiallyMajor', 'major')).toBe(true);
  });
});
