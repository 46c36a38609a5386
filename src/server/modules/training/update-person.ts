import type { Kysely, Updateable } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { PersonUpdate } from '../../../shared/schemas/training';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import type { TrainingPersonTable } from '../../db/schema-training';
import { appendAudit } from '../audit/repository';
import { canOnPerson, toPersonView } from './presenter';
import { findPerson, updatePersonIfVersion } from './repository';

const stale = () => new AppError('stale_version', '该人员信息已被他人修改，请刷新后重试。');

function columnsOf(input: PersonUpdate): Updateable<TrainingPersonTable> {
  const set: Updateable<TrainingPersonTable> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.role !== undefined) set.role = input.role;
  if (input.operationType !== undefined) set.operation_type = input.operationType;
  if (input.identifier !== undefined) set.identifier = input.identifier;
  if (input.active !== undefined) set.active = input.active ? 1 : 0;
  return set;
}

/** Changes a listed person (against the version read): a new post, or leaving it (no longer counted). */
export async function updatePerson(db: Kysely<DB>, actor: Actor, id: string, input: PersonUpdate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findPerson(trx, id);
    if (!row || !canOnPerson(actor, 'training.read', row)) throw notFound('培训人员');
    if (!canOnPerson(actor, 'training.manage', row)) throw forbidden();
    if (row.version !== input.version) throw stale();
    const role = input.role ?? row.role;
    const operationType = input.operationType === undefined ? row.operation_type : input.operationType;
    if (operationType !== null && role !== 'specialOperation') {
      throw new AppError('validation_failed', '请求体字段“operationType”：只有特种作业人员填写作业类别。');
    }
    const before = toPersonView(row);
    if (!(await updatePersonIfVersion(trx, id, input.version, columnsOf(input), now.toISOString()))) throw stale();
    const after = toPersonView((await findPerson(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'training.updatePerson', entityType: 'training_person', entityId: id,
      organisationPath: row.organisation_path, unitId: row.territorial_unit_id, before, after,
    }, now);
    return after;
  });
}
