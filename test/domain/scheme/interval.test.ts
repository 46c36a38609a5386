import { describe, expect, it } from 'vitest';
import { checkPartition, contains, containsValue, parseInterval, type Interval } from '../../../src/domain/scheme/interval';

const iv = (text: string) => parseInterval(text) as Interval;

describe('score ranges with explicit ends', () => {
  it.each([
    ['[90, 95)', 9000, true], ['[90, 95)', 9499, true], ['[90, 95)', 9500, false], ['[90, 95)', 8999, false],
    ['(80, 90]', 8000, false], ['(80, 90]', 9000, true], ['[95, +∞)', 100000, true], ['(-∞, 80)', 7999, true], ['(-∞, 80)', 8000, false],
    ['[60, inf)', 6000, true], ['(-inf, 60)', -100, true],
  ])('%s contains %i: %s', (text, value, expected) => {
    expect(contains(iv(text), value)).toBe(expected);
  });

  it('compares metric values with more decimals against decimal bounds', () => {
    expect(containsValue(iv('[95.3, +∞)'), 95.3)).toBe(true);
    expect(containsValue(iv('[95.3, +∞)'), 95.299999)).toBe(false);
  });

  it.each([
    ['90-95', '格式无效'], ['[95, 90)', '为空'], ['[90, 90)', '为空'], ['[-∞, 80)', '无界的一端只能用圆括号'], ['[80, abc)', '上限'], ['[80.123, 90)', '下限'],
  ])('refuses %s', (text, message) => {
    expect(parseInterval(text)).toContain(message);
  });

  it('finds overlaps and gaps', () => {
    const bands = (texts: string[]) => texts.map((t, i) => ({ label: `b${i}`, interval: iv(t) }));
    expect(checkPartition(bands(['[95, +∞)', '[90, 95)', '[80, 90)', '(-∞, 80)']))).toEqual([]);
    expect(checkPartition(bands(['[95, +∞)', '[90, 95]']))[0]).toContain('重叠');
    expect(checkPartition(bands(['[95, +∞)', '[90, 94]']))[0]).toContain('空档');
    expect(checkPartition(bands(['(95, +∞)', '[90, 95)']))[0]).toContain('空档');
  });
});
