import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import { checkTipRewardDecision } from '../../../domain/ledgers/tip/tip-handling';
import { checkDecidedReward, computeTipReward } from '../../../domain/ledgers/tip/tip-reward';
import type { TipRewardDecision } from '../../../shared/schemas/tip';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { progressOf, rewardInputOf } from './presenter';
import { takeTipStep, tipRefusalError } from './tip-step';

/**
 * 核定奖励: the office decides the reward by the rules in force on the day the tip was received
 * (tip-reward.ts: 2012 ranges the office chooses in, 2018 amounts the rules fix). Only the first
 * valid reporter of a matter is paid; an ineligible tip is decided as "no reward", with why.
 */
export async function decideTipReward(db: Kysely<DB>, actor: Actor, id: string, input: TipRewardDecision, now: Date) {
  return db.transaction().execute((trx) => takeTipStep(trx, actor, id, input.version, { action: 'tip.reward', officeOnly: true }, now, (row) => {
    const order = checkTipRewardDecision(progressOf(row));
    if (order) throw tipRefusalError(order);
    const reward = computeTipReward(rewardInputOf(row, input.firstValidReporter));
    if (!reward.ok) throw tipRefusalError(reward);
    const decided = { first_valid_reporter: input.firstValidReporter ? 1 : 0, reward_regime: reward.regime, reward_decided_on: chinaDateOf(now), reward_decided_by: actor.accountId };
    if (!reward.eligible) {
      if (input.decidedYuan !== undefined && input.decidedYuan !== 0) {
        throw new AppError('validation_failed', `请求体字段“decidedYuan”：${reward.reasonZh}`);
      }
      return { ...decided, reward_eligible: 0, reward_yuan: 0, reward_detail: reward.reasonZh };
    }
    if (reward.amountYuan !== undefined) {
      if (input.decidedYuan !== undefined && input.decidedYuan !== reward.amountYuan) {
        throw new AppError('validation_failed', `请求体字段“decidedYuan”：按${reward.basisZh}，奖励金额由规定确定为${reward.amountYuan}元，无需另行核定。`);
      }
      return { ...decided, reward_eligible: 1, reward_yuan: reward.amountYuan, reward_detail: `${reward.detailZh}（${reward.basisZh}）` };
    }
    if (input.decidedYuan === undefined) {
      throw new AppError('validation_failed', `请求体字段“decidedYuan”：${reward.detailZh}请填写核定金额。`);
    }
    const out = checkDecidedReward(reward, input.decidedYuan);
    if (out) throw new AppError('validation_failed', `请求体字段“decidedYuan”：${out.messageZh}`);
    return {
      ...decided, reward_eligible: 1, reward_yuan: input.decidedYuan,
      reward_detail: `${reward.detailZh}核定${input.decidedYuan}元（${reward.basisZh}）。`,
    };
  }));
}
