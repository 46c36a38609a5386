/**
 * The 通报 (notice) as a DOCX in the layout of GB/T 9704-2012《党政机关公文格式》.
 * Pure: NoticeData in, Buffer out. composeNotice() turns a published results table and an
 * office's template into NoticeData.
 */
import {
  AlignmentType, BorderStyle, Document, Header, HeightRule, LineRuleType, Packer, Paragraph,
  RelativeVerticalPosition, Table, TableAnchorType, TableCell, TableLayoutType, TableRow,
  TabStopType, TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import {
  CHAR, FONT, LINE_PITCH, RED, RULE_THICK, RULE_THIN, SIZE, TEXT_AREA, blankLine, bodyParagraph,
  chineseDate, exactLine, font, mm, pageNumberFooters, run, sectionPage, textWidthInChars,
} from './gbt9704';
import { renderNoticeTemplate } from './notice-template';
import { replacePart } from './zip-writer';
import type { NoticeFacts } from './notice-template';

export type NoticeBlock =
  | { kind: 'heading1'; text: string }
  /** `runIn`: the paragraph text that follows the heading on the same line. */
  | { kind: 'heading2'; text: string; runIn?: string }
  | { kind: 'paragraph'; text: string };

/** One row of the 附件 table; score and reward are null where a veto blanks them. */
export interface NoticeAttachmentRow {
  seq: number;
  unit: string;
  /** 考核分数 in points as published (e.g. 95 or 92.5). */
  score: number | null;
  /** 奖励金额 in whole yuan. */
  reward: number | null;
  remark: string;
}

export interface NoticeData {
  /** 7.2.4 发文机关标志 and 7.2.5 发文字号, printed in red above the title when present. */
  redHeader?: { organisationMark: string; documentNumber?: string };
  /** 7.3.1 title, one entry per printed line. */
  title: string[];
  /** 7.3.2 主送机关 (without the closing colon). */
  addressees: string;
  body: NoticeBlock[];
  attachment: { title: string; rows: NoticeAttachmentRow[] };
  /** 7.3.5 发文机关署名 and 成文日期 (ISO date); omitted when the notice is issued by 版记 only. */
  signature?: { organisation: string; date: string };
  /** 7.4.2 抄送机关 (without the closing full stop). */
  copyTo?: string;
  /** 7.4.3 印发机关 and 印发日期 (ISO date). */
  printing: { office: string; date: string };
  /** A draft result version: every page carries the watermark 征求意见稿. */
  draft?: boolean;
}

export const DRAFT_WATERMARK = '征求意见稿';
export const ATTACHMENT_HEADERS = ['序号', '单  位', '考核分数', '奖励金额（元）', '备   注'] as const;

/** Column widths of the 附件 table; they add up to the 156 mm 版心 width (5.2.1). */
const ATTACHMENT_COLUMNS = [mm(12), mm(42), mm(22), mm(38), mm(42)];

/** Formats a published score: whole numbers without decimals (95), otherwise up to two (92.5). */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * Percentage to two decimals, rounded half up, in integer arithmetic so 34/38 is always "89.47"
 * (the pass-rate rule of the 2014 周村 notice: vetoed units stay in the denominator).
 */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0.00';
  const hundredths = Math.floor((20000 * part + whole) / (2 * whole));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// From a published table to NoticeData.

export interface PublishedTableLike {
  campaign: { name: string; year: number };
  stats?: { assessed: number; atOrAboveThreshold: number; passRatePercent: string };
  rows: { seq: number; unit: string; score: number | null; reward: number | null; remark: string; vetoed?: boolean }[];
}

export interface ComposeNoticeOptions {
  template: string;
  /** The score line of the statistics sentence ("80分以上"); 以上 includes the number. */
  threshold: number;
  printing: { office?: string; date: string };
  signature?: NoticeData['signature'];
  redHeader?: NoticeData['redHeader'];
  draft?: boolean;
}

export function noticeFacts(table: PublishedTableLike, threshold: number): NoticeFacts {
  const vetoed = table.rows.filter((row) => row.vetoed ?? row.score === null);
  const assessed = table.stats?.assessed ?? table.rows.length;
  const atOrAbove = table.stats?.atOrAboveThreshold
    ?? table.rows.filter((row) => !(row.vetoed ?? row.score === null) && row.score !== null && row.score >= threshold).length;
  const byReason = new Map<string, string[]>();
  for (const row of vetoed) byReason.set(row.remark, [...(byReason.get(row.remark) ?? []), row.unit]);
  return {
    year: table.campaign.year,
    nextYear: table.campaign.year + 1,
    campaign: table.campaign.name,
    threshold,
    assessed,
    atOrAboveThreshold: atOrAbove,
    passRatePercent: table.stats?.passRatePercent ?? formatPercent(atOrAbove, assessed),
    vetoedCount: vetoed.length,
    vetoedUnits: vetoed.map((row) => row.unit).join('、'),
    vetoDetails: [...byReason].map(([reason, units]) => (reason ? `${units.join('、')}（${reason}）` : units.join('、'))).join('；'),
  };
}

export function composeNotice(table: PublishedTableLike, options: ComposeNoticeOptions): NoticeData {
  const text = renderNoticeTemplate(options.template, noticeFacts(table, options.threshold));
  const office = options.printing.office ?? text.printingOffice;
  if (!office) throw new RangeError('缺少印发机关：请在模板头部写 printingOffice 或在参数中给出');
  return {
    redHeader: options.redHeader,
    title: text.title,
    addressees: text.addressees,
    body: text.body,
    attachment: {
      title: text.attachmentTitle,
      rows: table.rows.map((row) => ({ seq: row.seq, unit: row.unit, score: row.score, reward: row.reward, remark: row.remark })),
    },
    signature: options.signature,
    copyTo: text.copyTo ?? undefined,
    printing: { office, date: options.printing.date },
    draft: options.draft,
  };
}

// ---------------------------------------------------------------------------------------------
// Layout.

function redHeaderParagraphs(header: NonNullable<NoticeData['redHeader']>): Paragraph[] {
  // 7.2.4: the mark must fit the 版心 width; 小初 unless the name is too long for it.
  const widthPt = TEXT_AREA.width / 20;
  const sizePt = Math.min(SIZE.xiaochu / 2, Math.floor(widthPt / Math.max(1, textWidthInChars(header.organisationMark))));
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // 7.2.4: 上边缘至版心上边缘为35mm.
      spacing: { before: mm(35), after: 0, line: Math.round(sizePt * 20 * 1.2), lineRule: LineRuleType.EXACT },
      children: [run(header.organisationMark, FONT.title, sizePt * 2, { color: RED })],
    }),
  ];
  if (header.documentNumber) {
    // 7.2.5: 发文字号编排在发文机关标志下空二行位置，居中排布.
    out.push(blankLine(), blankLine(), new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, children: [run(header.documentNumber)] }));
  }
  // 7.2.7: 发文字号之下4mm处居中印一条与版心等宽的红色分隔线.
  out.push(new Paragraph({
    spacing: { line: mm(4), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 0 } },
    children: [run('', FONT.body, 2)],
  }));
  // 7.3.1: 标题编排于红色分隔线下空二行位置.
  out.push(blankLine(), blankLine());
  return out;
}

function bodyBlock(block: NoticeBlock): Paragraph {
  switch (block.kind) {
    case 'heading1':
      // 7.3.3: 第一层用黑体字.
      return bodyParagraph([run(block.text, FONT.heading1)], { keepNext: true });
    case 'heading2':
      // 7.3.3: 第二层用楷体字; a run-in heading keeps the paragraph's text in 仿宋.
      return bodyParagraph(block.runIn ? [run(block.text, FONT.heading2), run(block.runIn)] : [run(block.text, FONT.heading2)], { keepNext: !block.runIn });
    case 'paragraph':
      return bodyParagraph([run(block.text)]);
  }
}

/** 7.3.5.2 不加盖印章：署名右空二字；成文日期首字比署名首字右移二字（日期更长时日期右空二字，署名随之左移）. */
function signatureParagraphs(signature: NonNullable<NoticeData['signature']>): Paragraph[] {
  const date = chineseDate(signature.date);
  const nameWidth = textWidthInChars(signature.organisation);
  const dateWidth = textWidthInChars(date);
  let nameRight = 2;
  let dateRight = nameWidth - dateWidth;
  if (dateRight < 2) {
    dateRight = 2;
    nameRight = 2 + dateWidth - nameWidth + 2;
  }
  return [
    blankLine(),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(nameRight * CHAR) }, spacing: exactLine, keepNext: true, children: [run(signature.organisation)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(dateRight * CHAR) }, spacing: exactLine, children: [run(date)] }),
  ];
}

const TABLE_LINE = { line: 340, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

function tableCell(text: string, width: number, options: { header?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 40, right: 40, top: 0, bottom: 0 },
    children: [new Paragraph({
      alignment: options.align ?? AlignmentType.CENTER,
      spacing: TABLE_LINE,
      children: [run(text, options.header ? FONT.heading1 : FONT.body, SIZE.si)],
    })],
  });
}

/** Private-use characters mark the prototype rows' cells; they never occur in real data. */
const marker = (field: string): string => `\uE000${field}\uE001`;
const FIELDS = ['seq', 'unit', 'score', 'reward', 'remark'] as const;
/** Remarks longer than this are justified in their cell, shorter ones centred. */
const SHORT_REMARK = 8;

function rowCells(values: string[], justifyRemark: boolean): TableCell[] {
  const widths = ATTACHMENT_COLUMNS;
  return values.map((text, i) => tableCell(text, widths[i] ?? 0, { align: i === 4 && justifyRemark ? AlignmentType.JUSTIFIED : AlignmentType.CENTER }));
}

/**
 * The 附件 table as docx lays it out, with two prototype data rows (remark centred, remark
 * justified) holding markers instead of values; expandAttachmentRows() then writes the real
 * rows from them as text. Building 5,000 rows as docx objects takes seconds and hundreds of
 * MB; copying a row's XML takes microseconds.
 */
function attachmentTable(): Table {
  const widths = ATTACHMENT_COLUMNS;
  const header = new TableRow({
    // Repeated at the top of every page the table runs onto.
    tableHeader: true,
    cantSplit: true,
    height: { value: mm(9), rule: HeightRule.ATLEAST },
    children: ATTACHMENT_HEADERS.map((text, i) => tableCell(text, widths[i] ?? 0, { header: true })),
  });
  const prototype = (justifyRemark: boolean): TableRow => new TableRow({
    cantSplit: true,
    height: { value: mm(7.5), rule: HeightRule.ATLEAST },
    children: rowCells(FIELDS.map(marker), justifyRemark),
  });
  return new Table({
    width: { size: TEXT_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, prototype(false), prototype(true)],
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Replaces the two prototype rows of the 附件 table with one row per attachment row. */
export function expandAttachmentRows(documentXml: string, rows: NoticeAttachmentRow[]): string {
  // Each prototype row is the <w:tr> around an occurrence of the seq marker.
  const found: { start: number; end: number; xml: string }[] = [];
  for (let at = documentXml.indexOf(marker('seq')); at >= 0; at = documentXml.indexOf(marker('seq'), at + 1)) {
    const start = documentXml.lastIndexOf('<w:tr>', at);
    const end = documentXml.indexOf('</w:tr>', at) + '</w:tr>'.length;
    found.push({ start, end, xml: documentXml.slice(start, end) });
  }
  const [centred, justified] = found;
  if (found.length !== 2 || !centred || !justified || centred.start < 0 || justified.start < 0) throw new Error('附件表的行模板缺失');
  const pattern = new RegExp(`\uE000(${FIELDS.join('|')})\uE001`, 'g');
  const out: string[] = [];
  for (const row of rows) {
    // A veto blanks the score and the reward: the cells stay, empty.
    const values: Record<(typeof FIELDS)[number], string> = {
      seq: String(row.seq),
      unit: row.unit,
      score: row.score === null ? '' : formatScore(row.score),
      reward: row.reward === null ? '' : String(row.reward),
      remark: row.remark,
    };
    const template = row.remark.length > SHORT_REMARK ? justified.xml : centred.xml;
    out.push(template.replace(pattern, (_all, field: (typeof FIELDS)[number]) => escapeXml(values[field])));
  }
  return documentXml.slice(0, centred.start) + out.join('') + documentXml.slice(justified.end);
}

/**
 * 7.4 版记: 抄送 and 印发 lines in 4号仿宋 between the thick first and last rules with a thin
 * rule between them. 7.4.1 puts the last rule on the bottom edge of the 版心 of the last page,
 * so the block is a one-column table floated to the bottom of the margin box (Word honours
 * tblpYSpec="bottom"; LibreOffice lays it out in line after the attachment table).
 */
function imprintTable(data: NoticeData): Table {
  const one = 280; // one character of 4号 text
  const spacing = { line: 400, lineRule: LineRuleType.EXACT, before: 40, after: 40 } as const;
  const cell = (paragraph: Paragraph): TableCell => new TableCell({
    width: { size: TEXT_AREA.width, type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    children: [paragraph],
  });
  const rows: TableRow[] = [];
  if (data.copyTo) {
    // 7.4.2: 左右各空一字；回行时与冒号后的首字对齐；最后一个抄送机关名称后标句号.
    const text = /[。.]$/.test(data.copyTo) ? data.copyTo : `${data.copyTo}。`;
    rows.push(new TableRow({ cantSplit: true, children: [cell(new Paragraph({
      indent: { left: one * 4, hanging: one * 3, right: one },
      spacing,
      children: [run('抄送：', FONT.body, SIZE.si), run(text, FONT.body, SIZE.si)],
    }))] }));
  }
  // 7.4.3: 印发机关左空一字，印发日期右空一字，后加“印发”二字.
  rows.push(new TableRow({ cantSplit: true, children: [cell(new Paragraph({
    indent: { left: one, right: one },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_AREA.width - one }],
    spacing,
    children: [run(data.printing.office, FONT.body, SIZE.si), new TextRun({ text: `\t${chineseDate(data.printing.date)}印发`, font: font(FONT.body), size: SIZE.si })],
  }))] }));
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  return new Table({
    width: { size: TEXT_AREA.width, type: WidthType.DXA },
    columnWidths: [TEXT_AREA.width],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      absoluteHorizontalPosition: 0,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      topFromText: mm(4),
    },
    borders: { top: RULE_THICK, bottom: RULE_THICK, insideHorizontal: RULE_THIN, left: none, right: none, insideVertical: none },
    rows,
  });
}

export async function buildNoticeDocx(data: NoticeData): Promise<Buffer> {
  if (data.title.length === 0) throw new RangeError('通报缺少标题');
  const main: (Paragraph | Table)[] = [];
  if (data.redHeader) main.push(...redHeaderParagraphs(data.redHeader));
  // 7.3.1: 2号小标宋体字，分一行或多行居中排布.
  for (const line of data.title) {
    main.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: exactLine, children: [run(line, FONT.title, SIZE.er)] }));
  }
  // 7.3.2: 主送机关编排于标题下空一行位置，居左顶格，最后一个机关名称后标全角冒号.
  main.push(blankLine());
  main.push(new Paragraph({ spacing: exactLine, alignment: AlignmentType.JUSTIFIED, children: [run(`${data.addressees.replace(/[：:]$/, '')}：`)] }));
  // 7.3.3: 正文编排于主送机关名称下一行.
  for (const block of data.body) main.push(bodyBlock(block));
  // 7.3.4: 附件说明在正文下空一行左空二字编排，“附件”后标全角冒号和附件名称；回行与名称首字对齐.
  main.push(blankLine());
  main.push(new Paragraph({ spacing: exactLine, indent: { left: 5 * CHAR, hanging: 3 * CHAR }, children: [run(`附件：${data.attachment.title}`)] }));
  if (data.signature) main.push(...signatureParagraphs(data.signature));

  // 7.3.7: 附件另面编排；“附件”二字用3号黑体字顶格编排在版心左上角第一行；附件标题居中编排在版心第三行.
  main.push(new Paragraph({ pageBreakBefore: true, spacing: exactLine, children: [run('附件', FONT.heading1)] }));
  main.push(blankLine());
  main.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exactLine, after: LINE_PITCH / 2 }, keepNext: true, children: [run(data.attachment.title, FONT.title, SIZE.er)] }));
  main.push(attachmentTable());
  // One blank line keeps the 版记 clear of the table where it is laid out in line.
  main.push(blankLine());
  main.push(imprintTable(data));
  // A floating table needs a paragraph after it to anchor to.
  main.push(new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run('', FONT.body, 2)] }));

  const headers = data.draft
    ? {
        default: new Header({ children: [new Paragraph({ children: [new TextWatermark({ text: DRAFT_WATERMARK, font: FONT.heading1, color: 'C0C0C0', opacity: 0.4 })] })] }),
        even: new Header({ children: [new Paragraph({ children: [new TextWatermark({ text: DRAFT_WATERMARK, font: FONT.heading1, color: 'C0C0C0', opacity: 0.4 })] })] }),
      }
    : undefined;

  const document = new Document({
    creator: data.printing.office,
    title: data.title.join(''),
    // 7.5: 单页码居右、双页码居左 needs distinct odd and even footers.
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.san } } } },
    sections: [{
      properties: sectionPage(),
      headers,
      footers: pageNumberFooters(),
      children: main,
    }],
  });
  return replacePart(await Packer.toBuffer(document), 'word/document.xml', (xml) => expandAttachmentRows(xml, data.attachment.rows));
}
