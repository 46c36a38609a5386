import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/cli/load-case';
import { assess } from '../../src/domain/assessment/assess';
import { scoreSheetFromResult } from '../../src/server/documents/score-sheet-from-result';

const example = new URL('../../examples/zhoucun-2014', import.meta.url).pathname;
const input = loadCase(example);
const result = assess(input);
const sheetOf = (name: string) => {
  const unit = result.units.find((u) => u.name === name);
  if (!unit) throw new Error(name);
  return scoreSheetFromResult(input, unit, result.campaign.name);
};

describe('score sheet from an assessment result', () => {
  it('lists every scored item with its note and totals for a rewarded unit', () => {
    const sheet = sheetOf('王村镇政府');
    expect(sheet.totals.score).toBe(95);
    expect(sheet.reward).toBe(6000);
    expect(sheet.vetoReason).toBeNull();
    expect(sheet.totals.standard).toBe(100);
    expect(sheet.totals.earned).toBe(sheet.items.reduce((sum, item) => sum + (item.earned ?? 0), 0));
    expect(sheet.items.map((item) => item.path)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '4.1', '4.2', '5.1', '6.1', '6.2']);
    expect(sheet.trace.some((line) => line.startsWith('奖励：6000元'))).toBe(true);
  });

  it('blanks the score of a vetoed unit, names the veto and describes its accident once', () => {
    const sheet = sheetOf('南郊镇政府');
    expect(sheet.totals.score).toBeNull();
    expect(sheet.totals.earned).toBe(87);
    expect(sheet.reward).toBeNull();
    expect(sheet.vetoReason).toBe('辖区发生较大生产安全事故，实施一票否决');
    expect(sheet.items.find((item) => item.path === '2.1')?.note).toBe('隐患台账“一隐患一卡”抽查发现1处整改记录不全，扣2分');
    expect(sheet.items.find((item) => item.path === '2.2')?.note).toBe('达标');
    // No item lines in the trace: the table has them.
    expect(sheet.trace.some((line) => /^\s*1\.1 /.test(line))).toBe(false);
    expect(sheet.trace.filter((line) => line.includes('南郊镇某在建厂房工地'))).toHaveLength(1);
    expect(sheet.trace.filter((line) => line.trim() === '事故 ZC-2014-001（同上）')).toHaveLength(2);
  });
});
