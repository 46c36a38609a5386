import type { CertificateStatus, TrainingRole } from '../../../domain/ledgers/training/training-coverage';
import type { CertificateCreate, PersonCreate, PersonUpdate, PersonView, SessionCreate } from '../../../shared/schemas/training';

/**
 * The training page's forms as data → request bodies. The server checks again
 * (src/shared/schemas/training.ts, docs/ledgers.md §7); here text is trimmed and blank optional
 * fields are left out, so what is sent is what the officer typed.
 */
const trimmed = (v: string | undefined | null) => (v ?? '').trim();
const optional = <K extends string>(key: K, v: string | undefined | null) => (trimmed(v) === '' ? {} : { [key]: trimmed(v) } as Record<K, string>);

export interface PersonFormValues {
  enterpriseId?: string;
  name?: string;
  role?: TrainingRole;
  operationType?: string;
  identifier?: string;
  active?: boolean;
}

/** The operation type belongs to a 特种作业人员 only; for the other roles it is not sent. */
export function personCreateBody(v: PersonFormValues): PersonCreate {
  const role = v.role ?? 'principal';
  return {
    enterpriseId: trimmed(v.enterpriseId), name: trimmed(v.name), role,
    ...(role === 'specialOperation' ? optional('operationType', v.operationType) : {}),
    ...optional('identifier', v.identifier),
    active: v.active !== false,
  };
}

/** Only what changed is sent, with the version read; a cleared field is sent as null (the schema's 清除). */
export function personUpdateBody(before: PersonView, v: PersonFormValues): PersonUpdate {
  const body: PersonUpdate = { version: before.version };
  const role = v.role ?? before.role;
  if (trimmed(v.name) !== before.name) body.name = trimmed(v.name);
  if (role !== before.role) body.role = role;
  const operationType = role === 'specialOperation' && trimmed(v.operationType) !== '' ? trimmed(v.operationType) : null;
  if (operationType !== before.operationType) body.operationType = operationType;
  const identifier = trimmed(v.identifier) === '' ? null : trimmed(v.identifier);
  if (identifier !== before.identifier) body.identifier = identifier;
  const active = v.active !== false;
  if (active !== before.active) body.active = active;
  return body;
}

export interface CertificateFormValues {
  personId?: string;
  number?: string;
  issuedOn?: string;
  validUntil?: string;
  sessionId?: string;
}

export function certificateBody(v: CertificateFormValues): CertificateCreate {
  return {
    personId: trimmed(v.personId), number: trimmed(v.number), issuedOn: trimmed(v.issuedOn), validUntil: trimmed(v.validUntil),
    ...optional('sessionId', v.sessionId),
  };
}

export interface SessionFormValues {
  title?: string;
  heldOn?: string;
  organiser?: string;
  hours?: number | null;
  roles?: TrainingRole[];
}

/**
 * A session is held by the office for its organisation or by a town or department for itself
 * (docs/ledgers.md §9): an account with a unit records its own, the office names its organisation.
 */
export function sessionBody(v: SessionFormValues, holder: { organisationId: string; unitId: string | null }): SessionCreate {
  return {
    ...(holder.unitId ? { unitId: holder.unitId } : { organisationId: holder.organisationId }),
    title: trimmed(v.title), heldOn: trimmed(v.heldOn), organiser: trimmed(v.organiser), hours: v.hours ?? 0,
    roles: [...new Set(v.roles ?? [])],
  };
}

/** The colour of a certificate's status tag: valid green, expiring soon orange, expired red. */
export const certificateStatusColor: Readonly<Record<CertificateStatus, string>> = {
  valid: 'green', expiringSoon: 'orange', expired: 'red', notYetValid: 'blue', revoked: 'default',
};

/** A coverage rate in words: “85.71%”, or 无须持证人员 when nobody is required. */
export function rateText(rate: number | null): string {
  return rate === null ? '无须持证人员' : `${rate.toFixed(2)}%`;
}

/** The training forms' fields in words, for a server refusal that names one (field-errors.ts). */
export const trainingFieldLabels: Readonly<Record<string, string>> = {
  enterpriseId: '生产经营单位', name: '姓名', role: '人员类别', operationType: '特种作业类别', identifier: '识别号', active: '在岗',
  personId: '持证人', number: '证书编号', issuedOn: '发证日期', validUntil: '有效期至', sessionId: '取得证书的培训',
  organisationId: '举办培训的组织', unitId: '举办培训的单位', title: '培训名称', heldOn: '培训日期', organiser: '组织实施单位',
  hours: '学时', roles: '培训对象', version: '版本',
};
