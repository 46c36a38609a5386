// Drawing experts from the pool (专家库) for an inspection (专家查隐患), with recusal (回避).
//
// Eligibility: the expert is in the pool and available on the inspection date, holds the wanted
// specialty and one of the wanted levels. Recusal removes experts tied to the inspected
// enterprise: its current employee, a former employee (within the look-back the local rules set,
// or ever if none is set), or anyone who declared a tie (relative, shareholder, consultant …).
// The drawing is a Fisher–Yates selection over the eligible experts sorted by id, driven by the
// random source passed in — the same seed and pool always give the same experts, whatever the
// order in which the pool was loaded.

import type { LocalDate } from '../shared/dates.ts';
import { addMonths, isLocalDate } from '../shared/dates.ts';
import type { RandomSource } from '../shared/random.ts';
import { randomIndex } from '../shared/random.ts';
import type { Refusal } from '../shared/result.ts';
import { refuse } from '../shared/result.ts';

export type ExpertLevel = 'national' | 'provincial' | 'city' | 'county';

export const EXPERT_LEVEL_ZH: Readonly<Record<ExpertLevel, string>> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  county: '县级',
};

export interface Expert {
  readonly id: string;
  readonly name: string;
  readonly specialties: readonly string[];
  readonly level: ExpertLevel;
  readonly title?: string;
  /** Current employer: an enterprise id when the expert works for an enterprise. */
  readonly employerId?: string;
  readonly formerEmployers?: readonly { readonly enterpriseId: string; readonly until: LocalDate }[];
  /** Ties the expert declared (亲属、持股、顾问 …). */
  readonly declaredTies?: readonly { readonly enterpriseId: string; readonly relationZh: string }[];
  readonly active: boolean;
  readonly unavailable?: readonly { readonly from: LocalDate; readonly to: LocalDate }[];
}

export interface DrawSlot {
  readonly specialty: string;
  readonly count: number;
  /** Empty or absent: any level. */
  readonly levels?: readonly ExpertLevel[];
}

export interface DrawRequest {
  readonly enterpriseId: string;
  /** Enterprises whose ties also disqualify (e.g. the parent company). */
  readonly relatedEnterpriseIds?: readonly string[];
  readonly inspectionDate: LocalDate;
  readonly slots: readonly DrawSlot[];
  /** Former employment within this many years disqualifies; absent: any former employment. */
  readonly priorServiceLookbackYears?: number;
}

export interface Recusal {
  readonly expertId: string;
  readonly reasonsZh: readonly string[];
}

export interface DrawnExpert {
  readonly expertId: string;
  readonly specialty: string;
}

export type DrawResult =
  | { readonly ok: true; readonly drawn: readonly DrawnExpert[]; readonly recused: readonly Recusal[]; readonly eligibleCounts: readonly number[] }
  | (Refusal & { readonly recused: readonly Recusal[] });

/** Why an expert must recuse from inspecting the enterprise(s); empty when not tied. */
export function recusalReasons(expert: Expert, request: DrawRequest): string[] {
  const targets = new Set([request.enterpriseId, ...(request.relatedEnterpriseIds ?? [])]);
  const reasons: string[] = [];
  if (expert.employerId !== undefined && targets.has(expert.employerId)) reasons.push('现任职于被检查单位');
  const cutoff = request.priorServiceLookbackYears === undefined ? undefined : addMonths(request.inspectionDate, -12 * request.priorServiceLookbackYears);
  for (const f of expert.formerEmployers ?? []) {
    if (targets.has(f.enterpriseId) && (cutoff === undefined || f.until >= cutoff)) {
      reasons.push(`曾任职于被检查单位（至${f.until}）`);
    }
  }
  for (const t of expert.declaredTies ?? []) {
    if (targets.has(t.enterpriseId)) reasons.push(`申报与被检查单位有利害关系：${t.relationZh}`);
  }
  return reasons;
}

function availableOn(expert: Expert, date: LocalDate): boolean {
  return expert.active && !(expert.unavailable ?? []).some((p) => p.from <= date && date <= p.to);
}

export function drawExperts(pool: readonly Expert[], request: DrawRequest, random: RandomSource): DrawResult {
  if (!isLocalDate(request.inspectionDate)) {
    return { ...refuse('expert.invalidDate', `检查日期“${request.inspectionDate}”不是有效日期。`), recused: [] };
  }
  if (request.slots.length === 0 || request.slots.some((s) => !Number.isInteger(s.count) || s.count < 1)) {
    return { ...refuse('expert.invalidRequest', '抽取人数应为不小于1的整数。'), recused: [] };
  }
  const ids = new Set<string>();
  for (const e of pool) {
    if (ids.has(e.id)) return { ...refuse('expert.duplicate', `专家库中专家标识重复：${e.id}。`), recused: [] };
    ids.add(e.id);
  }
  const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const recused: Recusal[] = [];
  const recusedIds = new Set<string>();
  for (const e of sorted) {
    const reasons = recusalReasons(e, request);
    if (reasons.length > 0) {
      recused.push({ expertId: e.id, reasonsZh: reasons });
      recusedIds.add(e.id);
    }
  }
  const taken = new Set<string>();
  const drawn: DrawnExpert[] = [];
  const eligibleCounts: number[] = [];
  for (const slot of request.slots) {
    const levels = slot.levels ?? [];
    const matching = sorted.filter(
      (e) => e.specialties.includes(slot.specialty) && (levels.length === 0 || levels.includes(e.level)) && availableOn(e, request.inspectionDate),
    );
    const eligible = matching.filter((e) => !recusedIds.has(e.id) && !taken.has(e.id));
    eligibleCounts.push(eligible.length);
    if (eligible.length < slot.count) {
      const levelText = levels.length === 0 ? '' : `（${levels.map((l) => EXPERT_LEVEL_ZH[l]).join('、')}）`;
      const recusedHere = matching.filter((e) => recusedIds.has(e.id)).length;
      const takenHere = matching.filter((e) => taken.has(e.id)).length;
      const notes = [recusedHere > 0 ? `另有${recusedHere}名因回避排除` : '', takenHere > 0 ? `${takenHere}名已在本次其他专业中抽中` : '']
        .filter((x) => x.length > 0)
        .join('，');
      return {
        ...refuse(
          'expert.notEnough',
          `“${slot.specialty}”专业${levelText}在${request.inspectionDate}可抽取的专家仅${eligible.length}名${notes ? `（${notes}）` : ''}，不足所需${slot.count}名，请扩大专业或级别范围，或改期抽取。`,
        ),
        recused,
      };
    }
    // Partial Fisher–Yates: pick `count` distinct experts uniformly.
    const bag = [...eligible];
    for (let i = 0; i < slot.count; i += 1) {
      const j = i + randomIndex(random, bag.length - i);
      const tmp = bag[i]!;
      bag[i] = bag[j]!;
      bag[j] = tmp;
      drawn.push({ expertId: bag[i]!.id, specialty: slot.specialty });
      taken.add(bag[i]!.id);
    }
  }
  return { ok: true, drawn, recused, eligibleCounts };
}
