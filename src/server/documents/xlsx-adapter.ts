/**
 * The one place that knows how .xlsx files are written and read. Everything else in
 * src/server/documents describes sheets as plain data (XlsxSheet) and reads rows as plain
 * values (XlsxRow), so the libraries can be replaced by changing this file only. Writing uses
 * exceljs' streaming writer; reading streams the sheet XML itself (see readWorkbookRows).
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { bufferSource, entryChunks, fileSource, readCentralDirectory } from './zip-reader';
import type { ZipEntry, ZipSource } from './zip-reader';

export type XlsxValue = string | number | boolean | Date | null;

export interface XlsxColumn {
  header: string;
  key: string;
  /** Excel number format, e.g. '0.00' for scores, '#,##0' for yuan, 'yyyy-mm-dd' for dates. */
  numFmt?: string;
  /** Width in Excel character units; computed from the content when omitted. */
  width?: number;
  /** Comment shown on the header cell (used by template workbooks to explain a column). */
  note?: string;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: Record<string, XlsxValue>[];
  /** Columns whose header is marked as required in template workbooks (bold red "*"). */
  required?: string[];
}

const MAX_WIDTH = 60;

/** Display width in Excel units: CJK and full-width characters take two. */
export function displayWidth(value: XlsxValue, numFmt?: string): number {
  if (value === null) return 0;
  let text: string;
  if (value instanceof Date) text = '2000-01-01';
  else if (typeof value === 'number' && numFmt?.includes('0.00')) text = value.toFixed(2);
  else if (typeof value === 'number' && numFmt?.includes('#,##0')) text = value.toLocaleString('en-US');
  else text = String(value);
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

function columnWidths(sheet: XlsxSheet): number[] {
  return sheet.columns.map((column) => {
    if (column.width) return column.width;
    let width = displayWidth(column.header) + 2; // room for the filter button
    for (const row of sheet.rows) width = Math.max(width, displayWidth(row[column.key] ?? null, column.numFmt));
    return Math.min(MAX_WIDTH, width + 2);
  });
}

/**
 * Writes sheets with the streaming writer (rows are flushed as they are added), a bold
 * shaded header row that stays frozen while scrolling, an auto filter and fitted widths.
 */
export async function writeWorkbook(sheets: XlsxSheet[], meta: { creator?: string } = {}): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = meta.creator ?? '安考';
  for (const sheet of sheets) {
    const widths = columnWidths(sheet);
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    worksheet.columns = sheet.columns.map((column, i) => ({
      key: column.key,
      width: widths[i],
      style: column.numFmt ? { numFmt: column.numFmt } : {},
    }));
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    const header = worksheet.getRow(1);
    sheet.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      const required = sheet.required?.includes(column.key);
      cell.value = required
        ? { richText: [{ text: '*', font: { bold: true, color: { argb: 'FFFF0000' } } }, { text: column.header, font: { bold: true } }] }
        : column.header;
      cell.font = { bold: true };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = { bottom: { style: 'thin' } };
      if (column.note) cell.note = column.note;
    });
    header.commit();
    for (const row of sheet.rows) {
      const values: Record<string, XlsxValue> = {};
      // An empty text is a blank cell, as a person would leave it.
      for (const column of sheet.columns) values[column.key] = row[column.key] === '' ? null : (row[column.key] ?? null);
      worksheet.addRow(values).commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

export interface XlsxRow {
  sheet: string;
  /** 1-based row number as Excel shows it. */
  rowNumber: number;
  /** Cell values by 0-based column index (A = 0). */
  values: XlsxValue[];
  /** True where the cell was a formula whose cached result is used. */
  formula: boolean[];
}

export interface ReadProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number | null;
}

function plainValue(value: unknown): { value: XlsxValue; formula: boolean } {
  if (value === null || value === undefined) return { value: null, formula: false };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return { value, formula: false };
  }
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) {
      return { value: (object.richText as { text?: string }[]).map((part) => part.text ?? '').join(''), formula: false };
    }
    if ('formula' in object || 'sharedFormula' in object) return { value: plainValue(object.result).value, formula: true };
    if (typeof object.text === 'string') return { value: object.text, formula: false };
    if (typeof object.error === 'string') return { value: object.error, formula: false };
  }
  return { value: String(value), formula: false };
}

/*
 * Reading streams the sheet XML (ECMA-376 Part 1, 18.3 worksheets, 18.4 shared strings) with
 * our ZIP reader and saxes rather than exceljs' WorkbookReader: exceljs 4.4 decodes each
 * inflated chunk on its own (utils/browser-buffer-decode.js), so a Chinese character split
 * across two chunks turns into U+FFFD and "王村镇政府" no longer matches. Here one
 * StringDecoder per entry carries partial characters over.
 */

function columnIndex(reference: string): number {
  let index = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

async function* xmlEvents(chunks: AsyncIterable<Buffer>, handlers: {
  open: (name: string, attributes: Record<string, string>) => void;
  text: (text: string) => void;
  close: (name: string) => void;
}, after: () => Generator<XlsxRow>): AsyncGenerator<XlsxRow> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (error) => { failure ??= error; });
  // Handlers see local names: some generators (the .NET Open XML SDK among them) write
  // prefixed elements such as <x:row>.
  const local = (name: string): string => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag) => handlers.open(local(tag.name), tag.attributes as Record<string, string>));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  parser.on('closetag', (tag) => handlers.close(local(tag.name)));
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    parser.write(decoder.write(chunk));
    if (failure) throw failure;
    yield* after();
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
  yield* after();
}

async function readSmallXml(zip: ZipSource, entry: ZipEntry | undefined, open: (name: string, attributes: Record<string, string>) => void, text?: (text: string) => void, close?: (name: string) => void): Promise<void> {
  if (!entry) return;
  const none = function* (): Generator<XlsxRow> {};
  for await (const _row of xmlEvents(entryChunks(zip, entry), { open, text: text ?? (() => {}), close: close ?? (() => {}) }, none)) { /* no rows */ }
}

/**
 * Streams the rows of every worksheet in workbook order without loading the workbook: each
 * sheet's XML is inflated and parsed chunk by chunk. Shared strings are held in memory (they
 * are the distinct texts, far fewer than cells). `source` is a path or a Buffer.
 */
export async function* readWorkbookRows(
  source: string | Buffer,
  onBytes?: (bytesRead: number, totalBytes: number | null) => void,
): AsyncGenerator<XlsxRow> {
  const zip = typeof source === 'string' ? await fileSource(source) : bufferSource(source);
  try {
    const entries = new Map((await readCentralDirectory(zip)).map((entry) => [entry.name, entry]));
    const relationships = new Map<string, string>();
    await readSmallXml(zip, entries.get('xl/_rels/workbook.xml.rels'), (name, attributes) => {
      if (name === 'Relationship' && attributes.Id && attributes.Target) {
        const target = attributes.Target;
        relationships.set(attributes.Id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      }
    });
    const sheets: { name: string; path: string }[] = [];
    await readSmallXml(zip, entries.get('xl/workbook.xml'), (name, attributes) => {
      // The relationship id attribute is r:id, whatever prefix the file binds to its namespace.
      const id = attributes['r:id'] ?? Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
      if (name === 'sheet' && attributes.name && id && relationships.has(id)) sheets.push({ name: attributes.name, path: relationships.get(id) ?? '' });
    });

    const shared: string[] = [];
    let inPhonetic = false;
    let inText = false;
    let current = '';
    await readSmallXml(zip, entries.get('xl/sharedStrings.xml'), (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't') inText = !inPhonetic;
    }, (text) => { if (inText) current += text; }, (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') shared.push(current);
    });

    const sheetEntries = sheets.map((sheet) => ({ ...sheet, entry: entries.get(sheet.path) }));
    const totalBytes = sheetEntries.reduce((sum, sheet) => sum + (sheet.entry?.compressedSize ?? 0), 0);
    let bytesRead = 0;
    for (const sheet of sheetEntries) {
      if (!sheet.entry) continue;
      const ready: XlsxRow[] = [];
      let row: XlsxRow | null = null;
      let lastRow = 0;
      let column = -1;
      let type = 'n';
      let text = '';
      let collecting = false;
      let inInline = false;
      let inPhonetic = false;
      let hasFormula = false;
      let hasValue = false;
      const handlers = {
        open: (name: string, attributes: Record<string, string>): void => {
          if (name === 'row') {
            lastRow = attributes.r ? Number(attributes.r) : lastRow + 1;
            row = { sheet: sheet.name, rowNumber: lastRow, values: [], formula: [] };
            column = -1;
          } else if (name === 'c') {
            column = attributes.r ? columnIndex(attributes.r.replace(/\d+$/, '')) : column + 1;
            type = attributes.t ?? 'n';
            text = '';
            hasFormula = false;
            hasValue = false;
            inInline = false;
            inPhonetic = false;
          } else if (name === 'v') {
            collecting = true;
            hasValue = true;
          } else if (name === 'is') {
            inInline = true;
            hasValue = true;
          } else if (name === 't' && inInline && !inPhonetic) {
            collecting = true;
          } else if (name === 'rPh') {
            // Phonetic guides (ruby) are not part of the cell's text.
            inPhonetic = true;
          } else if (name === 'f') {
            hasFormula = true;
          }
        },
        text: (value: string): void => { if (collecting) text += value; },
        close: (name: string): void => {
          if (name === 'v' || name === 't') collecting = false;
          else if (name === 'rPh') inPhonetic = false;
          else if (name === 'is') inInline = false;
          else if (name === 'c' && row) {
            let value: XlsxValue = null;
            if (hasValue) {
              if (type === 's') value = shared[Number(text)] ?? '';
              else if (type === 'str' || type === 'inlineStr' || type === 'e') value = text;
              else if (type === 'b') value = text === '1' || text === 'true';
              else if (type === 'd') value = new Date(text);
              else value = text.trim() === '' ? null : Number(text);
            }
            while (row.values.length < column) { row.values.push(null); row.formula.push(false); }
            row.values[column] = value;
            row.formula[column] = hasFormula;
          } else if (name === 'row' && row) {
            ready.push(row);
            row = null;
          }
        },
      };
      const drain = function* (): Generator<XlsxRow> {
        while (ready.length > 0) {
          const next = ready.shift();
          if (next) yield next;
        }
      };
      const chunks = entryChunks(zip, sheet.entry, (bytes) => {
        bytesRead += bytes;
        onBytes?.(bytesRead, totalBytes);
      });
      yield* xmlEvents(chunks, handlers, drain);
    }
  } finally {
    await zip.close();
  }
}

/** Reads a small workbook whole (tests, round trips): sheet name → rows of values. */
export async function readWorkbookTables(source: Buffer): Promise<Map<string, { rowNumber: number; values: XlsxValue[] }[]>> {
  const out = new Map<string, { rowNumber: number; values: XlsxValue[] }[]>();
  for await (const row of readWorkbookRows(source)) {
    const rows = out.get(row.sheet) ?? [];
    rows.push({ rowNumber: row.rowNumber, values: row.values });
    out.set(row.sheet, rows);
  }
  return out;
}

/** The sheet layout facts tests assert on: frozen panes, widths and number formats. */
export async function describeWorkbook(source: Buffer): Promise<{
  name: string;
  frozenRows: number;
  widths: (number | undefined)[];
  numFmts: (string | undefined)[];
  header: string[];
}[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(source as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const view = worksheet.views[0] as { state?: string; ySplit?: number } | undefined;
    const columnCount = worksheet.getRow(1).cellCount;
    const columns = Array.from({ length: columnCount }, (_v, i) => worksheet.getColumn(i + 1));
    return {
      name: worksheet.name,
      frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
      widths: columns.map((column) => column.width),
      numFmts: columns.map((_column, i) => worksheet.getRow(2).getCell(i + 1).numFmt),
      header: columns.map((_column, i) => {
        const value = plainValue(worksheet.getRow(1).getCell(i + 1).value).value;
        return value === null ? '' : String(value);
      }),
    };
  });
}
