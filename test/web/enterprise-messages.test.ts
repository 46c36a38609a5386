import { describe, expect, test } from 'vitest';
import { fieldMessages, importErrorLines } from '../../src/web/pages/enterprises/api';

describe('importErrorLines', () => {
  test('the heading and one line per wrong cell', () => {
    expect(importErrorLines('导入文件有2处错误，未导入任何数据：第3行B列（统一社会信用代码）：校验码错误；第5行E列（行业领域）：不在目录中')).toEqual({
      heading: '导入文件有2处错误，未导入任何数据',
      lines: ['第3行B列（统一社会信用代码）：校验码错误', '第5行E列（行业领域）：不在目录中'],
    });
  });

  test('a message without a list is its own heading', () => {
    expect(importErrorLines('请上传 Excel 文件')).toEqual({ heading: '请上传 Excel 文件', lines: [] });
  });
});

describe('fieldMessages', () => {
  test('each 字段“x”：… part names its field', () => {
    expect(fieldMessages('字段“creditCode”：统一社会信用代码91370306MA3C100011已登记，不能重复登记。；字段“sector”：行业领域“矿山”不在行业领域目录中。')).toEqual([
      { field: 'creditCode', message: '统一社会信用代码91370306MA3C100011已登记，不能重复登记。' },
      { field: 'sector', message: '行业领域“矿山”不在行业领域目录中。' },
    ]);
  });

  test('a message naming no field gives none', () => {
    expect(fieldMessages('该档案已被他人修改，请刷新后重试。')).toEqual([]);
  });
});
