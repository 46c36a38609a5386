import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { PersonCreate } from '../../../shared/schemas/training';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findEnterprise } from '../enterprises/repository';
import { canOnPerson, toPersonView } from './presenter';
import { findPerson, insertPerson } from './repository';

/**
 * Lists a person who must hold a certificate (主要负责人、安全生产管理人员、特种作业人员) at an
 * enterprise; the enterprise's town and department keep the register.
 */
export async function createPerson(db: Kysely<DB>, actor: Actor, input: PersonCreate, now: Date) {
  if (input.operationType !== undefined && input.role !== 'specialOperation') {
    throw new AppError('validation_failed', '请求体字段“operationType”：只有特种作业人员填写作业类别。');
  }
  return db.transaction().execute(async (trx) => {
    const enterprise = await findEnterprise(trx, input.enterpriseId);
    if (!enterprise || !canOnPerson(actor, 'training.read', enterprise)) throw notFound('生产经营单位');
    if (!canOnPerson(actor, 'training.manage', enterprise)) throw forbidden();
    const id = randomUUID();
    const at = now.toISOString();
    await insertPerson(trx, {
      id, enterprise_id: enterprise.id, name: input.name, role: input.role, operation_type: input.operationType ?? null,
      identifier: input.identifier ?? null, active: input.active ? 1 : 0, created_by: actor.accountId, created_at: at, updated_at: at,
    });
    const view = toPersonView((await findPerson(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'training.addPerson', entityType: 'training_person', entityId: id,
      organisationPath: enterprise.organisation_path, unitId: enterprise.territorial_unit_id, before: null, after: view,
    }, now);
    return view;
  });
}
