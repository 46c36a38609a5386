// Training coverage (培训覆盖): the share of the people who must hold a certificate and hold a valid
// one on a given day, per enterprise and per town.
//
// Who needs one: 主要负责人 and 安全生产管理人员 (安全生产法（2014）第二十四条 / （2021）第二十七条 —
// in 矿山、金属冶炼、建筑施工、运输 and 危险物品 units they must pass the supervising department's
// assessment), and 特种作业人员 (2014 第二十七条 / 2021 第三十条 — 特种作业操作资格证书 before
// working). The caller lists the people whom the local scheme counts; each is covered by a
// certificate of their role (and, for special operations, of their operation type) that is issued
// on or before the day, expires on or after it, and is not revoked.

import type { LocalDate } from '../shared/dates.ts';
import { addDays, isLocalDate } from '../shared/dates.ts';
import { rateHundredths } from '../shared/rate.ts';

export type TrainingRole = 'principal' | 'safetyManager' | 'specialOperation';

export const TRAINING_ROLES: readonly TrainingRole[] = ['principal', 'safetyManager', 'specialOperation'];

export const TRAINING_ROLE_ZH: Readonly<Record<TrainingRole, string>> = {
  principal: '主要负责人',
  safetyManager: '安全生产管理人员',
  specialOperation: '特种作业人员',
};

export interface TrainedPerson {
  readonly id: string;
  readonly enterpriseId: string;
  readonly role: TrainingRole;
  readonly name: string;
  /** 特种作业类别 (电工作业、焊接与热切割作业 …) for special-operation workers. */
  readonly operationType?: string;
}

export interface Certificate {
  readonly id: string;
  readonly personId: string;
  readonly role: TrainingRole;
  readonly operationType?: string;
  readonly number: string;
  readonly issuedOn: LocalDate;
  readonly expiresOn: LocalDate;
  readonly revoked?: boolean;
}

export interface TrainingEnterprise {
  readonly id: string;
  readonly territorialUnitId: string;
  readonly regulatingUnitId: string;
}

export interface UncoveredPerson {
  readonly personId: string;
  readonly role: TrainingRole;
  readonly reasonZh: string;
}

export interface ExpiringCertificate {
  readonly personId: string;
  readonly certificateId: string;
  readonly expiresOn: LocalDate;
}

export interface Coverage {
  readonly required: number;
  readonly covered: number;
  /** Integer hundredths of a percent; null when nobody is required (no denominator). */
  readonly rateHundredths: number | null;
  readonly byRole: Readonly<Record<TrainingRole, { readonly required: number; readonly covered: number }>>;
  readonly uncovered: readonly UncoveredPerson[];
  readonly expiringSoon: readonly ExpiringCertificate[];
  /** The people counted (denominator), for tracing. */
  readonly personIds: readonly string[];
  /** The certificates that cover someone (numerator), for tracing. */
  readonly coveringCertificateIds: readonly string[];
}

export interface CoverageOptions {
  /** List certificates that expire within this many days after `asOf` (default 30). */
  readonly expiringWithinDays?: number;
}

function matches(person: TrainedPerson, cert: Certificate): boolean {
  if (cert.role !== person.role) return false;
  if (person.role === 'specialOperation' && person.operationType !== undefined) return cert.operationType === person.operationType;
  return true;
}

interface PersonCoverage {
  readonly covering?: Certificate;
  readonly reasonZh?: string;
}

function coverPerson(person: TrainedPerson, certs: readonly Certificate[], asOf: LocalDate): PersonCoverage {
  const own = certs.filter((c) => matches(person, c));
  const valid = own.filter((c) => !c.revoked && c.issuedOn <= asOf && asOf <= c.expiresOn);
  if (valid.length > 0) {
    // The certificate lasting longest is the one that matters for expiry warnings.
    const best = valid.reduce((a, b) => (b.expiresOn > a.expiresOn || (b.expiresOn === a.expiresOn && b.id < a.id) ? b : a));
    return { covering: best };
  }
  if (own.length === 0) {
    const kind = person.role === 'specialOperation' && person.operationType ? `${person.operationType}特种作业操作证` : `${TRAINING_ROLE_ZH[person.role]}证书`;
    return { reasonZh: `${person.name}无${kind}` };
  }
  const expired = own.filter((c) => !c.revoked && c.expiresOn < asOf).sort((a, b) => (a.expiresOn < b.expiresOn ? 1 : -1))[0];
  if (expired) return { reasonZh: `${person.name}的证书${expired.number}已于${expired.expiresOn}过期` };
  if (own.every((c) => c.revoked)) return { reasonZh: `${person.name}的证书已被撤销` };
  return { reasonZh: `${person.name}的证书尚未生效` };
}

function emptyByRole(): Record<TrainingRole, { required: number; covered: number }> {
  return { principal: { required: 0, covered: 0 }, safetyManager: { required: 0, covered: 0 }, specialOperation: { required: 0, covered: 0 } };
}

function coverageOf(persons: readonly TrainedPerson[], certsByPerson: ReadonlyMap<string, Certificate[]>, asOf: LocalDate, warnUntil: LocalDate): Coverage {
  const byRole = emptyByRole();
  const uncovered: UncoveredPerson[] = [];
  const expiringSoon: ExpiringCertificate[] = [];
  const covering: string[] = [];
  let covered = 0;
  for (const p of [...persons].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    byRole[p.role].required += 1;
    const c = coverPerson(p, certsByPerson.get(p.id) ?? [], asOf);
    if (c.covering) {
      covered += 1;
      byRole[p.role].covered += 1;
      covering.push(c.covering.id);
      if (c.covering.expiresOn <= warnUntil) expiringSoon.push({ personId: p.id, certificateId: c.covering.id, expiresOn: c.covering.expiresOn });
    } else {
      uncovered.push({ personId: p.id, role: p.role, reasonZh: c.reasonZh! });
    }
  }
  const required = persons.length;
  return {
    required,
    covered,
    rateHundredths: required === 0 ? null : rateHundredths(covered, required),
    byRole,
    uncovered,
    expiringSoon,
    personIds: persons.map((p) => p.id).sort(),
    coveringCertificateIds: covering,
  };
}

function prepare(persons: readonly TrainedPerson[], certificates: readonly Certificate[], asOf: LocalDate, options: CoverageOptions) {
  if (!isLocalDate(asOf)) throw new RangeError(`统计日期无效：${asOf}`);
  const days = options.expiringWithinDays ?? 30;
  if (!Number.isInteger(days) || days < 0) throw new RangeError('到期提醒天数应为不小于0的整数。');
  const certsByPerson = new Map<string, Certificate[]>();
  for (const c of certificates) {
    const list = certsByPerson.get(c.personId);
    if (list) list.push(c);
    else certsByPerson.set(c.personId, [c]);
  }
  const personsByEnterprise = new Map<string, TrainedPerson[]>();
  for (const p of persons) {
    if (!TRAINING_ROLES.includes(p.role)) throw new RangeError(`未知的人员类别：${String(p.role)}`);
    const list = personsByEnterprise.get(p.enterpriseId);
    if (list) list.push(p);
    else personsByEnterprise.set(p.enterpriseId, [p]);
  }
  return { certsByPerson, personsByEnterprise, warnUntil: addDays(asOf, days) };
}

/** Coverage of each enterprise on `asOf`. */
export function trainingCoverageByEnterprise(
  enterprises: readonly TrainingEnterprise[],
  persons: readonly TrainedPerson[],
  certificates: readonly Certificate[],
  asOf: LocalDate,
  options: CoverageOptions = {},
): ReadonlyMap<string, Coverage> {
  const { certsByPerson, personsByEnterprise, warnUntil } = prepare(persons, certificates, asOf, options);
  const out = new Map<string, Coverage>();
  for (const e of enterprises) out.set(e.id, coverageOf(personsByEnterprise.get(e.id) ?? [], certsByPerson, asOf, warnUntil));
  return out;
}

/**
 * Coverage per unit on `asOf`: per town (by the enterprise's territorialUnitId) or per department
 * (by its regulatingUnitId). People of enterprises not in `enterprises` are ignored.
 */
export function trainingCoverageByUnit(
  enterprises: readonly TrainingEnterprise[],
  persons: readonly TrainedPerson[],
  certificates: readonly Certificate[],
  asOf: LocalDate,
  by: 'territorial' | 'sectoral',
  options: CoverageOptions = {},
): ReadonlyMap<string, Coverage> {
  const { certsByPerson, personsByEnterprise, warnUntil } = prepare(persons, certificates, asOf, options);
  const personsByUnit = new Map<string, TrainedPerson[]>();
  for (const e of enterprises) {
    const unitId = by === 'territorial' ? e.territorialUnitId : e.regulatingUnitId;
    const list = personsByUnit.get(unitId) ?? [];
    list.push(...(personsByEnterprise.get(e.id) ?? []));
    personsByUnit.set(unitId, list);
  }
  const out = new Map<string, Coverage>();
  for (const [unitId, list] of personsByUnit) out.set(unitId, coverageOf(list, certsByPerson, asOf, warnUntil));
  return out;
}

export type CertificateStatus = 'valid' | 'expiringSoon' | 'expired' | 'notYetValid' | 'revoked';

export const CERTIFICATE_STATUS_ZH: Readonly<Record<CertificateStatus, string>> = {
  valid: '有效',
  expiringSoon: '即将到期',
  expired: '已过期',
  notYetValid: '尚未生效',
  revoked: '已撤销',
};

/**
 * A certificate's standing on `asOf`, by the same rule as coverage: valid from its issue day to
 * its expiry day inclusive; expiring soon when it is valid and expires within `withinDays`.
 */
export function certificateStatus(cert: Pick<Certificate, 'issuedOn' | 'expiresOn' | 'revoked'>, asOf: LocalDate, withinDays = 30): CertificateStatus {
  if (cert.revoked) return 'revoked';
  if (asOf < cert.issuedOn) return 'notYetValid';
  if (cert.expiresOn < asOf) return 'expired';
  return cert.expiresOn <= addDays(asOf, withinDays) ? 'expiringSoon' : 'valid';
}
