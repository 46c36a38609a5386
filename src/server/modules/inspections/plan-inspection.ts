import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { isLocalDate } from '../../../domain/ledgers/shared/dates';
import type { InspectionCreate } from '../../../shared/schemas/inspection';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { canOnEnterprise } from '../enterprises/presenter';
import { findEnterprise } from '../enterprises/repository';
import { inspectionViews } from './get-inspection';
import { findInspection, insertInspection } from './repository';

/**
 * 检查计划: the office, or the enterprise's town or department, plans an inspection of one
 * enterprise on a day. It stays a plan until its record is entered; the checklist is the
 * enterprise's sector unless another is named.
 */
export async function planInspection(db: Kysely<DB>, actor: Actor, input: InspectionCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const enterprise = await findEnterprise(trx, input.enterpriseId);
    if (!enterprise || !canOnEnterprise(actor, 'enterprise.read', enterprise)) throw notFound('生产经营单位');
    if (!canOnEnterprise(actor, 'inspection.manage', enterprise)) throw forbidden();
    if (!isLocalDate(input.plannedOn)) throw new AppError('validation_failed', `请求体字段“plannedOn”：“${input.plannedOn}”不是有效日期。`);
    const id = randomUUID();
    const at = now.toISOString();
    const row = {
      id, organisation_id: enterprise.organisation_id, enterprise_id: enterprise.id, territorial_unit_id: enterprise.territorial_unit_id,
      regulating_unit_id: enterprise.regulating_unit_id, kind: input.kind, checklist_sector: input.checklistSector ?? enterprise.sector,
      planned_on: input.plannedOn, inspected_on: null, draw_slots_json: null, drawn_experts_json: null, draw_recusals_json: null,
      draw_seed: null, drawn_at: null, drawn_by: null, recorded_by: null, recorded_at: null, created_by: actor.accountId, created_at: at, updated_at: at,
    };
    await insertInspection(trx, row);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'inspection.plan', entityType: 'inspection', entityId: id, organisationPath: enterprise.organisation_path,
      unitId: enterprise.territorial_unit_id, before: null,
      after: { enterpriseId: enterprise.id, kind: input.kind, plannedOn: input.plannedOn, checklistSector: row.checklist_sector },
    }, now);
    return (await inspectionViews(trx, [(await findInspection(trx, id))!]))[0]!;
  });
}
