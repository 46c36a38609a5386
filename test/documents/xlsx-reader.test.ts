import { describe, expect, it } from 'vitest';
import { readWorkbookRows } from '../../src/server/documents/xlsx-adapter';
import { parseItemScores } from '../../src/server/documents/xlsx-import';
import { buildZip } from './zip-builder';

/** A workbook as Excel writes it (shared strings, formulas, phonetic guides), built by hand. */
function excelStyleWorkbook(): Buffer {
  const part = (name: string, xml: string): { name: string; data: Buffer } => ({ name, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`) });
  return buildZip([
    part('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    part('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="说明" sheetId="2" rel:id="rId2" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/><sheet name="评分表" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    part('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>'),
    part('xl/sharedStrings.xml', '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">'
      + '<si><t>单位名称</t></si><si><t>细则编号</t></si><si><t>得分</t></si>'
      + '<si><r><t>王村</t></r><r><rPr><b/></rPr><t>镇政府</t></r><rPh sb="0" eb="2"><t>おうそん</t></rPh></si>'
      + '<si><t xml:space="preserve"> 扣分 &amp; 说明 </t></si></sst>'),
    // Prefixed elements, as the .NET Open XML SDK writes them.
    part('xl/worksheets/sheet2.xml', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>填写说明</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>'),
    part('xl/worksheets/sheet1.xml', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
      + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="E1" t="s"><v>4</v></c></row>'
      + '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="str"><v>1.10</v></c><c r="C3"><f>SUM(7,8.5)</f><v>15.5</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c></row>'
      + '<row r="4"/>'
      + '</sheetData></worksheet>'),
  ]);
}

describe('streaming sheet reader', () => {
  it('reads sheets in workbook order with shared, rich, inline and formula values', async () => {
    const rows = [];
    for await (const row of readWorkbookRows(excelStyleWorkbook())) rows.push(row);
    expect(rows.map((r) => [r.sheet, r.rowNumber, r.values])).toEqual([
      ['说明', 1, ['填写说明']],
      ['评分表', 1, ['单位名称', '细则编号', '得分', null, ' 扣分 & 说明 ']],
      ['评分表', 3, ['王村镇政府', '1.10', 15.5, true, '#N/A']],
      ['评分表', 4, []],
    ]);
    expect(rows[2]?.formula).toEqual([false, false, true, false, false]);
  });

  it('keeps Chinese intact when characters straddle inflated chunks', async () => {
    const names = Array.from({ length: 3000 }, (_v, i) => `周村区第${i}个被考核单位（属地）`);
    const sheet = names.map((name, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${name}</t></is></c></row>`).join('');
    const workbook = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`) },
    ]);
    const read: unknown[] = [];
    for await (const row of readWorkbookRows(workbook)) read.push(row.values[0]);
    expect(read).toEqual(names);
  });

  it('imports item scores from such a workbook, using the formula result', async () => {
    const result = await parseItemScores(excelStyleWorkbook(), { knownUnits: new Set(['王村镇政府']) });
    expect(result).toEqual({ ok: true, rowCount: 1, rows: [{ unit: '王村镇政府', path: '1.10', earnedHundredths: 1550, note: null }] });
  });
});
