/**
 * 考核评分表: one page per unit with every item's standard points, earned points and the
 * deduction note, the total, veto, grade and reward, and the trace (得分反查) lines that explain
 * each number, with a line for the assessment team's and the unit's signatures.
 * Several units go into one document, each starting on a new page.
 */
import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, VerticalAlignTable, WidthType,
} from 'docx';
import { FONT, SIZE, TEXT_AREA, font, mm, pageNumberFooters, run, sectionPage } from './gbt9704';
import { formatScore } from './notice-docx';

export interface ScoreSheetItem {
  /** Criterion number, e.g. "2.3". */
  path: string;
  name: string;
  /** Standard points. */
  standard: number;
  /** Earned points; null for 缺项 (not applicable). */
  earned: number | null;
  note: string;
}

export interface ScoreSheetData {
  campaign: string;
  unit: string;
  category: string;
  items: ScoreSheetItem[];
  totals: { standard: number; earned: number; score: number | null };
  vetoReason: string | null;
  grade: string | null;
  reward: number | null;
  /** 得分反查: readable lines explaining the numbers, in order. */
  trace: string[];
}

const SMALL = 21; // 五号 10.5 pt: the sheet must hold a whole unit on one page
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const line = (pt: number): { line: number; lineRule: typeof LineRuleType.EXACT; before: number; after: number } => ({ line: pt * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function cell(text: string, width: number, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 50, right: 50, top: 10, bottom: 10 },
    children: [new Paragraph({ alignment: options.align ?? AlignmentType.CENTER, spacing: line(14), children: [run(text, options.bold ? FONT.heading1 : FONT.body, SMALL)] })],
  });
}

function itemTable(sheet: ScoreSheetData): Table {
  const widths = [mm(12), mm(58), mm(14), mm(14), mm(58)];
  const w = (i: number): number => widths[i] ?? 0;
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: ['编号', '考核项目', '标准分', '得分', '扣分说明'].map((text, i) => cell(text, w(i), { bold: true })) }),
    ...sheet.items.map((item) => new TableRow({ cantSplit: true, children: [
      cell(item.path, w(0)),
      cell(item.name, w(1), { align: AlignmentType.LEFT }),
      cell(formatScore(item.standard), w(2)),
      cell(item.earned === null ? '缺项' : formatScore(item.earned), w(3)),
      cell(item.note, w(4), { align: AlignmentType.LEFT }),
    ] })),
    new TableRow({ cantSplit: true, children: [
      cell('合计', w(0) + w(1), { bold: true, span: 2 }),
      cell(formatScore(sheet.totals.standard), w(2)),
      cell(formatScore(sheet.totals.earned), w(3)),
      cell('', w(4)),
    ] }),
  ];
  return new Table({
    width: { size: TEXT_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows,
  });
}

function sheetParagraphs(sheet: ScoreSheetData, first: boolean): (Paragraph | Table)[] {
  const result = sheet.vetoReason
    ? `考核分数：—（一票否决：${sheet.vetoReason}）`
    : `考核分数：${sheet.totals.score === null ? '—' : formatScore(sheet.totals.score)}`;
  return [
    new Paragraph({ pageBreakBefore: !first, alignment: AlignmentType.CENTER, spacing: line(28), children: [run(`${sheet.campaign}评分表`, FONT.title, SIZE.san + 4)] }),
    new Paragraph({ spacing: line(22), children: [run(`被考核单位：${sheet.unit}`, FONT.body, SIZE.xiaosi), run(`\u3000\u3000单位类别：${sheet.category}`, FONT.body, SIZE.xiaosi)] }),
    itemTable(sheet),
    new Paragraph({ spacing: { ...line(18), before: 100 }, children: [run(result, FONT.heading1, SIZE.xiaosi)] }),
    new Paragraph({ spacing: line(18), children: [run(`等次：${sheet.grade ?? '—'}\u3000\u3000奖励金额：${sheet.reward === null ? '—' : `${sheet.reward}元`}`, FONT.body, SIZE.xiaosi)] }),
    new Paragraph({ spacing: { ...line(16), before: 60 }, children: [run('得分说明：', FONT.heading1, SMALL)] }),
    ...sheet.trace.map((text) => new Paragraph({ spacing: line(13), indent: { left: 210 }, children: [run(text, FONT.body, SMALL)] })),
    new Paragraph({ keepLines: true, spacing: { ...line(20), before: 160 }, children: [run('考核组成员（签字）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000被考核单位负责人（签字）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000日期：', FONT.body, SMALL)] }),
  ];
}

export async function buildScoreSheetsDocx(sheets: ScoreSheetData[]): Promise<Buffer> {
  if (sheets.length === 0) throw new RangeError('没有要生成评分表的单位');
  const document = new Document({
    title: `${sheets[0]?.campaign ?? ''}评分表`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONT.body), size: SMALL } } } },
    sections: [{ properties: sectionPage(), footers: pageNumberFooters(), children: sheets.flatMap((sheet, i) => sheetParagraphs(sheet, i === 0)) }],
  });
  return Packer.toBuffer(document);
}
