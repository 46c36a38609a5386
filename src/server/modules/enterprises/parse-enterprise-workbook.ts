import type { XlsxValue } from '../../documents/xlsx-adapter';
import { readWorkbookRows } from '../../documents/xlsx-adapter';
import { columnLetter, inspectXlsx, normaliseHeader } from '../../documents/xlsx-import';

/** The columns of the 一企一档 import sheet, by header (aliases as offices write them). */
export const ENTERPRISE_COLUMNS = [
  { key: 'name', header: '单位名称', aliases: ['企业名称', '生产经营单位'], required: true },
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码'], required: true },
  { key: 'address', header: '地址', aliases: ['单位地址', '经营地址'], required: true },
  { key: 'legalRepresentative', header: '法定代表人', aliases: ['法人代表'], required: true },
  { key: 'sector', header: '行业领域', aliases: ['行业'], required: true },
  { key: 'size', header: '企业规模', aliases: ['规模'], required: true },
  { key: 'territorialUnit', header: '所属镇（街道）', aliases: ['属地', '所属镇街'], required: true },
  { key: 'regulatingUnit', header: '行业监管部门', aliases: ['监管部门'], required: true },
  { key: 'standardisationLevel', header: '标准化等级', aliases: ['安全生产标准化等级'], required: false },
] as const;
export type EnterpriseColumnKey = (typeof ENTERPRISE_COLUMNS)[number]['key'];

export interface SheetRow {
  rowNumber: number;
  /** Cell text by column key (blank cells as ''). */
  values: Record<EnterpriseColumnKey, string>;
}

export interface SheetIssue { rowNumber: number | null; column: string | null; message: string }

export type SheetResult =
  | { ok: true; rows: SheetRow[]; letters: Record<EnterpriseColumnKey, string> }
  | { ok: false; issues: SheetIssue[] };

function cellText(value: XlsxValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

const HEADER_SCAN_ROWS = 10;

/**
 * Reads the first sheet with the enterprise columns (a title row above the header is allowed).
 * Only the layout is checked here; every value is checked by the domain with the whole file.
 */
export async function parseEnterpriseWorkbook(input: Buffer): Promise<SheetResult> {
  const container = await inspectXlsx(input);
  if (container.length > 0) return { ok: false, issues: container.map((i) => ({ rowNumber: i.row, column: i.column, message: i.message })) };
  const wanted = new Map<string, EnterpriseColumnKey>();
  for (const c of ENTERPRISE_COLUMNS) for (const h of [c.header, ...c.aliases]) wanted.set(normaliseHeader(h), c.key);
  let layout: Map<EnterpriseColumnKey, number> | null = null;
  let sheet: string | null = null;
  let scanned = 0;
  const rows: SheetRow[] = [];
  const issues: SheetIssue[] = [];
  try {
    for await (const row of readWorkbookRows(input)) {
      if (row.sheet !== sheet) {
        if (layout) break;
        sheet = row.sheet;
        scanned = 0;
      }
      if (!layout) {
        scanned += 1;
        if (scanned > HEADER_SCAN_ROWS) continue;
        const found = new Map<EnterpriseColumnKey, number>();
        row.values.forEach((v, i) => {
          const key = typeof v === 'string' ? wanted.get(normaliseHeader(v)) : undefined;
          if (key && !found.has(key)) found.set(key, i);
        });
        if (found.size >= 2) {
          for (const c of ENTERPRISE_COLUMNS) {
            if (c.required && !found.has(c.key)) issues.push({ rowNumber: row.rowNumber, column: null, message: `缺少必填列“${c.header}”` });
          }
          layout = found;
        }
        continue;
      }
      if (row.values.every((v) => cellText(v) === '')) continue;
      const values = Object.fromEntries(ENTERPRISE_COLUMNS.map((c) => {
        const index = layout!.get(c.key);
        return [c.key, index === undefined ? '' : cellText(row.values[index])];
      })) as Record<EnterpriseColumnKey, string>;
      rows.push({ rowNumber: row.rowNumber, values });
    }
  } catch (error) {
    return { ok: false, issues: [{ rowNumber: null, column: null, message: `无法读取工作簿内容：${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (!layout) {
    return { ok: false, issues: [{ rowNumber: null, column: null, message: `找不到一企一档的表头行：前${HEADER_SCAN_ROWS}行中应有“单位名称”“统一社会信用代码”等列` }] };
  }
  if (issues.length > 0) return { ok: false, issues };
  const letters = Object.fromEntries(ENTERPRISE_COLUMNS.map((c) => [c.key, layout!.has(c.key) ? columnLetter(layout!.get(c.key)!) : ''])) as Record<EnterpriseColumnKey, string>;
  return { ok: true, rows, letters };
}
