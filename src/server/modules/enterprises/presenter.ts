import type { Action, Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { EnterpriseSize, Licence, StandardisationLevel } from '../../../domain/ledgers/enterprise/enterprise-file';
import { licenceStatus } from '../../../domain/ledgers/enterprise/enterprise-file';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import { sectorLabel } from '../../../domain/sectors';
import type { EnterpriseView } from '../../../shared/schemas/enterprise';
import type { EnterpriseRow } from './repository';

/**
 * An enterprise belongs to two units: its territorial town and its regulating department. A
 * liaison of either keeps its file; the office and leaders reach it through the organisation tree.
 */
export function canOnEnterprise(actor: Actor, action: Action, row: { organisation_path: string; territorial_unit_id: string; regulating_unit_id: string }): boolean {
  return can(actor, action, { organisationPath: row.organisation_path, unitId: row.territorial_unit_id })
    || can(actor, action, { organisationPath: row.organisation_path, unitId: row.regulating_unit_id });
}

export function toEnterpriseView(row: EnterpriseRow, now: Date): EnterpriseView {
  const today = chinaDateOf(now);
  const licences = JSON.parse(row.licences_json) as Licence[];
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    creditCode: row.credit_code,
    address: row.address,
    legalRepresentative: row.legal_representative,
    sector: row.sector,
    sectorLabel: sectorLabel(row.sector),
    size: row.size as EnterpriseSize,
    territorialUnitId: row.territorial_unit_id,
    territorialUnitName: row.territorial_unit_name,
    regulatingUnitId: row.regulating_unit_id,
    regulatingUnitName: row.regulating_unit_name,
    standardisationLevel: row.standardisation_level as StandardisationLevel | null,
    licences: licences.map((l) => ({ ...l, status: licenceStatus(l, today) })),
    safetyStaff: JSON.parse(row.safety_staff_json) as EnterpriseView['safetyStaff'],
    majorHazardSources: JSON.parse(row.major_hazard_sources_json) as EnterpriseView['majorHazardSources'],
    emergencyPlans: JSON.parse(row.emergency_plans_json) as EnterpriseView['emergencyPlans'],
    version: row.version,
    updatedAt: row.updated_at,
  };
}
