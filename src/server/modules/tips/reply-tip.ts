import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { checkTipReply } from '../../../domain/ledgers/tip/tip-handling';
import type { TipReply } from '../../../shared/schemas/tip';
import type { DB } from '../../db/schema';
import { progressOf } from './presenter';
import { dayOf, takeTipStep, tipRefusalError } from './tip-step';

/** 答复: the unit (or the office) tells the reporter the result of the verification. */
export async function replyToTip(db: Kysely<DB>, actor: Actor, id: string, input: TipReply, now: Date) {
  return db.transaction().execute((trx) => takeTipStep(trx, actor, id, input.version, { action: 'tip.reply', officeOnly: false }, now, (row) => {
    const on = dayOf('repliedOn', input.repliedOn, now);
    const refusal = checkTipReply(progressOf(row), on);
    if (refusal) throw tipRefusalError(refusal);
    return { replied_on: on, reply: input.text, replied_by: actor.accountId };
  }));
}
