import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { SessionCreate } from '../../../shared/schemas/training';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findLedgerUnit } from '../enterprises/repository';
import { findOrganisation } from '../organisations/repository';
import { canOnSession, toSessionView } from './presenter';
import { findSession, insertSession } from './repository';

/** Where a session belongs: the unit that held it (a liaison's own by default) or an organisation's office. */
async function holderOf(db: Kysely<DB>, actor: Actor, input: SessionCreate) {
  const unitId = input.unitId ?? (input.organisationId === undefined ? actor.unitId ?? undefined : undefined);
  if (unitId !== undefined) {
    const unit = await findLedgerUnit(db, unitId);
    if (!unit) throw new AppError('validation_failed', `请求体字段“unitId”：单位“${unitId}”不存在。`);
    return { organisation_id: unit.organisation_id, organisation_path: unit.organisation_path, unit_id: unit.id };
  }
  if (input.organisationId === undefined) throw new AppError('validation_failed', '请求体字段“organisationId”：请填写举办培训的组织或单位。');
  const org = await findOrganisation(db, input.organisationId);
  if (!org) throw new AppError('validation_failed', `请求体字段“organisationId”：组织“${input.organisationId}”不存在。`);
  return { organisation_id: org.id, organisation_path: org.path, unit_id: null };
}

/** Records a training session held for principals, safety managers or special-operation workers. */
export async function recordSession(db: Kysely<DB>, actor: Actor, input: SessionCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const holder = await holderOf(trx, actor, input);
    if (!canOnSession(actor, 'training.manage', holder)) throw forbidden();
    const id = randomUUID();
    await insertSession(trx, {
      id, organisation_id: holder.organisation_id, unit_id: holder.unit_id, title: input.title, held_on: input.heldOn,
      organiser: input.organiser, hours: input.hours, roles_json: JSON.stringify([...new Set(input.roles)]),
      created_by: actor.accountId, created_at: now.toISOString(),
    });
    const view = toSessionView((await findSession(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'training.recordSession', entityType: 'training_session', entityId: id,
      organisationPath: holder.organisation_path, unitId: holder.unit_id, before: null, after: view,
    }, now);
    return view;
  });
}
