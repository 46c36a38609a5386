/**
 * Importing the tables offices keep in Excel: the unit registry (被考核单位名册), the criteria
 * tree (考核细则) and item scores (评分表). Pure parse + validate, no database: each parser
 * returns every validated row, or every problem found, each naming its sheet, row and column
 * letter in Chinese, so the caller can write all of it in one transaction or nothing.
 *
 * The container is checked before any XML is parsed (see inspectXlsx), then the first sheet
 * whose header row has the expected columns is streamed row by row.
 */
import { stat } from 'node:fs/promises';
import { readWorkbookRows, writeWorkbook } from './xlsx-adapter';
import { NOT_APPLICABLE_TEXT } from './xlsx-export';
import type { ReadProgress, XlsxColumn, XlsxRow, XlsxValue } from './xlsx-adapter';
import { ZipFormatError, bufferSource, fileSource, looksLikeZip, readCentralDirectory, verifyEntry } from './zip-reader';
import type { ZipSource } from './zip-reader';
import { contactPhoneSchema } from '../../shared/schemas/unit';

export interface ImportIssue {
  /** Null for problems with the file as a whole. */
  sheet: string | null;
  row: number | null;
  /** Column letter as Excel shows it ("C"). */
  column: string | null;
  message: string;
}

export type ImportResult<T> =
  | { ok: true; rows: T[]; rowCount: number }
  | { ok: false; errors: ImportIssue[] };

export interface ImportOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** How often to report, in rows (default 5,000). */
  progressEvery?: number;
  limits?: Partial<ContainerLimits>;
}

// ---------------------------------------------------------------------------------------------
// The container.

export interface ContainerLimits {
  /** Largest total of declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Largest uncompressed ÷ compressed ratio for an entry bigger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

/**
 * Spreadsheet XML compresses about 5–30×; a zip bomb needs hundreds to thousands. 512 MiB
 * uncompressed is several million score rows, far beyond any county's workbook.
 */
export const DEFAULT_LIMITS: ContainerLimits = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
};

const fileIssue = (message: string): ImportIssue => ({ sheet: null, row: null, column: null, message });

/**
 * Refuses what is not an .xlsx before exceljs sees it: other formats renamed .xlsx, damaged
 * archives, and zip bombs (judged from the central directory's declared sizes, then every entry
 * inflated once without keeping the output to prove the declarations true).
 */
export async function inspectXlsx(input: string | Buffer, limits: Partial<ContainerLimits> = {}): Promise<ImportIssue[]> {
  const limit = { ...DEFAULT_LIMITS, ...limits };
  let source: ZipSource;
  try {
    source = typeof input === 'string' ? await fileSource(input) : bufferSource(input);
  } catch {
    return [fileIssue('无法读取上传的文件')];
  }
  try {
    const head = await source.read(0, 8);
    if (!looksLikeZip(head)) {
      if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
        return [fileIssue('这是旧版 Excel 97-2003 工作簿（.xls）或 WPS 加密文件，请在 Excel/WPS 中另存为 .xlsx 后再导入')];
      }
      return [fileIssue('文件不是 Excel 工作簿（.xlsx）：内容不是 xlsx 格式，可能是其他类型的文件改了扩展名')];
    }
    const entries = await readCentralDirectory(source);
    if (entries.length > limit.maxEntries) return [fileIssue(`文件包含 ${entries.length} 个部件，超过上限 ${limit.maxEntries}，拒绝导入`)];
    const names = new Set(entries.map((entry) => entry.name));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
      return [fileIssue(names.has('word/document.xml')
        ? '文件是 Word 文档，不是 Excel 工作簿（.xlsx）'
        : '文件不是 Excel 工作簿（.xlsx）：缺少工作簿结构，可能是其他压缩文件改了扩展名')];
    }
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limit.ratioFloorBytes && ratio > limit.maxRatio) {
        return [fileIssue(`文件中的“${entry.name}”压缩比异常（${Math.round(ratio)}:1），疑似压缩炸弹，拒绝导入`)];
      }
    }
    if (total > limit.maxUncompressedBytes) {
      return [fileIssue(`文件解压后共 ${Math.ceil(total / 1024 / 1024)} MB，超过上限 ${Math.floor(limit.maxUncompressedBytes / 1024 / 1024)} MB，拒绝导入`)];
    }
    for (const entry of entries) await verifyEntry(source, entry);
    return [];
  } catch (error) {
    if (error instanceof ZipFormatError) return [fileIssue(`文件已损坏或不是有效的 .xlsx：${error.message}`)];
    throw error;
  } finally {
    await source.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a table by its headers.

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Headers match ignoring spaces (the notice writes "单  位"), a leading "*" and bracket width. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s\u3000*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

interface ColumnSpec {
  key: string;
  header: string;
  aliases?: string[];
  required: boolean;
  note?: string;
}

interface TableSpec {
  /** The sheet name of the template workbook. */
  sheetName: string;
  /** What the table is, for messages ("评分表"). */
  label: string;
  columns: ColumnSpec[];
}

export interface Cell {
  value: XlsxValue;
  column: string;
}

export interface TableRow {
  sheet: string;
  rowNumber: number;
  /** Cells by column key; absent when the optional column is not in the sheet. */
  cells: Map<string, Cell>;
}

const HEADER_SCAN_ROWS = 10;

interface Layout {
  sheet: string;
  headerRow: number;
  columns: { key: string; index: number; letter: string }[];
}

function isBlank(value: XlsxValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Finds the header row (a title row above it is allowed, as offices often have one) in the
 * first sheet that has one, then yields each non-blank data row.
 */
async function readTable(
  input: string | Buffer,
  spec: TableSpec,
  issues: ImportIssue[],
  options: ImportOptions,
  onRow: (row: TableRow) => void,
): Promise<number> {
  const wanted = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    for (const name of [column.header, ...(column.aliases ?? [])]) wanted.set(normaliseHeader(name), column);
  }
  const totalBytes = typeof input === 'string' ? (await stat(input)).size : input.length;
  let bytesRead = 0;
  let rowsRead = 0;
  const every = options.progressEvery ?? 5000;
  const report = (): void => options.onProgress?.({ rowsRead, bytesRead, totalBytes });

  let firstSheet: string | null = null;
  let currentSheet: string | null = null;
  let scanned = 0;
  let layout: Layout | null = null;
  let count = 0;

  /** The table's layout if this row is its header row; missing required columns become issues. */
  const tryHeader = (row: XlsxRow): Layout | null => {
    const found = new Map<string, number>();
    const duplicates: ImportIssue[] = [];
    row.values.forEach((value, index) => {
      if (typeof value !== 'string') return;
      const column = wanted.get(normaliseHeader(value));
      if (!column) return;
      if (found.has(column.key)) {
        duplicates.push({ sheet: row.sheet, row: row.rowNumber, column: columnLetter(index), message: `列“${column.header}”重复出现（另见 ${columnLetter(found.get(column.key) ?? 0)} 列）` });
      } else {
        found.set(column.key, index);
      }
    });
    const requiredFound = spec.columns.filter((c) => c.required && found.has(c.key)).length;
    if (requiredFound === 0 || found.size < Math.min(2, spec.columns.length)) return null;
    issues.push(...duplicates);
    let nextFree = row.values.length;
    for (const column of spec.columns) {
      if (column.required && !found.has(column.key)) {
        issues.push({ sheet: row.sheet, row: row.rowNumber, column: columnLetter(nextFree), message: `缺少必填列“${column.header}”` });
        nextFree += 1;
      }
    }
    return { sheet: row.sheet, headerRow: row.rowNumber, columns: [...found].map(([key, index]) => ({ key, index, letter: columnLetter(index) })) };
  };

  for await (const row of readWorkbookRows(input, (bytes) => { bytesRead = bytes; })) {
    if (row.sheet !== currentSheet) {
      if (layout) break; // the table was in the previous sheet
      currentSheet = row.sheet;
      firstSheet ??= row.sheet;
      scanned = 0;
    }
    rowsRead += 1;
    if (rowsRead % every === 0) report();
    if (!layout) {
      scanned += 1;
      if (scanned <= HEADER_SCAN_ROWS) layout = tryHeader(row);
      continue;
    }
    if (row.values.every(isBlank)) continue;
    const cells = new Map<string, Cell>();
    for (const column of layout.columns) cells.set(column.key, { value: row.values[column.index] ?? null, column: column.letter });
    count += 1;
    onRow({ sheet: row.sheet, rowNumber: row.rowNumber, cells });
  }
  report();
  if (!layout) {
    const names = spec.columns.filter((c) => c.required).map((c) => `“${c.header}”`).join('');
    issues.push({ sheet: firstSheet, row: firstSheet ? 1 : null, column: null, message: `找不到${spec.label}的表头行：前 ${HEADER_SCAN_ROWS} 行中应有 ${names} 等列` });
  } else if (count === 0 && issues.length === 0) {
    issues.push({ sheet: layout.sheet, row: layout.headerRow + 1, column: null, message: `${spec.label}没有数据行` });
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Cell rules.

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function describe(value: XlsxValue): string {
  if (value instanceof Date) return '日期';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `“${String(value)}”`;
}

class RowChecker {
  constructor(private readonly row: TableRow, private readonly issues: ImportIssue[], private readonly spec: TableSpec) {}

  fail(key: string, message: string): void {
    const cell = this.row.cells.get(key);
    this.issues.push({ sheet: this.row.sheet, row: this.row.rowNumber, column: cell?.column ?? null, message });
  }

  header(key: string): string {
    return this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  /** Text cell; numbers are accepted as their digits (a code typed as a number). */
  text(key: string, required: boolean, maxLength = 200): string | null {
    const cell = this.row.cells.get(key);
    const value = cell?.value ?? null;
    if (isBlank(value)) {
      if (required && cell) this.fail(key, `“${this.header(key)}”不能为空`);
      return null;
    }
    if (value instanceof Date || typeof value === 'boolean') {
      this.fail(key, `“${this.header(key)}”应为文字，实为${describe(value)}`);
      return null;
    }
    const text = String(value).trim();
    if (text.length > maxLength) {
      this.fail(key, `“${this.header(key)}”超过 ${maxLength} 个字`);
      return null;
    }
    return text;
  }

  /**
   * A score or standard points as integer hundredths (scores are exact: 2 decimals at most).
   * Text that is only digits is accepted, as WPS often stores numbers as text; any other text
   * ("九十五", "95分") is refused.
   */
  hundredths(key: string, required: boolean): number | null {
    const cell = this.row.cells.get(key);
    const value = cell?.value ?? null;
    if (isBlank(value)) {
      if (required && cell) this.fail(key, `“${this.header(key)}”不能为空`);
      return null;
    }
    let number: number;
    if (typeof value === 'number') number = value;
    else if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) number = Number(value.trim());
    else {
      this.fail(key, `“${this.header(key)}”应为数字，实为${typeof value === 'string' ? `文字${describe(value)}` : describe(value)}`);
      return null;
    }
    if (!Number.isFinite(number)) {
      this.fail(key, `“${this.header(key)}”不是有效数字`);
      return null;
    }
    const scaled = Math.round(number * 100);
    if (Math.abs(scaled - number * 100) > 1e-6) {
      this.fail(key, `“${this.header(key)}”最多保留两位小数，实为 ${number}`);
      return null;
    }
    if (scaled < 0) {
      this.fail(key, `“${this.header(key)}”不能为负数`);
      return null;
    }
    return scaled;
  }

  /**
   * A criterion number such as "2.10". Typed as a number, Excel would turn "2.10" into 2.1 and
   * "2.1" and "2.10" into one, so only whole numbers are accepted when the cell is numeric.
   */
  path(key: string): string | null {
    const cell = this.row.cells.get(key);
    const value = cell?.value ?? null;
    if (isBlank(value)) {
      if (cell) this.fail(key, `“${this.header(key)}”不能为空`);
      return null;
    }
    if (typeof value === 'number' && !Number.isInteger(value)) {
      this.fail(key, `“${this.header(key)}”${value} 是数字格式，请把该列设为文本后按“1.10”的样式重新填写`);
      return null;
    }
    const text = String(value).trim().replace(/[．。]/g, '.');
    if (!/^\d+(\.\d+)*$/.test(text)) {
      this.fail(key, `“${this.header(key)}”应为以点分隔的数字编号（如 2 或 2.3），实为${describe(value)}`);
      return null;
    }
    return text.split('.').map((part) => String(Number(part))).join('.');
  }
}

async function parseTable<T>(
  input: string | Buffer,
  spec: TableSpec,
  options: ImportOptions,
  toRow: (check: RowChecker, row: TableRow) => T | null,
  finish?: (rows: { value: T; row: TableRow }[], issues: ImportIssue[]) => void,
  sink?: (value: T) => void,
): Promise<ImportResult<T>> {
  const containerIssues = await inspectXlsx(input, options.limits);
  if (containerIssues.length > 0) return { ok: false, errors: containerIssues };
  const issues: ImportIssue[] = [];
  // Rows are kept with their cells only when a whole-table check needs to point back at them
  // (criteria parents); large tables keep just the values.
  const rows: { value: T; row: TableRow }[] = [];
  const values: T[] = [];
  let count = 0;
  try {
    await readTable(input, spec, issues, options, (row) => {
      const before = issues.length;
      const value = toRow(new RowChecker(row, issues, spec), row);
      if (value === null || issues.length !== before) return;
      count += 1;
      if (sink) sink(value);
      else if (finish) rows.push({ value, row });
      else values.push(value);
    });
  } catch (error) {
    // Malformed sheet XML surfaces here as a parser error; the file was already proven a sound zip.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [...issues, fileIssue(`无法读取工作簿内容：${detail}`)] };
  }
  finish?.(rows, issues);
  if (issues.length > 0) return { ok: false, errors: issues };
  return { ok: true, rows: finish ? rows.map((r) => r.value) : values, rowCount: count };
}

function duplicateChecker(label: string): (key: string, check: RowChecker, column: string, row: TableRow) => void {
  const seen = new Map<string, number>();
  return (key, check, column, row) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row.rowNumber);
    else check.fail(column, `${label}与第 ${first} 行重复`);
  };
}

// ---------------------------------------------------------------------------------------------
// 被考核单位名册.

export interface UnitRegistryRow {
  code: string | null;
  name: string;
  category: string;
  principal: string | null;
  deputy: string | null;
  contact: string | null;
  phone: string | null;
}

export const UNIT_REGISTRY_SPEC: TableSpec = {
  sheetName: '被考核单位名册',
  label: '被考核单位名册',
  columns: [
    { key: 'code', header: '单位编码', required: false, note: '可选；填写后在全表中不得重复' },
    { key: 'name', header: '单位名称', aliases: ['单位', '被考核单位'], required: true, note: '必填；全称，不得重复' },
    { key: 'category', header: '单位类别', aliases: ['类别'], required: true, note: '必填；如 属地、部门' },
    { key: 'principal', header: '主要负责人', required: false },
    { key: 'deputy', header: '分管负责人', required: false },
    { key: 'contact', header: '联系人', required: false },
    { key: 'phone', header: '联系电话', required: false, note: '可选；7–20 位数字，可含 - + ( ) 和空格' },
  ],
};

export async function parseUnitRegistry(
  input: string | Buffer,
  options: ImportOptions & {
    categories?: ReadonlySet<string>;
    /** A further check of a row that passed the cell rules (e.g. a name already in the database), reported on the named column's cell. */
    checkRow?: (row: UnitRegistryRow) => { column: 'code' | 'name' | 'category'; message: string } | null;
  } = {},
): Promise<ImportResult<UnitRegistryRow>> {
  const names = duplicateChecker('单位名称');
  const codes = duplicateChecker('单位编码');
  return parseTable(input, UNIT_REGISTRY_SPEC, options, (check, row) => {
    const code = check.text('code', false, 50);
    const name = check.text('name', true, 100);
    const category = check.text('category', true, 50);
    if (name !== null) names(name, check, 'name', row);
    if (code !== null) codes(code, check, 'code', row);
    if (category !== null && options.categories && !options.categories.has(category)) {
      check.fail('category', `单位类别“${category}”不在考核方案的类别中（${[...options.categories].join('、')}）`);
    }
    if (name === null || category === null) return null;
    const phone = check.text('phone', false, 50);
    if (phone !== null && !contactPhoneSchema.safeParse(phone).success) check.fail('phone', `联系电话“${phone}”应为 7–20 位数字，可含 - + ( ) 和空格`);
    const value = {
      code, name, category, principal: check.text('principal', false, 50), deputy: check.text('deputy', false, 50),
      contact: check.text('contact', false, 50), phone,
    };
    const problem = options.checkRow?.(value);
    if (problem) {
      check.fail(problem.column, problem.message);
      return null;
    }
    return value;
  });
}

// ---------------------------------------------------------------------------------------------
// 考核细则.

export type CriterionMethod = 'manual' | 'deduction' | 'passFail' | 'formula';

const METHOD_ZH: Record<string, CriterionMethod> = {
  直接评分: 'manual', 评分: 'manual', 扣分: 'deduction', 扣分制: 'deduction', 达标: 'passFail', 是否达标: 'passFail', 公式: 'formula', 计算: 'formula',
};

export interface CriterionRow {
  path: string;
  parentPath: string | null;
  name: string;
  pointsHundredths: number;
  method: CriterionMethod;
  standard: string | null;
  categories: string[];
  /** Where the row is, to name a cell when the tree built from it is refused (criteria-tree.ts). */
  at: { sheet: string; row: number; columns: Partial<Record<'path' | 'method' | 'standard' | 'categories', string>> };
}

export const CRITERIA_SPEC: TableSpec = {
  sheetName: '考核细则',
  label: '考核细则',
  columns: [
    { key: 'path', header: '编号', aliases: ['细则编号', '序号'], required: true, note: '必填；文本格式，以点分隔层级，如 1、1.2、1.2.3；上级编号必须存在' },
    { key: 'name', header: '考核项目', aliases: ['项目名称', '考核内容'], required: true },
    { key: 'points', header: '标准分', aliases: ['分值'], required: true, note: '必填；数字，最多两位小数' },
    { key: 'method', header: '评分方法', required: false, note: '直接评分、扣分、达标、公式；不填为直接评分' },
    { key: 'standard', header: '评分标准', aliases: ['考核标准', '扣分标准'], required: false },
    { key: 'categories', header: '适用类别', required: false, note: '可选；多个类别用顿号分隔；不填为全部类别' },
  ],
};

export async function parseCriteria(input: string | Buffer, options: ImportOptions = {}): Promise<ImportResult<CriterionRow>> {
  const paths = duplicateChecker('编号');
  return parseTable(input, CRITERIA_SPEC, options, (check, row) => {
    const path = check.path('path');
    const name = check.text('name', true, 500);
    const points = check.hundredths('points', true);
    const methodText = check.text('method', false, 20);
    let method: CriterionMethod = 'manual';
    if (methodText !== null) {
      const known = METHOD_ZH[methodText];
      if (known) method = known;
      else check.fail('method', `评分方法“${methodText}”无法识别，应为直接评分、扣分、达标或公式`);
    }
    if (path !== null) paths(path, check, 'path', row);
    if (path === null || name === null || points === null) return null;
    const parentPath = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null;
    const categories = (check.text('categories', false, 200) ?? '').split(/[、,，;；\s]+/).filter((c) => c !== '');
    const columns = Object.fromEntries((['path', 'method', 'standard', 'categories'] as const)
      .flatMap((key) => { const cell = row.cells.get(key); return cell ? [[key, cell.column]] : []; }));
    return {
      path, parentPath, name, pointsHundredths: points, method, standard: check.text('standard', false, 2000), categories,
      at: { sheet: row.sheet, row: row.rowNumber, columns },
    };
  }, (rows, issues) => {
    // A child may come before its parent in the sheet, so parents are checked at the end.
    const known = new Set(rows.map((r) => r.value.path));
    for (const { value, row } of rows) {
      if (value.parentPath !== null && !known.has(value.parentPath)) {
        issues.push({ sheet: row.sheet, row: row.rowNumber, column: row.cells.get('path')?.column ?? null, message: `编号 ${value.path} 的上级 ${value.parentPath} 不存在` });
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// 评分表 (item scores).

export interface ItemScoreImportRow {
  unit: string;
  path: string;
  /** null = 缺项: the cell says 缺项 (the item does not apply to the unit). */
  earnedHundredths: number | null;
  note: string | null;
}

export const ITEM_SCORES_SPEC: TableSpec = {
  sheetName: '评分表',
  label: '评分表',
  columns: [
    { key: 'unit', header: '单位名称', aliases: ['单位', '被考核单位'], required: true, note: '必填；与被考核单位名册中的名称一致' },
    { key: 'path', header: '细则编号', aliases: ['编号'], required: true, note: '必填；文本格式，如 2.3' },
    { key: 'earned', header: '得分', aliases: ['考核得分'], required: true, note: '必填；数字，最多两位小数；该项不适用于本单位时填“缺项”' },
    { key: 'note', header: '扣分说明', aliases: ['备注', '说明'], required: false },
  ],
};

export async function parseItemScores(
  input: string | Buffer,
  options: ImportOptions & {
    /** Names of the campaign's units; a row for any other unit is refused. */
    knownUnits: ReadonlySet<string>;
    /** Criterion number → standard points in hundredths; when given, unknown items and scores above the points are refused. */
    knownItems?: ReadonlyMap<string, number>;
    /**
     * Receives each valid row as it is read instead of collecting them (result.rows is then
     * empty), so memory does not grow with the file. The rows are provisional until the
     * result is ok: write them inside a transaction and roll back on errors.
     */
    sink?: (row: ItemScoreImportRow) => void;
    /**
     * A further check of a row that passed the cell rules (e.g. against the criterion's scoring
     * method in the database); a problem it returns is reported on the named column's cell.
     */
    checkRow?: (row: ItemScoreImportRow) => { column: 'unit' | 'path' | 'earned'; message: string } | null;
  },
): Promise<ImportResult<ItemScoreImportRow>> {
  // Seen (unit, item) pairs as unit → item → first row, with each distinct text kept once:
  // a score workbook repeats the same few dozen item numbers for every unit, so this grows by
  // one small map entry per row rather than by one composite string key per row.
  const seen = new Map<string, Map<string, number>>();
  const pool = new Map<string, string>();
  const intern = (text: string): string => {
    const known = pool.get(text);
    if (known !== undefined) return known;
    pool.set(text, text);
    return text;
  };
  return parseTable(input, ITEM_SCORES_SPEC, options, (check, row) => {
    const unit = check.text('unit', true, 100);
    const path = check.path('path');
    const earnedCell = row.cells.get('earned')?.value;
    const notApplicable = typeof earnedCell === 'string' && earnedCell.trim() === NOT_APPLICABLE_TEXT;
    const earned = notApplicable ? null : check.hundredths('earned', true);
    if (unit !== null && !options.knownUnits.has(unit)) check.fail('unit', `单位“${unit}”不在本次考核的被考核单位中`);
    const points = path === null ? undefined : options.knownItems?.get(path);
    if (path !== null && options.knownItems && points === undefined) check.fail('path', `细则编号 ${path} 不在考核细则中`);
    if (earned !== null && points !== undefined && earned > points) {
      check.fail('earned', `得分 ${earned / 100} 超过该项标准分 ${points / 100}`);
    }
    if (unit !== null && path !== null) {
      const unitKey = intern(unit);
      let items = seen.get(unitKey);
      if (!items) seen.set(unitKey, (items = new Map()));
      const first = items.get(path);
      if (first === undefined) items.set(intern(path), row.rowNumber);
      else check.fail('path', `同一单位的同一细则编号与第 ${first} 行重复`);
    }
    if (unit === null || path === null || (earned === null && !notApplicable)) return null;
    const value = { unit: intern(unit), path: intern(path), earnedHundredths: earned, note: check.text('note', false, 1000) };
    const problem = options.checkRow?.(value);
    if (problem) {
      check.fail(problem.column, problem.message);
      return null;
    }
    return value;
  }, undefined, options.sink);
}

// ---------------------------------------------------------------------------------------------
// Template workbooks offered for download.

export type ImportKind = 'unitRegistry' | 'criteria' | 'itemScores';

const SPECS: Record<ImportKind, TableSpec> = { unitRegistry: UNIT_REGISTRY_SPEC, criteria: CRITERIA_SPEC, itemScores: ITEM_SCORES_SPEC };

/** An empty sheet with the expected headers (required ones marked *), and a sheet of instructions. */
export async function buildImportTemplate(kind: ImportKind): Promise<Buffer> {
  const spec = SPECS[kind];
  const columns: XlsxColumn[] = spec.columns.map((c) => ({ header: c.header, key: c.key, note: c.note, width: Math.max(12, c.header.length * 2 + 6) }));
  const help = spec.columns.map((c) => ({ column: c.header, required: c.required ? '是' : '否', note: c.note ?? '' }));
  return writeWorkbook([
    { name: spec.sheetName, columns, rows: [], required: spec.columns.filter((c) => c.required).map((c) => c.key) },
    {
      name: '填写说明',
      columns: [{ header: '列名', key: 'column' }, { header: '必填', key: 'required' }, { header: '说明', key: 'note' }],
      rows: [...help, { column: '（通用）', required: '', note: '表头须在前 10 行内；可在表头上方保留标题行；空行会被跳过；整表校验通过后才会导入，否则一行也不导入' }],
    },
  ]);
}
