import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import type { CertificateCreate } from '../../../shared/schemas/training';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { canOnPerson, canOnSession, toCertificateView } from './presenter';
import { findCertificate, findPerson, findSession, insertCertificate } from './repository';

const invalid = (field: string, message: string) => new AppError('validation_failed', `请求体字段“${field}”：${message}`);

/**
 * Records a certificate a listed person holds (安全生产知识和管理能力考核合格证, 特种作业操作证):
 * of the person's role and operation type unless stated, valid from its issue day to its expiry
 * day inclusive (training-coverage.ts).
 */
export async function issueCertificate(db: Kysely<DB>, actor: Actor, input: CertificateCreate, now: Date) {
  if (input.validUntil < input.issuedOn) throw invalid('validUntil', `有效期至${input.validUntil}早于发证日期${input.issuedOn}。`);
  if (input.issuedOn > chinaDateOf(now)) throw invalid('issuedOn', '发证日期不能晚于今天。');
  return db.transaction().execute(async (trx) => {
    const person = await findPerson(trx, input.personId);
    if (!person || !canOnPerson(actor, 'training.read', person)) throw notFound('培训人员');
    if (!canOnPerson(actor, 'training.manage', person)) throw forbidden();
    const role = input.role ?? person.role;
    const operationType = input.operationType ?? (role === person.role ? person.operation_type : null);
    if (operationType !== null && role !== 'specialOperation') throw invalid('operationType', '只有特种作业操作证填写作业类别。');
    if (input.sessionId !== undefined) {
      const session = await findSession(trx, input.sessionId);
      if (!session || !canOnSession(actor, 'training.read', session)) throw invalid('sessionId', '该培训不存在或无权查看。');
      if (session.held_on > input.issuedOn) throw invalid('sessionId', `培训日期${session.held_on}晚于发证日期${input.issuedOn}。`);
    }
    const id = randomUUID();
    await insertCertificate(trx, {
      id, person_id: person.id, role, operation_type: operationType, number: input.number, issued_on: input.issuedOn,
      valid_until: input.validUntil, session_id: input.sessionId ?? null, created_by: actor.accountId, created_at: now.toISOString(),
    });
    const view = toCertificateView((await findCertificate(trx, id))!, chinaDateOf(now));
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'training.issueCertificate', entityType: 'certificate', entityId: id,
      organisationPath: person.organisation_path, unitId: person.territorial_unit_id, before: null, after: view,
    }, now);
    return view;
  });
}
