import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/server/documents/xlsx-adapter';
import type { XlsxValue } from '../../src/server/documents/xlsx-adapter';
import { buildItemScoresWorkbook } from '../../src/server/documents/xlsx-export';
import type { ItemScoreRow } from '../../src/server/documents/xlsx-export';
import {
  buildImportTemplate, columnLetter, inspectXlsx, parseCriteria, parseItemScores, parseUnitRegistry,
} from '../../src/server/documents/xlsx-import';
import { buildNoticeDocx } from '../../src/server/documents/notice-docx';
import { MINIMAL_PARTS, buildZip } from './zip-builder';
import { zhoucunNotice } from './zhoucun-fixture';

/** A one-sheet workbook whose first row is `header` and the rest `rows`, written as given. */
async function sheet(name: string, header: string[], rows: XlsxValue[][]): Promise<Buffer> {
  const keys = header.map((_h, i) => `c${i}`);
  return writeWorkbook([{
    name,
    columns: header.map((h, i) => ({ header: h, key: keys[i] ?? '' })),
    rows: rows.map((row) => Object.fromEntries(row.map((v, i) => [keys[i] ?? '', v]))),
  }]);
}

const units = new Set(['王村镇政府', '区安监局', '南郊镇政府']);

describe('item score import', () => {
  it('round-trips the exported item scores exactly, in hundredths, 缺项 included', async () => {
    const exported: ItemScoreRow[] = [];
    const paths = ['1', '1.1', '1.2', '2', '2.10', '2.1'];
    let i = 0;
    for (const unit of units) {
      for (const path of paths) {
        i += 1;
        const earned = [0, 7.5, 12.25, 20, 19.99, null][i % 6] ?? null;
        exported.push({ unit, category: '属地', path, name: `项目${path}`, points: 20, earned, note: i % 2 ? '台账不全扣0.5分' : '' });
      }
    }
    const result = await parseItemScores(await buildItemScoresWorkbook(exported), { knownUnits: units });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toEqual(exported.map((row) => ({
      unit: row.unit, path: row.path, earnedHundredths: row.earned === null ? null : Math.round(row.earned * 100), note: row.note === '' ? null : row.note,
    })));
  });

  it('an item not yet scored is exported as an empty cell, which the import refuses instead of reading 0', async () => {
    const rows: ItemScoreRow[] = [
      { unit: '王村镇政府', category: '属地', path: '1.1', name: '项目1.1', points: 5, earned: 4, note: '' },
      { unit: '王村镇政府', category: '属地', path: '1.2', name: '项目1.2', points: 5, earned: 0, unscored: true, note: '未评分' },
    ];
    const result = await parseItemScores(await buildItemScoresWorkbook(rows), { knownUnits: units });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([{ sheet: '评分表', row: 3, column: 'F', message: expect.stringContaining('得分') }]);
  });

  it('reports every bad cell at once, by sheet, row and column letter', async () => {
    const workbook = await sheet('评分表', ['单位名称', '细则编号', '得分', '扣分说明'], [
      ['王村镇政府', '1.1', 18, ''], // row 2
      ['王村镇政府', '1.2', '九十五', ''], // row 3: text in a score cell
      ['区安监局', '1.1', 7.5, ''], // row 4
      ['王村镇政府', '1.1', 17, '重复'], // row 5: duplicate of row 2
      ['周村某局', '1.1', 10, ''], // row 6: unknown unit
      ['区安监局', 2.1, 10, ''], // row 7: criterion number typed as a number
      ['区安监局', '3', 10.125, ''], // row 8: three decimals
      ['区安监局', '4', -1, ''], // row 9: negative
      ['区安监局', '5', '95分', ''], // row 10
      ['区安监局', '6', null, ''], // row 11: empty score
    ]);
    const result = await parseItemScores(workbook, { knownUnits: units });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { sheet: '评分表', row: 3, column: 'C', message: '“得分”应为数字，实为文字“九十五”' },
      { sheet: '评分表', row: 5, column: 'B', message: '同一单位的同一细则编号与第 2 行重复' },
      { sheet: '评分表', row: 6, column: 'A', message: '单位“周村某局”不在本次考核的被考核单位中' },
      { sheet: '评分表', row: 7, column: 'B', message: '“细则编号”2.1 是数字格式，请把该列设为文本后按“1.10”的样式重新填写' },
      { sheet: '评分表', row: 8, column: 'C', message: '“得分”最多保留两位小数，实为 10.125' },
      { sheet: '评分表', row: 9, column: 'C', message: '“得分”不能为负数' },
      { sheet: '评分表', row: 10, column: 'C', message: '“得分”应为数字，实为文字“95分”' },
      { sheet: '评分表', row: 11, column: 'C', message: '“得分”不能为空' },
    ]);
  });

  it('names the header cell where a required column is missing', async () => {
    const result = await parseItemScores(await sheet('Sheet1', ['单位名称', '细则编号', '扣分说明'], [['王村镇政府', '1', '']]), { knownUnits: units });
    expect(result).toEqual({ ok: false, errors: [{ sheet: 'Sheet1', row: 1, column: 'D', message: '缺少必填列“得分”' }] });
  });

  it('finds the header under a title row, matches "单  位" and numeric text, refuses unknown items and scores above the points', async () => {
    const workbook = await sheet('成绩', ['2014年评分表', '', '', ''], [
      ['单  位', '编号', '得分', '备注'],
      ['王村镇政府', '1', '18.5', ''],
      ['王村镇政府', '9', 1, ''],
      ['区安监局', '1', 25, ''],
    ]);
    const result = await parseItemScores(workbook, { knownUnits: units, knownItems: new Map([['1', 2000]]) });
    expect(result).toEqual({ ok: false, errors: [
      { sheet: '成绩', row: 4, column: 'B', message: '细则编号 9 不在考核细则中' },
      { sheet: '成绩', row: 5, column: 'C', message: '得分 25 超过该项标准分 20' },
    ] });
    const fine = await parseItemScores(await sheet('成绩', ['2014年评分表', '', ''], [['单  位', '编号', '得分'], ['王村镇政府', '1', '18.5']]), { knownUnits: units });
    expect(fine).toEqual({ ok: true, rowCount: 1, rows: [{ unit: '王村镇政府', path: '1', earnedHundredths: 1850, note: null }] });
  });

  it('reads from a file path and reports progress up to the last row', async () => {
    const rows: XlsxValue[][] = Array.from({ length: 1200 }, (_v, i) => ['王村镇政府', String(i + 1), i % 20, '']);
    const path = join(mkdtempSync(join(tmpdir(), 'anke-')), '评分表.xlsx');
    writeFileSync(path, await sheet('评分表', ['单位名称', '细则编号', '得分', '扣分说明'], rows));
    const progress: number[] = [];
    const result = await parseItemScores(path, { knownUnits: units, progressEvery: 500, onProgress: (p) => progress.push(p.rowsRead) });
    expect(result.ok ? result.rowCount : result.errors).toBe(1200);
    expect(progress).toEqual([500, 1000, 1201]);
  });
});

describe('container checks', () => {
  it('refuses a CSV renamed .xlsx', async () => {
    const result = await parseItemScores(Buffer.from('单位名称,细则编号,得分\n王村镇政府,1,18\n'), { knownUnits: units });
    expect(result).toEqual({ ok: false, errors: [{ sheet: null, row: null, column: null, message: '文件不是 Excel 工作簿（.xlsx）：内容不是 xlsx 格式，可能是其他类型的文件改了扩展名' }] });
  });

  it('refuses an old .xls and a Word document', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await inspectXlsx(xls))[0]?.message).toContain('.xls');
    expect((await inspectXlsx(await buildNoticeDocx(zhoucunNotice())))[0]?.message).toBe('文件是 Word 文档，不是 Excel 工作簿（.xlsx）');
  });

  it('refuses a zip bomb from the central directory before inflating it', async () => {
    const bomb = buildZip([...MINIMAL_PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const issues = await inspectXlsx(bomb);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/^文件中的“xl\/worksheets\/sheet1\.xml”压缩比异常（\d+:1），疑似压缩炸弹，拒绝导入$/);
  });

  it('refuses a workbook whose total uncompressed size is over the limit', async () => {
    const big = buildZip([...MINIMAL_PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('x'.repeat(4096)) }]);
    expect((await inspectXlsx(big, { maxUncompressedBytes: 2048 }))[0]?.message).toMatch(/超过上限/);
  });

  it('refuses an archive that lies about its sizes once inflation passes the declared size', async () => {
    const liar = buildZip([...MINIMAL_PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 * 1024), declaredSize: 1000 }]);
    expect((await inspectXlsx(liar))[0]?.message).toBe('文件已损坏或不是有效的 .xlsx：压缩包内文件“xl/worksheets/sheet1.xml”解压后大于声明的大小');
  });

  it('refuses a truncated workbook', async () => {
    const good = await sheet('评分表', ['单位名称', '细则编号', '得分'], [['王村镇政府', '1', 1]]);
    expect((await inspectXlsx(good.subarray(0, good.length - 40)))[0]?.message).toMatch(/^文件已损坏或不是有效的 \.xlsx/);
    expect(await inspectXlsx(good)).toEqual([]);
  });
});

describe('unit registry and criteria imports', () => {
  it('validates the unit registry', async () => {
    const workbook = await sheet('名册', ['单位编码', '单位名称', '单位类别', '主要负责人'], [
      ['001', '王村镇政府', '属地', '张三'],
      [2, '区安监局', '部门', null],
      ['003', '王村镇政府', '属地', null],
      ['001', '区卫生局', '行业', null],
      [null, '', '部门', null],
    ]);
    const result = await parseUnitRegistry(workbook, { categories: new Set(['属地', '部门']) });
    expect(result).toEqual({ ok: false, errors: [
      { sheet: '名册', row: 4, column: 'B', message: '单位名称与第 2 行重复' },
      { sheet: '名册', row: 5, column: 'A', message: '单位编码与第 2 行重复' },
      { sheet: '名册', row: 5, column: 'C', message: '单位类别“行业”不在考核方案的类别中（属地、部门）' },
      { sheet: '名册', row: 6, column: 'B', message: '“单位名称”不能为空' },
    ] });
    const ok = await parseUnitRegistry(await sheet('名册', ['单位名称', '单位类别'], [['王村镇政府', '属地'], ['区安监局', '部门']]));
    expect(ok).toEqual({ ok: true, rowCount: 2, rows: [
      { code: null, name: '王村镇政府', category: '属地', principal: null, deputy: null, contact: null, phone: null },
      { code: null, name: '区安监局', category: '部门', principal: null, deputy: null, contact: null, phone: null },
    ] });
  });

  it('validates the criteria tree, checking parents after the whole sheet is read', async () => {
    const workbook = await sheet('考核细则', ['编号', '考核项目', '标准分', '评分方法', '评分标准', '适用类别'], [
      ['1.1', '责任制落实', 10, '扣分', '未签订责任书扣5分', '属地、部门'],
      ['1', '组织领导', 20, null, null, null],
      ['2.1', '隐患排查', 15, '直接评分', null, null],
      ['1', '重复', 5, null, null, null],
      ['3', '宣传', 'ten', '打分', null, null],
    ]);
    const result = await parseCriteria(workbook);
    expect(result).toEqual({ ok: false, errors: [
      { sheet: '考核细则', row: 5, column: 'A', message: '编号与第 3 行重复' },
      { sheet: '考核细则', row: 6, column: 'C', message: '“标准分”应为数字，实为文字“ten”' },
      { sheet: '考核细则', row: 6, column: 'D', message: '评分方法“打分”无法识别，应为直接评分、扣分、达标或公式' },
      { sheet: '考核细则', row: 4, column: 'A', message: '编号 2.1 的上级 2 不存在' },
    ] });
    const ok = await parseCriteria(await sheet('考核细则', ['编号', '考核项目', '标准分', '评分方法', '适用类别'], [
      ['1', '组织领导', 20, null, null], ['1.1', '责任制落实', 10, '扣分', '属地、部门'],
    ]));
    expect(ok.ok && ok.rows[1]).toEqual({
      path: '1.1', parentPath: '1', name: '责任制落实', pointsHundredths: 1000, method: 'deduction', standard: null, categories: ['属地', '部门'],
      at: { sheet: '考核细则', row: 3, columns: { path: 'A', method: 'D', categories: 'E' } },
    });
  });
});

describe('import templates', () => {
  it.each([
    ['unitRegistry', parseUnitRegistry, '被考核单位名册'],
    ['criteria', parseCriteria, '考核细则'],
  ] as const)('the %s template is recognised and reports that it has no data yet', async (kind, parse, sheetName) => {
    const result = await parse(await buildImportTemplate(kind));
    expect(result).toEqual({ ok: false, errors: [{ sheet: sheetName, row: 2, column: null, message: `${sheetName}没有数据行` }] });
  });

  it('the item score template is recognised', async () => {
    const result = await parseItemScores(await buildImportTemplate('itemScores'), { knownUnits: units });
    expect(result).toEqual({ ok: false, errors: [{ sheet: '评分表', row: 2, column: null, message: '评分表没有数据行' }] });
  });

  it('column letters go past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
