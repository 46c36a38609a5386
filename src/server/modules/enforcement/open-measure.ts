import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { openEnforcementMeasure } from '../../../domain/ledgers/enforcement/record-step';
import type { EnforcementCreate } from '../../../shared/schemas/enforcement';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { canOnEnterprise } from '../enterprises/presenter';
import { findEnterprise } from '../enterprises/repository';
import { findHazard } from '../hazards/repository';
import { enforcementRefusalError } from './enforcement-error';
import { canOnMeasure, measureColumns, toEnforcementView } from './presenter';
import { findMeasure, insertMeasure } from './repository';

/**
 * Opens an enforcement measure against an enterprise (立案 of the measure): its type, the legal
 * basis (the statutory one from the procedure, plus what the officer supplies; 停水 and 拆除
 * need theirs), whether it is taken on the spot in an emergency, and the hazard card it answers.
 * The measure belongs to the enterprise's town and regulating department, who record its steps.
 */
export async function openMeasure(db: Kysely<DB>, actor: Actor, input: EnforcementCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const enterprise = await findEnterprise(trx, input.enterpriseId);
    if (!enterprise || !canOnEnterprise(actor, 'enterprise.read', enterprise)) throw notFound('生产经营单位');
    if (!canOnMeasure(actor, 'enforcement.manage', enterprise)) throw forbidden();
    if (input.hazardId !== undefined) {
      const hazard = await findHazard(trx, input.hazardId);
      if (!hazard || hazard.enterprise_id !== enterprise.id) {
        throw new AppError('validation_failed', '请求体字段“hazardId”：该隐患卡不存在或不属于这家生产经营单位。');
      }
    }
    const id = randomUUID();
    const opened = openEnforcementMeasure({
      id, type: input.type, enterpriseId: enterprise.id, emergency: input.emergency,
      ...(input.emergencyReason === undefined ? {} : { emergencyReasonZh: input.emergencyReason }),
      legalBasis: input.legalBasis, ...(input.hazardId === undefined ? {} : { hazardCardId: input.hazardId }),
    });
    if (!opened.ok) throw enforcementRefusalError(opened);
    const at = now.toISOString();
    await insertMeasure(trx, {
      id, organisation_id: enterprise.organisation_id, enterprise_id: enterprise.id,
      territorial_unit_id: enterprise.territorial_unit_id, regulating_unit_id: enterprise.regulating_unit_id,
      type: input.type, emergency: opened.measure.emergency ? 1 : 0, hazard_id: input.hazardId ?? null,
      ...measureColumns(opened.measure, now), created_by: actor.accountId, created_at: at, updated_at: at,
    });
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'enforcement.open', entityType: 'enforcement_measure', entityId: id,
      organisationPath: enterprise.organisation_path, unitId: enterprise.territorial_unit_id, before: null, after: opened.measure,
    }, now);
    return toEnforcementView((await findMeasure(trx, id))!, now);
  });
}
