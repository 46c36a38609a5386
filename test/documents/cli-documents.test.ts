import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/run-cli';
import { readWorkbookTables } from '../../src/server/documents/xlsx-adapter';
import { parseItemScores } from '../../src/server/documents/xlsx-import';
import { loadCase } from '../../src/cli/load-case';
import { assess } from '../../src/domain/assessment/assess';
import { unitItems } from '../../src/domain/assessment/unit-items';
import { bodyParagraphsXml, docxPart, paragraphText, tables } from './ooxml';
import { loadExpected } from './zhoucun-fixture';

const example = new URL('../../examples/zhoucun-2014', import.meta.url).pathname;
const expected = loadExpected();

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, commands, { out: (t) => { out += `${t}\n`; }, err: (t) => { err += `${t}\n`; } });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'anke-documents-'));

describe('anke notice', () => {
  it('assesses the 2014 周村 case and writes the notice whose attachment equals the acceptance file', async () => {
    const out = join(dir, '通报.docx');
    const result = await cli('notice', example, '--out', out, '--date', '2015-01-16');
    expect(result).toMatchObject({ code: 0, err: '' });
    const xml = await docxPart(readFileSync(out));
    expect(tables(xml)[0]?.slice(1).map((row) => row.cells)).toEqual(expected.rows.map((row) => [
      String(row.seq), row.unit, row.score === null ? '' : String(row.score), row.reward === null ? '' : String(row.reward), row.remark,
    ]));
    const texts = bodyParagraphsXml(xml).map(paragraphText);
    expect(texts.some((t) => t.includes('在被考核的38个单位中，考核分数在80分以上的有34个，占89.47%。'))).toBe(true);
    expect(tables(xml)[1]?.at(-1)?.cells).toEqual(['周村区人民政府办公室\t2015年1月16日印发']);
  });

  it('writes a watermarked draft with a red header on request', async () => {
    const out = join(dir, '通报-征求意见稿.docx');
    const result = await cli('notice', example, '--out', out, '--date', '2015-01-10', '--draft', '--header', '周村区人民政府办公室文件', '--number', '周政办发〔2015〕3号');
    expect(result.code).toBe(0);
    expect(result.out).toContain('征求意见稿');
    const buffer = readFileSync(out);
    expect(bodyParagraphsXml(await docxPart(buffer)).map(paragraphText)).toContain('周政办发〔2015〕3号');
  });

  it('names a template placeholder it does not know and writes nothing', async () => {
    const template = join(dir, 'bad.md');
    writeFileSync(template, '---\ntitle: 通报\naddressees: 各单位\nattachmentTitle: 成绩表\nprintingOffice: 办公室\n---\n共{{units}}个单位。\n');
    const out = join(dir, 'never.docx');
    const result = await cli('notice', example, '--out', out, '--template', template, '--date', '2015-01-16');
    expect(result).toEqual({ code: 2, out: '', err: '错误：通报模板有误：模板中的占位符“{{units}}”不是可用的数据项\n' });
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses a missing --out, a bad date and a missing issuing office', async () => {
    expect((await cli('notice', example)).err).toMatch(/^错误：请用 --out 指定输出文件/);
    expect((await cli('notice', example, '--out', join(dir, 'x.docx'), '--date', '2015-13-45')).err).toBe('错误：--date 应为 YYYY-MM-DD 格式的日期，收到“2015-13-45”\n');
    const template = join(dir, 'no-office.md');
    writeFileSync(template, '---\ntitle: 通报\naddressees: 各单位\nattachmentTitle: 成绩表\n---\n正文。\n');
    expect((await cli('notice', example, '--out', join(dir, 'y.docx'), '--template', template, '--date', '2015-01-16')).err)
      .toBe('错误：缺少印发机关：请在模板头部写 printingOffice 或在参数中给出\n');
  });
});

describe('anke export', () => {
  it('exports every unit\'s item scores, and they import back to the scores the engine used', async () => {
    const itemsPath = join(dir, '各单位得分.xlsx');
    const result = await cli('export', example, '--out', join(dir, '结果3.xlsx'), '--items', itemsPath);
    expect(result.code).toBe(0);
    const input = loadCase(example);
    const assessed = assess(input);
    const imported = await parseItemScores(readFileSync(itemsPath), { knownUnits: new Set(assessed.units.map((u) => u.name)) });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const fromEngine = assessed.units.flatMap((unit) => unitItems(input, unit).map((item) => ({ unit: unit.name, id: item.id, earned: item.earned })));
    expect(imported.rows.map((row) => ({ unit: row.unit, id: row.path, earned: row.earnedHundredths }))).toEqual(fromEngine);
    expect(imported.rowCount).toBe(38 * 13);
  });

  it('writes the results workbook from the assessed case', async () => {
    const out = join(dir, '结果.xlsx');
    const result = await cli('export', example, '--out', out);
    expect(result).toMatchObject({ code: 0, err: '' });
    const sheets = await readWorkbookTables(readFileSync(out));
    const rows = (sheets.get('考核结果') ?? []).slice(1);
    expect(rows.map((r) => [r.values[0], r.values[1], r.values[3] ?? null, r.values[4] ?? null])).toEqual(expected.rows.map((row) => [row.seq, row.unit, row.score, row.reward]));
    expect(rows.map((r) => r.values[2])).toEqual(expected.rows.map((row) => row.category));
    expect(sheets.get('分类汇总')?.at(-1)?.values.slice(0, 3)).toEqual(['合计', 38, 34]);
  });

  it('exports the accident register with grades and unit names', async () => {
    const path = join(dir, '事故台账.xlsx');
    expect((await cli('export', example, '--out', join(dir, '结果4.xlsx'), '--accidents', path)).code).toBe(0);
    const rows = (await readWorkbookTables(readFileSync(path))).get('事故台账') ?? [];
    const first = rows[1]?.values ?? [];
    expect([first[1], first[3], first[5], first[6], first[8], first[9]]).toEqual(['ZC-2014-001', '南郊镇某在建厂房工地', '南郊镇政府', '区住建局', '较大', 3]);
    expect(rows.length - 1).toBe(loadCase(example).accidents.length);
  });

  it('also writes one score sheet per unit, in the order of the published table', async () => {
    const sheetsPath = join(dir, '评分表.docx');
    const result = await cli('export', example, '--out', join(dir, '结果2.xlsx'), '--sheets', sheetsPath);
    expect(result.out).toContain('已生成评分表');
    const xml = await docxPart(readFileSync(sheetsPath));
    const units = bodyParagraphsXml(xml).map(paragraphText).filter((t) => t.startsWith('被考核单位：')).map((t) => t.replace(/^被考核单位：(.*?)\u3000.*$/, '$1'));
    expect(units).toEqual(expected.rows.map((row) => row.unit));
    expect(tables(xml)).toHaveLength(38);
  });
});
