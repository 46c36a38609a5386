// 一企一档: validating an enterprise's basic facts (one form or a whole Excel import), licence
// expiry, and the enterprise's timeline.
//
// An import is all or nothing (as for documents): every row is checked, every error is reported
// with its row number, and nothing is accepted unless all rows are valid.

import type { Instant, LocalDate } from '../shared/dates.ts';
import { addDays, isLocalDate } from '../shared/dates.ts';
import { validateCreditCode } from './credit-code.ts';

export type EnterpriseSize = 'large' | 'medium' | 'small' | 'micro';
export const ENTERPRISE_SIZE_ZH: Readonly<Record<EnterpriseSize, string>> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };

/** 安全生产标准化等级 */
export type StandardisationLevel = 'level1' | 'level2' | 'level3' | 'none';
export const STANDARDISATION_LEVEL_ZH: Readonly<Record<StandardisationLevel, string>> = {
  level1: '一级',
  level2: '二级',
  level3: '三级',
  none: '未达标',
};

export interface Licence {
  /** e.g. 安全生产许可证、危险化学品经营许可证 */
  readonly kind: string;
  readonly number: string;
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate;
}

export interface EnterpriseInput {
  readonly name: string;
  readonly creditCode: string;
  readonly address: string;
  readonly legalRepresentative: string;
  readonly sector: string;
  readonly size: EnterpriseSize;
  readonly territorialUnitId: string;
  readonly regulatingUnitId: string;
  readonly standardisationLevel?: StandardisationLevel;
  readonly licences?: readonly Licence[];
}

export interface EnterpriseContext {
  /** Units and sectors that exist; a value outside them is an error. Absent: not checked. */
  readonly territorialUnitIds?: ReadonlySet<string>;
  readonly regulatingUnitIds?: ReadonlySet<string>;
  readonly sectors?: ReadonlySet<string>;
  /** Credit codes already registered. */
  readonly existingCreditCodes?: ReadonlySet<string>;
}

export interface FieldError {
  readonly field: string;
  readonly messageZh: string;
}

export type EnterpriseValidation =
  | { readonly ok: true; readonly enterprise: EnterpriseInput }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

function blank(v: string | undefined): boolean {
  return v === undefined || v.trim().length === 0;
}

/** Checks one enterprise; returns it normalised (trimmed, credit code upper-case) or every error. */
export function validateEnterprise(input: EnterpriseInput, ctx: EnterpriseContext = {}): EnterpriseValidation {
  const errors: FieldError[] = [];
  const required: [keyof EnterpriseInput, string][] = [
    ['name', '单位名称'],
    ['address', '地址'],
    ['legalRepresentative', '法定代表人'],
    ['sector', '行业领域'],
    ['territorialUnitId', '所属镇（街道）'],
    ['regulatingUnitId', '行业监管部门'],
  ];
  for (const [field, label] of required) {
    if (blank(input[field] as string | undefined)) errors.push({ field, messageZh: `${label}不能为空。` });
  }
  const code = validateCreditCode(input.creditCode ?? '');
  if (!code.ok) errors.push({ field: 'creditCode', messageZh: code.messageZh });
  else if (ctx.existingCreditCodes?.has(code.code)) {
    errors.push({ field: 'creditCode', messageZh: `统一社会信用代码${code.code}已登记，不能重复登记。` });
  }
  if (!(input.size in ENTERPRISE_SIZE_ZH)) errors.push({ field: 'size', messageZh: '企业规模应为大型、中型、小型或微型。' });
  if (input.standardisationLevel !== undefined && !(input.standardisationLevel in STANDARDISATION_LEVEL_ZH)) {
    errors.push({ field: 'standardisationLevel', messageZh: '安全生产标准化等级应为一级、二级、三级或未达标。' });
  }
  if (!blank(input.territorialUnitId) && ctx.territorialUnitIds && !ctx.territorialUnitIds.has(input.territorialUnitId.trim())) {
    errors.push({ field: 'territorialUnitId', messageZh: `所属镇（街道）“${input.territorialUnitId}”不存在。` });
  }
  if (!blank(input.regulatingUnitId) && ctx.regulatingUnitIds && !ctx.regulatingUnitIds.has(input.regulatingUnitId.trim())) {
    errors.push({ field: 'regulatingUnitId', messageZh: `行业监管部门“${input.regulatingUnitId}”不存在。` });
  }
  if (!blank(input.sector) && ctx.sectors && !ctx.sectors.has(input.sector.trim())) {
    errors.push({ field: 'sector', messageZh: `行业领域“${input.sector}”不在行业领域目录中。` });
  }
  (input.licences ?? []).forEach((l, i) => {
    const label = `第${i + 1}个许可证`;
    if (blank(l.kind) || blank(l.number)) errors.push({ field: `licences.${i}`, messageZh: `${label}须写明名称和编号。` });
    if (!isLocalDate(l.validFrom) || !isLocalDate(l.validTo)) errors.push({ field: `licences.${i}`, messageZh: `${label}的有效期日期无效。` });
    else if (l.validTo < l.validFrom) errors.push({ field: `licences.${i}`, messageZh: `${label}的有效期止日${l.validTo}早于起日${l.validFrom}。` });
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    enterprise: {
      ...input,
      name: input.name.trim(),
      creditCode: code.ok ? code.code : input.creditCode,
      address: input.address.trim(),
      legalRepresentative: input.legalRepresentative.trim(),
      sector: input.sector.trim(),
      territorialUnitId: input.territorialUnitId.trim(),
      regulatingUnitId: input.regulatingUnitId.trim(),
    },
  };
}

export interface ImportRow {
  /** The spreadsheet row number, as the user sees it. */
  readonly rowNumber: number;
  readonly input: EnterpriseInput;
}

export type ImportValidation =
  | { readonly ok: true; readonly enterprises: readonly EnterpriseInput[] }
  | { readonly ok: false; readonly errors: readonly { readonly rowNumber: number; readonly field: string; readonly messageZh: string }[] };

/** Whole-or-nothing check of an import: also catches a credit code repeated within the file. */
export function validateEnterpriseImport(rows: readonly ImportRow[], ctx: EnterpriseContext = {}): ImportValidation {
  const errors: { rowNumber: number; field: string; messageZh: string }[] = [];
  const enterprises: EnterpriseInput[] = [];
  const seen = new Map<string, number>();
  if (rows.length === 0) return { ok: false, errors: [{ rowNumber: 0, field: '', messageZh: '导入文件中没有数据行。' }] };
  for (const row of rows) {
    const r = validateEnterprise(row.input, ctx);
    if (!r.ok) {
      for (const e of r.errors) errors.push({ rowNumber: row.rowNumber, field: e.field, messageZh: `第${row.rowNumber}行：${e.messageZh}` });
      continue;
    }
    const first = seen.get(r.enterprise.creditCode);
    if (first !== undefined) {
      errors.push({ rowNumber: row.rowNumber, field: 'creditCode', messageZh: `第${row.rowNumber}行：统一社会信用代码${r.enterprise.creditCode}与第${first}行重复。` });
      continue;
    }
    seen.set(r.enterprise.creditCode, row.rowNumber);
    enterprises.push(r.enterprise);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, enterprises };
}

export type LicenceStatus = 'notYetValid' | 'valid' | 'expiringSoon' | 'expired';

/** A licence on `today`: expiringSoon when it ends within `warnWithinDays` days (inclusive). */
export function licenceStatus(licence: Licence, today: LocalDate, warnWithinDays = 90): LicenceStatus {
  if (today < licence.validFrom) return 'notYetValid';
  if (today > licence.validTo) return 'expired';
  return licence.validTo <= addDays(today, warnWithinDays) ? 'expiringSoon' : 'valid';
}

export type TimelineKind = 'hazard' | 'inspection' | 'enforcement' | 'accident' | 'tip' | 'expertReport' | 'training' | 'licence';

export interface TimelineEntry {
  readonly kind: TimelineKind;
  readonly id: string;
  /** A day or an instant; a day sorts as the start of that day in China time. */
  readonly at: LocalDate | Instant;
  readonly titleZh: string;
}

function sortKey(at: string): number {
  return at.length === 10 ? Date.parse(`${at}T00:00:00+08:00`) : Date.parse(at);
}

/** The enterprise file's single timeline: newest first, then by kind and id for a stable order. */
export function enterpriseTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => sortKey(b.at) - sortKey(a.at) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
