/**
 * GB/T 9704-2012《党政机关公文格式》 layout constants and the docx building blocks shared by
 * every official document this module writes (the 通报, the 责任书, the score sheet).
 * Lengths are in twips (1/20 pt) because that is what WordprocessingML stores.
 */
import {
  AlignmentType, BorderStyle, Footer, LineRuleType, PageNumber, Paragraph, TextRun,
} from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';

const TWIPS_PER_MM = 1440 / 25.4;

export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

/** 5.2.1 A4 paper (GB/T 148): 210 mm × 297 mm. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/**
 * 5.2.1 天头（上白边）37 mm ± 1 mm, 订口（左白边）28 mm ± 1 mm, 版心 156 mm × 225 mm,
 * so the bottom margin is 297 − 37 − 225 = 35 mm and the right margin 210 − 28 − 156 = 26 mm.
 */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
export const TEXT_AREA = { width: mm(156), height: mm(225) } as const;

/** 5.2.3: 一般每面排22行，每行排28个字，并撑满版心 — 225 mm / 22 lines ≈ 28.95 pt per line. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const LINE_PITCH = Math.floor(TEXT_AREA.height / LINES_PER_PAGE);

/** Font names as the standard names them; offices have these fonts installed. */
export const FONT = {
  /** 7.3.1 标题：小标宋体 (and 7.2.4 发文机关标志). */
  title: '方正小标宋简体',
  /** 5.2.2 / 7.3.3 正文：仿宋体. */
  body: '仿宋_GB2312',
  /** 7.3.3 第一层：黑体. */
  heading1: '黑体',
  /** 7.3.3 第二层：楷体. */
  heading2: '楷体_GB2312',
  /** 7.5 页码：宋体. */
  pageNumber: '宋体',
} as const;

/** Chinese size names in half-points (docx `size`). */
export const SIZE = {
  xiaochu: 72, // 小初 36 pt
  er: 44, // 二号 22 pt
  san: 32, // 三号 16 pt
  si: 28, // 四号 14 pt
  xiaosi: 24, // 小四 12 pt
} as const;

/** One character of 三号 text, the unit the standard measures indents in ("左空二字"). */
export const CHAR = 320;
export const RED = 'FF0000';

export function font(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

/**
 * 5.2.3 asks for 28 characters a line, but 28 × 16 pt = 448 pt is wider than the 156 mm
 * (442.2 pt) 版心, so 三号 text is condensed by 0.25 pt a character (15.75 pt × 28 = 441 pt),
 * which is what Word's "每行28字" document grid does.
 */
export const SAN_CONDENSE = -5; // twips

export function run(text: string, fontName: string = FONT.body, size: number = SIZE.san, extra: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: font(fontName), size, ...(size === SIZE.san ? { characterSpacing: SAN_CONDENSE } : {}), ...extra });
}

/** A line of the 22-line grid: exact spacing so every page holds 22 lines (5.2.3). */
export const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** 7.3.3 正文：每个自然段左空二字，回行顶格. */
export function bodyParagraph(children: TextRun[], options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
    spacing: exactLine,
    ...options,
  });
}

export function blankLine(): Paragraph {
  return new Paragraph({ children: [run('')], spacing: exactLine });
}

/**
 * 7.5 页码：4号半角宋体阿拉伯数字，数字左右各放一条一字线；单页码居右空一字，双页码居左空一字.
 * The footer distance puts the line about 7 mm below the 版心 (35 mm margin − 7 mm − one line).
 */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  const children = (): TextRun[] => [
    new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONT.pageNumber), size: SIZE.si }),
  ];
  return {
    default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 280 }, children: children() })] }),
    even: new Footer({ children: [new Paragraph({ alignment: AlignmentType.LEFT, indent: { left: 280 }, children: children() })] }),
  };
}

export const FOOTER_DISTANCE = mm(21);

/** Section page settings: A4 portrait, the 5.2.1 margins, and a 22 × 28 document grid (5.2.3). */
export function sectionPage(): {
  page: {
    size: { width: number; height: number };
    margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number; gutter: number };
  };
  grid: { linePitch: number; type: 'default' };
} {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE, gutter: 0 },
    },
    // The pitch is declared for editors; type "default" because exact line spacing already
    // gives 22 lines and LibreOffice would otherwise snap table rows to the body grid.
    grid: { linePitch: LINE_PITCH, type: 'default' },
  };
}

/** 7.4.1 版记分隔线：首条和末条用粗线（0.35 mm），中间用细线（0.25 mm）; sizes in eighths of a point. */
export const RULE_THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
export const RULE_THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

/** 7.3.5 / 7.4.3 dates: 用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位. */
export function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`日期格式应为 YYYY-MM-DD：${isoDate}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** Width in characters of 三号 text: ASCII digits and letters are half-width. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}
