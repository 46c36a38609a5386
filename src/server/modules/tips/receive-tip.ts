import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import type { TipCreate } from '../../../shared/schemas/tip';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { canOnEnterprise } from '../enterprises/presenter';
import { findEnterprise } from '../enterprises/repository';
import { dueColumns, isTipOffice, toTipView } from './presenter';
import { findOrganisationByPath, findTip, insertTip } from './repository';

/**
 * 受理举报: the committee office records a tip from the phone line, the web form or a letter.
 * An anonymous tip stores no reporter identity and, with no way to reach the reporter, needs no
 * reply (docs/ledgers.md §6).
 */
export async function receiveTip(db: Kysely<DB>, actor: Actor, input: TipCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const organisation = await findOrganisationByPath(trx, actor.organisationPath);
    if (!organisation || !isTipOffice(actor, organisation.path)) throw forbidden();
    const receivedAt = input.receivedAt === undefined ? now : new Date(input.receivedAt);
    if (receivedAt.getTime() > now.getTime()) throw new AppError('validation_failed', '请求体字段“receivedAt”：受理时间不能晚于当前时间。');
    if (input.enterpriseId !== undefined) {
      const enterprise = await findEnterprise(trx, input.enterpriseId);
      if (!enterprise || !canOnEnterprise(actor, 'enterprise.read', enterprise)) {
        throw new AppError('validation_failed', '请求体字段“enterpriseId”：生产经营单位不存在或无权查看。');
      }
    }
    const id = randomUUID();
    const at = now.toISOString();
    const row = {
      id, organisation_id: organisation.id, channel: input.channel, anonymous: input.anonymous ? 1 : 0,
      reporter_name: input.anonymous ? null : input.reporterName ?? null,
      reporter_contact: input.anonymous ? null : input.reporterContact ?? null,
      reporter_reachable: input.anonymous ? 0 : 1,
      received_at: receivedAt.toISOString(), received_on: chinaDateOf(receivedAt), subject: input.subject,
      enterprise_id: input.enterpriseId ?? null, place: input.place ?? null, description: input.description,
      ...dueColumns({ receivedOn: chinaDateOf(receivedAt) }),
      created_by: actor.accountId, created_at: at, updated_at: at,
    };
    await insertTip(trx, row);
    // The audit record keeps no reporter identity: the audit log is read more widely than tips.
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'tip.receive', entityType: 'tip', entityId: id, organisationPath: organisation.path, unitId: null,
      before: null, after: { channel: row.channel, anonymous: input.anonymous, receivedAt: row.received_at, subject: row.subject, enterpriseId: row.enterprise_id },
    }, now);
    return toTipView((await findTip(trx, id))!, actor, now);
  });
}
