import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { canList } from '../../../domain/access/can';
import type { EnterpriseInput, FieldError } from '../../../domain/ledgers/enterprise/enterprise-file';
import { validateEnterprise } from '../../../domain/ledgers/enterprise/enterprise-file';
import type { EnterpriseCreate } from '../../../shared/schemas/enterprise';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { resolveEnterpriseUnits, sectorCode } from './enterprise-context';
import { toEnterpriseView } from './presenter';
import { findEnterprise, insertEnterprise, registeredCreditCodes } from './repository';

export function fieldErrors(errors: readonly FieldError[]): AppError {
  return new AppError('validation_failed', errors.map((e) => `字段“${e.field}”：${e.messageZh}`).join('；'));
}

export function domainInput(input: Omit<EnterpriseCreate, 'licences' | 'safetyStaff' | 'majorHazardSources' | 'emergencyPlans'> & { licences: EnterpriseCreate['licences'] }): EnterpriseInput {
  return {
    name: input.name,
    creditCode: input.creditCode,
    address: input.address,
    legalRepresentative: input.legalRepresentative,
    sector: sectorCode(input.sector),
    size: input.size,
    territorialUnitId: input.territorialUnitId,
    regulatingUnitId: input.regulatingUnitId,
    ...(input.standardisationLevel ? { standardisationLevel: input.standardisationLevel } : {}),
    licences: input.licences,
  };
}

/** Registers an enterprise (一企一档) after the domain's checks, credit code included. */
export async function createEnterprise(db: Kysely<DB>, actor: Actor, input: EnterpriseCreate, now: Date) {
  if (!canList(actor, 'enterprise.manage')) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const org = await resolveEnterpriseUnits(trx, actor, input.territorialUnitId, input.regulatingUnitId);
    const existing = await registeredCreditCodes(trx, [input.creditCode]);
    const checked = validateEnterprise(domainInput(input), { ...org.context, existingCreditCodes: existing });
    if (!checked.ok) throw fieldErrors(checked.errors);
    const e = checked.enterprise;
    const id = randomUUID();
    const at = now.toISOString();
    await insertEnterprise(trx, {
      id, organisation_id: org.organisationId, name: e.name, credit_code: e.creditCode, address: e.address,
      legal_representative: e.legalRepresentative, sector: e.sector, size: e.size, territorial_unit_id: e.territorialUnitId,
      regulating_unit_id: e.regulatingUnitId, standardisation_level: e.standardisationLevel ?? null,
      licences_json: JSON.stringify(input.licences), safety_staff_json: JSON.stringify(input.safetyStaff),
      major_hazard_sources_json: JSON.stringify(input.majorHazardSources), emergency_plans_json: JSON.stringify(input.emergencyPlans),
      created_by: actor.accountId, created_at: at, updated_at: at,
    });
    const view = toEnterpriseView((await findEnterprise(trx, id))!, now);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'enterprise.create', entityType: 'enterprise', entityId: id,
      organisationPath: org.organisationPath, unitId: e.territorialUnitId, before: null, after: view,
    }, now);
    return view;
  });
}
