/**
 * 安全生产目标管理责任书 (agreement) of one unit as DOCX, in the same GB/T 9704-2012 page,
 * fonts and heading levels as the notice. Pure: AgreementData in, Buffer out.
 */
import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, VerticalAlignTable, WidthType,
} from 'docx';
import {
  FONT, SIZE, TEXT_AREA, blankLine, bodyParagraph, chineseDate, exactLine, font, mm,
  pageNumberFooters, run, sectionPage,
} from './gbt9704';

export interface AgreementSignatory {
  /** 主要负责人 or 分管负责人. */
  role: string;
  name: string | null;
}

export interface AgreementData {
  year: number;
  /** Defaults to "{year}年度安全生产目标管理责任书". */
  title?: string;
  /** 甲方: the government that issues the targets. */
  issuer: { organisation: string; signatories: AgreementSignatory[] };
  /** 乙方: the assessed unit. */
  unit: { name: string; signatories: AgreementSignatory[] };
  /** Opening paragraphs (why and under which rules the agreement is signed). */
  preamble: string[];
  /** 责任目标. */
  targets: string[];
  /** 控制指标: e.g. { name: '较大及以上生产安全事故', ceiling: '0起' }. */
  controlIndicators: { name: string; ceiling: string }[];
  /** 重点工作任务. */
  keyTasks: string[];
  /** 考核与奖惩 paragraphs. */
  assessment: string[];
  /** 责任期限 (ISO dates). */
  term: { from: string; to: string };
  /** ISO date of signing. */
  signedOn: string;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function numeral(index: number): string {
  return CHINESE_NUMERALS[index] ?? String(index + 1);
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function indicatorTable(indicators: AgreementData['controlIndicators']): Table {
  const widths = [mm(16), mm(100), mm(40)];
  const cell = (text: string, width: number, header = false): TableCell => new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 400, lineRule: LineRuleType.EXACT }, children: [run(text, header ? FONT.heading1 : FONT.body, SIZE.si)] })],
  });
  return new Table({
    width: { size: TEXT_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: [cell('序号', widths[0] ?? 0, true), cell('控制指标', widths[1] ?? 0, true), cell('控制数', widths[2] ?? 0, true)] }),
      ...indicators.map((indicator, i) => new TableRow({ cantSplit: true, children: [cell(String(i + 1), widths[0] ?? 0), cell(indicator.name, widths[1] ?? 0), cell(indicator.ceiling, widths[2] ?? 0)] })),
    ],
  });
}

function signatureTable(data: AgreementData): Table {
  const half = TEXT_AREA.width / 2;
  const side = (label: string, organisation: string, signatories: AgreementSignatory[]): TableCell => new TableCell({
    width: { size: half, type: WidthType.DXA },
    borders: { top: none, bottom: none, left: none, right: none },
    children: [
      new Paragraph({ spacing: exactLine, children: [run(`${label}（盖章）：`)] }),
      new Paragraph({ spacing: exactLine, children: [run(organisation)] }),
      ...signatories.map((s) => new Paragraph({ spacing: exactLine, children: [run(`${s.role}（签字）：${s.name ?? ''}`)] })),
      new Paragraph({ spacing: exactLine, children: [run(chineseDate(data.signedOn))] }),
    ],
  });
  return new Table({
    width: { size: TEXT_AREA.width, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ cantSplit: true, children: [side('甲方', data.issuer.organisation, data.issuer.signatories), side('乙方', data.unit.name, data.unit.signatories)] })],
  });
}

export async function buildAgreementDocx(data: AgreementData): Promise<Buffer> {
  const title = data.title ?? `${data.year}年度安全生产目标管理责任书`;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, children: [run(title, FONT.title, SIZE.er)] }),
    blankLine(),
    new Paragraph({ spacing: exactLine, children: [run(`甲方：${data.issuer.organisation}`)] }),
    new Paragraph({ spacing: exactLine, children: [run(`乙方：${data.unit.name}`)] }),
    ...data.preamble.map((text) => bodyParagraph([run(text)])),
  ];
  const sections: { heading: string; body: (Paragraph | Table)[] }[] = [
    { heading: '责任目标', body: data.targets.map((text, i) => bodyParagraph([run(`${i + 1}.${text}`)])) },
    { heading: '控制指标', body: [bodyParagraph([run(`${data.year}年度乙方的安全生产控制指标如下，不得突破：`)]), indicatorTable(data.controlIndicators)] },
    { heading: '重点工作任务', body: data.keyTasks.map((text, i) => bodyParagraph([run(`${i + 1}.${text}`)])) },
    { heading: '考核与奖惩', body: data.assessment.map((text) => bodyParagraph([run(text)])) },
    { heading: '责任期限', body: [bodyParagraph([run(`本责任书自${chineseDate(data.term.from)}起至${chineseDate(data.term.to)}止。本责任书一式两份，甲乙双方各执一份。`)])] },
  ];
  sections.forEach((section, i) => {
    // GB/T 9704-2012 7.3.3: 第一层“一、”用黑体字.
    children.push(bodyParagraph([run(`${numeral(i)}、${section.heading}`, FONT.heading1)], { keepNext: true }));
    children.push(...section.body);
  });
  children.push(blankLine(), signatureTable(data));
  const document = new Document({
    creator: data.issuer.organisation,
    title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.san } } } },
    sections: [{ properties: sectionPage(), footers: pageNumberFooters(), children }],
  });
  return Packer.toBuffer(document);
}

