import type { ExpertLevel } from '../../../domain/ledgers/expert/draw-experts';
import type { ExpertCreate, ExpertUpdate, ExpertView } from '../../../shared/schemas/expert';

/**
 * The expert drawer's values and the request body built from them. The server checks again
 * (expertCreateSchema, and that every enterprise named is a ledger enterprise); here text is
 * trimmed, half-filled rows are left out and the employer is one of three kinds.
 */
export type EmployerKind = 'none' | 'ledger' | 'name';

export interface ExpertFormValues {
  name?: string;
  specialties?: string[];
  level?: ExpertLevel;
  title?: string;
  employerKind: EmployerKind;
  employerEnterpriseId?: string;
  employerName?: string;
  formerEmployers?: { enterpriseId?: string; until?: string }[];
  declaredTies?: { enterpriseId?: string; relation?: string }[];
  unavailable?: { from?: string; to?: string }[];
  active: boolean;
}

export const employerKindOptions: readonly { value: EmployerKind; label: string }[] = [
  { value: 'none', label: '无（或不在企业任职）' },
  { value: 'ledger', label: '本区台账中的生产经营单位' },
  { value: 'name', label: '其他单位（填写名称）' },
];

/** The drawer's starting values: empty for a new expert, the stored ones for a change. */
export function expertFormValues(expert?: ExpertView): ExpertFormValues {
  if (!expert) return { employerKind: 'none', specialties: [], formerEmployers: [], declaredTies: [], unavailable: [], active: true };
  return {
    name: expert.name,
    specialties: [...expert.specialties],
    level: expert.level,
    title: expert.title ?? undefined,
    employerKind: expert.employerEnterpriseId ? 'ledger' : expert.employerName ? 'name' : 'none',
    employerEnterpriseId: expert.employerEnterpriseId ?? undefined,
    employerName: expert.employerEnterpriseId ? undefined : expert.employerName ?? undefined,
    formerEmployers: expert.formerEmployers.map((f) => ({ ...f })),
    declaredTies: expert.declaredTies.map((t) => ({ ...t })),
    unavailable: expert.unavailable.map((p) => ({ ...p })),
    active: expert.active,
  };
}

const trimmed = (v: string | undefined) => (v ?? '').trim();

/** The fields common to adding and changing an expert; null clears the title or the employer. */
export function expertFields(v: ExpertFormValues): ExpertCreate {
  const specialties = [...new Set((v.specialties ?? []).map((s) => s.trim()).filter((s) => s !== ''))];
  const employerId = v.employerKind === 'ledger' ? trimmed(v.employerEnterpriseId) : '';
  const employerName = v.employerKind === 'name' ? trimmed(v.employerName) : '';
  return {
    name: trimmed(v.name),
    specialties,
    level: v.level!,
    title: trimmed(v.title) === '' ? null : trimmed(v.title),
    employerEnterpriseId: employerId === '' ? null : employerId,
    employerName: employerName === '' ? null : employerName,
    formerEmployers: (v.formerEmployers ?? [])
      .map((f) => ({ enterpriseId: trimmed(f?.enterpriseId), until: trimmed(f?.until) }))
      .filter((f) => f.enterpriseId !== '' || f.until !== ''),
    declaredTies: (v.declaredTies ?? [])
      .map((t) => ({ enterpriseId: trimmed(t?.enterpriseId), relation: trimmed(t?.relation) }))
      .filter((t) => t.enterpriseId !== '' || t.relation !== ''),
    unavailable: (v.unavailable ?? [])
      .map((p) => ({ from: trimmed(p?.from), to: trimmed(p?.to) }))
      .filter((p) => p.from !== '' || p.to !== ''),
    active: v.active !== false,
  };
}

export function expertUpdateBody(v: ExpertFormValues, version: number): ExpertUpdate {
  return { version, ...expertFields(v) };
}

/** The expert's current employer in words: the ledger enterprise's name, the name given, or none. */
export function employerText(expert: Pick<ExpertView, 'employerEnterpriseId' | 'employerName'>): string {
  return expert.employerName ?? (expert.employerEnterpriseId ? '本区台账中的单位' : '—');
}

/** Unavailable periods as “起至止”, joined by 、; none as —. */
export function periodsText(periods: readonly { from: string; to: string }[]): string {
  return periods.length === 0 ? '—' : periods.map((p) => (p.from === p.to ? p.from : `${p.from}至${p.to}`)).join('、');
}

/** The expert's fields in words, for a server refusal that names one (field-errors.ts). */
export const expertFieldLabels: Readonly<Record<string, string>> = {
  name: '姓名', specialties: '专业', level: '级别', title: '职称', employerEnterpriseId: '现工作单位', employerName: '现工作单位名称',
  formerEmployers: '曾任职单位', declaredTies: '申报的利害关系', enterpriseId: '单位', until: '任职至', relation: '关系',
  unavailable: '不能参加检查的期间', from: '起始日期', to: '终止日期', active: '在库', version: '版本',
};
