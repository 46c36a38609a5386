import { describe, expect, it } from 'vitest';
import { withFieldNames } from '../../src/web/field-errors';

const labels = { unavailable: '不能参加检查的期间', to: '终止日期', name: '姓名', slots: '抽取条件', count: '人数' };

describe('a server refusal naming a field', () => {
  it('names the field in words, rows counted from one', () => {
    expect(withFieldNames('请求体字段“unavailable.0.to”：起始日期不能晚于终止日期', labels)).toBe('不能参加检查的期间第1项的终止日期：起始日期不能晚于终止日期');
    expect(withFieldNames('请求体字段“slots.2.count”：太大', labels)).toBe('抽取条件第3项的人数：太大');
    expect(withFieldNames('请求体字段“name”：不能为空', labels)).toBe('姓名：不能为空');
  });

  it('never shows a part it cannot name, and leaves other messages as they are', () => {
    expect(withFieldNames('请求体字段“unavailable.0.note”：多余', labels)).toBe('填写的内容：多余');
    expect(withFieldNames('请求体字段“constructor”：多余', labels)).toBe('填写的内容：多余');
    expect(withFieldNames('该检查已被他人修改，请刷新后重试。', labels)).toBe('该检查已被他人修改，请刷新后重试。');
  });
});
