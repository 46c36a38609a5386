import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { Licence } from '../../../domain/ledgers/enterprise/enterprise-file';
import { validateEnterprise } from '../../../domain/ledgers/enterprise/enterprise-file';
import type { EnterprisePatch } from '../../../shared/schemas/enterprise';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { domainInput, fieldErrors } from './create-enterprise';
import { resolveEnterpriseUnits } from './enterprise-context';
import { canOnEnterprise, toEnterpriseView } from './presenter';
import { findEnterprise, registeredCreditCodes, updateEnterpriseIfVersion } from './repository';

const stale = () => new AppError('stale_version', '该单位档案已被他人修改，请刷新后重试。');

/** Changes an enterprise's file; the whole record is checked again by the domain. */
export async function updateEnterprise(db: Kysely<DB>, actor: Actor, id: string, patch: EnterprisePatch, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findEnterprise(trx, id);
    if (!row || !canOnEnterprise(actor, 'enterprise.read', row)) throw notFound('生产经营单位');
    if (!canOnEnterprise(actor, 'enterprise.manage', row)) throw forbidden();
    if (row.version !== patch.version) throw stale();
    const before = toEnterpriseView(row, now);
    const merged = {
      name: patch.name ?? row.name,
      creditCode: patch.creditCode ?? row.credit_code,
      address: patch.address ?? row.address,
      legalRepresentative: patch.legalRepresentative ?? row.legal_representative,
      sector: patch.sector ?? row.sector,
      size: patch.size ?? before.size,
      territorialUnitId: patch.territorialUnitId ?? row.territorial_unit_id,
      regulatingUnitId: patch.regulatingUnitId ?? row.regulating_unit_id,
      standardisationLevel: patch.standardisationLevel === undefined ? before.standardisationLevel : patch.standardisationLevel,
      licences: patch.licences ?? (JSON.parse(row.licences_json) as Licence[]),
    };
    // Moving the enterprise to another town or department needs the right over the new units too.
    const org = await resolveEnterpriseUnits(trx, actor, merged.territorialUnitId, merged.regulatingUnitId);
    const existing = await registeredCreditCodes(trx, [merged.creditCode], id);
    const checked = validateEnterprise(domainInput(merged), { ...org.context, existingCreditCodes: existing });
    if (!checked.ok) throw fieldErrors(checked.errors);
    const e = checked.enterprise;
    const ok = await updateEnterpriseIfVersion(trx, id, patch.version, {
      organisation_id: org.organisationId, name: e.name, credit_code: e.creditCode, address: e.address,
      legal_representative: e.legalRepresentative, sector: e.sector, size: e.size, territorial_unit_id: e.territorialUnitId,
      regulating_unit_id: e.regulatingUnitId, standardisation_level: e.standardisationLevel ?? null,
      licences_json: JSON.stringify(merged.licences),
      ...(patch.safetyStaff ? { safety_staff_json: JSON.stringify(patch.safetyStaff) } : {}),
      ...(patch.majorHazardSources ? { major_hazard_sources_json: JSON.stringify(patch.majorHazardSources) } : {}),
      ...(patch.emergencyPlans ? { emergency_plans_json: JSON.stringify(patch.emergencyPlans) } : {}),
    }, now.toISOString());
    if (!ok) throw stale();
    const after = toEnterpriseView((await findEnterprise(trx, id))!, now);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'enterprise.update', entityType: 'enterprise', entityId: id,
      organisationPath: org.organisationPath, unitId: e.territorialUnitId, before, after,
    }, now);
    return after;
  });
}
