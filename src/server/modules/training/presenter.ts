import type { Action, Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { LocalDate } from '../../../domain/ledgers/shared/dates';
import type { Certificate, TrainedPerson, TrainingRole } from '../../../domain/ledgers/training/training-coverage';
import { certificateStatus } from '../../../domain/ledgers/training/training-coverage';
import type { CertificateView, PersonView, SessionView } from '../../../shared/schemas/training';
import { certificateStatusLabels, trainingRoleLabels } from '../../../shared/schemas/training';
import type { CertificateRow, PersonRow, SessionRow } from './repository';

/** Certificates expiring within this many days are listed as expiring soon (the domain's default). */
export const EXPIRY_WARNING_DAYS = 30;

/** A person and their certificates belong to the enterprise's town and regulating department. */
export function canOnPerson(actor: Actor, action: Action, row: { organisation_path: string; territorial_unit_id: string; regulating_unit_id: string }): boolean {
  return can(actor, action, { organisationPath: row.organisation_path, unitId: row.territorial_unit_id })
    || can(actor, action, { organisationPath: row.organisation_path, unitId: row.regulating_unit_id });
}

/** A session belongs to the unit that held it, or (none) to the office of its organisation. */
export function canOnSession(actor: Actor, action: Action, row: { organisation_path: string; unit_id: string | null }): boolean {
  return can(actor, action, { organisationPath: row.organisation_path, unitId: row.unit_id });
}

export function toPersonView(row: PersonRow): PersonView {
  const role = row.role as TrainingRole;
  return {
    id: row.id, enterpriseId: row.enterprise_id, enterpriseName: row.enterprise_name,
    territorialUnitId: row.territorial_unit_id, regulatingUnitId: row.regulating_unit_id,
    name: row.name, role, roleLabel: trainingRoleLabels[role], operationType: row.operation_type, identifier: row.identifier,
    active: row.active === 1, version: row.version,
  };
}

export function toSessionView(row: SessionRow): SessionView {
  return {
    id: row.id, organisationId: row.organisation_id, unitId: row.unit_id, title: row.title, heldOn: row.held_on,
    organiser: row.organiser, hours: row.hours,
    roles: (JSON.parse(row.roles_json) as TrainingRole[]).map((role) => ({ role, label: trainingRoleLabels[role] })),
  };
}

export function toCertificateView(row: CertificateRow, today: LocalDate): CertificateView {
  const role = row.role as TrainingRole;
  const status = certificateStatus({ issuedOn: row.issued_on, expiresOn: row.valid_until }, today, EXPIRY_WARNING_DAYS);
  return {
    id: row.id, personId: row.person_id, personName: row.person_name, enterpriseId: row.enterprise_id, enterpriseName: row.enterprise_name,
    role, roleLabel: trainingRoleLabels[role], operationType: row.operation_type, number: row.number,
    issuedOn: row.issued_on, validUntil: row.valid_until, sessionId: row.session_id, status, statusLabel: certificateStatusLabels[status],
  };
}

/** The domain's records of stored people and certificates; `idOf` names a person (the trace uses readable names). */
export function trainedPerson(row: PersonRow, idOf: (row: PersonRow) => string = (r) => r.id, nameOf: (row: PersonRow) => string = (r) => r.name): TrainedPerson {
  return {
    id: idOf(row), enterpriseId: row.enterprise_id, role: row.role as TrainingRole, name: nameOf(row),
    ...(row.operation_type === null ? {} : { operationType: row.operation_type }),
  };
}

export function domainCertificate(row: CertificateRow, personId: string = row.person_id): Certificate {
  return {
    id: row.id, personId, role: row.role as TrainingRole, number: row.number, issuedOn: row.issued_on, expiresOn: row.valid_until,
    ...(row.operation_type === null ? {} : { operationType: row.operation_type }),
  };
}
