import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { checkTipVerification } from '../../../domain/ledgers/tip/tip-handling';
import type { TipVerification } from '../../../shared/schemas/tip';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { recordHazardIn } from '../hazards/record-hazard';
import { dueColumns, progressOf, timelineOf } from './presenter';
import { dayOf, takeTipStep, tipRefusalError } from './tip-step';

const field = (name: string, why: string) => new AppError('validation_failed', `请求体字段“${name}”：${why}`);

/**
 * 核查: the unit the tip was assigned to (or the office) records whether it is true and what was
 * found, with the facts the reward rules need. A true tip about a 重大事故隐患 becomes its hazard
 * card (一隐患一卡, found by 举报核查) in the same transaction, so neither exists without the other.
 * The reply is then due within 10 days (安监总财〔2012〕63号第十条第三项).
 */
export async function verifyTip(db: Kysely<DB>, actor: Actor, id: string, input: TipVerification, now: Date) {
  return db.transaction().execute((trx) => takeTipStep(trx, actor, id, input.version, { action: 'tip.verify', officeOnly: false }, now, async (row) => {
    const on = dayOf('verifiedOn', input.verifiedOn, now);
    const refusal = checkTipVerification(progressOf(row), on);
    if (refusal) throw tipRefusalError(refusal);
    const makesCard = input.verified && row.subject === 'majorHazard';
    if (makesCard && input.hazard === undefined) throw field('hazard', '举报重大事故隐患经核查属实的，须登记隐患部位和描述，据此建立隐患卡。');
    if (!makesCard && input.hazard !== undefined) throw field('hazard', '只有核查属实的重大事故隐患举报才建立隐患卡。');
    if (row.subject === 'concealedAccident' && input.verified && input.accidentGrade === undefined) {
      throw field('accidentGrade', '举报瞒报、谎报事故属实的，须写明最终确认的事故等级。');
    }
    let hazardId: string | null = null;
    if (makesCard && input.hazard) {
      const enterpriseId = input.hazard.enterpriseId ?? row.enterprise_id;
      if (enterpriseId === null) throw field('hazard.enterpriseId', '举报未写明生产经营单位，建立隐患卡须指明。');
      const card = await recordHazardIn(trx, actor, {
        enterpriseId, foundOn: on, foundWay: 'tip', foundBy: input.hazard.foundBy, place: input.hazard.place,
        description: input.hazard.description, photosBefore: input.hazard.photosBefore, enforcementDocumentNumbers: [],
      }, now);
      hazardId = card.id;
    }
    return {
      verified: input.verified ? 1 : 0, verified_on: on, verified_by: actor.accountId, findings: input.findings,
      fine_yuan: input.fineYuan ?? null, accident_grade: input.accidentGrade ?? null, concealed_deaths: input.concealedDeaths ?? null,
      hazard_id: hazardId,
      ...dueColumns({ ...timelineOf(row), verifiedOn: on }),
    };
  }));
}
