import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import { checkTipExtension } from '../../../domain/ledgers/tip/tip-handling';
import type { TipExtension } from '../../../shared/schemas/tip';
import type { DB } from '../../db/schema';
import { dueColumns, progressOf, timelineOf } from './presenter';
import { takeTipStep, tipRefusalError } from './tip-step';

/**
 * 延期: the office extends a complex case's handling period once, by 30 days, with the reason the
 * reporter is told (安监总财〔2012〕63号第十一条第六项). The due days move with it.
 */
export async function extendTip(db: Kysely<DB>, actor: Actor, id: string, input: TipExtension, now: Date) {
  return db.transaction().execute((trx) => takeTipStep(trx, actor, id, input.version, { action: 'tip.extend', officeOnly: true }, now, (row) => {
    const today = chinaDateOf(now);
    const refusal = checkTipExtension(progressOf(row), today);
    if (refusal) throw tipRefusalError(refusal);
    return {
      extension_approved: 1, extension_approved_on: today, extension_reason: input.reason,
      ...dueColumns({ ...timelineOf(row), extensionApproved: true }),
    };
  }));
}
