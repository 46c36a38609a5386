import type { Action, Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { tipDeadlines, tipReplyStatus } from '../../../domain/ledgers/tip/tip-deadlines';
import type { TipTimeline } from '../../../domain/ledgers/tip/tip-deadlines';
import type { TipProgress } from '../../../domain/ledgers/tip/tip-handling';
import { TIP_STAGE_ZH, tipStage } from '../../../domain/ledgers/tip/tip-handling';
import { computeTipReward } from '../../../domain/ledgers/tip/tip-reward';
import type { AccidentGrade } from '../../../domain/accidents/grade';
import { tipChannelLabels } from '../../../shared/schemas/tip';
import type { TipView } from '../../../shared/schemas/tip';
import type { TipRow } from './repository';

/** A tip belongs to the office of its organisation and to the unit it is assigned to. */
export function canOnTip(actor: Actor, action: Action, row: { organisation_path: string; assigned_unit_id: string | null }): boolean {
  return can(actor, action, { organisationPath: row.organisation_path, unitId: row.assigned_unit_id });
}

/** The office: may manage the organisation's tips as a whole (not only one unit's). */
export function isTipOffice(actor: Actor, organisationPath: string): boolean {
  return can(actor, 'tip.manage', { organisationPath, unitId: null });
}

export function timelineOf(row: TipRow): TipTimeline {
  return {
    receivedOn: row.received_on,
    extensionApproved: row.extension_approved === 1,
    ...(row.verified_on === null ? {} : { verifiedOn: row.verified_on }),
    ...(row.replied_on === null ? {} : { repliedOn: row.replied_on }),
    reporterReachable: row.reporter_reachable === 1,
  };
}

export function progressOf(row: TipRow): TipProgress {
  return {
    receivedOn: row.received_on,
    assignedUnitId: row.assigned_unit_id,
    extensionApproved: row.extension_approved === 1,
    verifiedOn: row.verified_on,
    verified: row.verified === null ? null : row.verified === 1,
    repliedOn: row.replied_on,
    reporterReachable: row.reporter_reachable === 1,
    rewardDecided: row.reward_decided_on !== null,
  };
}

/** The due days stored beside the tip (for the overdue filter), from the domain's tipDeadlines. */
export function dueColumns(timeline: TipTimeline): { handling_due_on: string; reply_due_on: string } {
  const d = tipDeadlines(timeline);
  return { handling_due_on: d.handlingDueOn, reply_due_on: d.replyDueOn };
}

/** The decided reward as stored, or — once verified and not yet decided — what the rules give. */
function rewardOf(row: TipRow): TipView['reward'] {
  if (row.verified_on === null) return null;
  if (row.reward_decided_on !== null) {
    return {
      decided: true, eligible: row.reward_eligible === 1, amountYuan: row.reward_yuan, minYuan: row.reward_yuan, maxYuan: row.reward_yuan,
      detail: row.reward_detail ?? '', basis: null, decidedOn: row.reward_decided_on,
    };
  }
  const r = computeTipReward(rewardInputOf(row, row.first_valid_reporter === 1));
  if (!r.ok) return { decided: false, eligible: false, amountYuan: null, minYuan: null, maxYuan: null, detail: r.messageZh, basis: null, decidedOn: null };
  if (!r.eligible) return { decided: false, eligible: false, amountYuan: null, minYuan: null, maxYuan: null, detail: r.reasonZh, basis: null, decidedOn: null };
  return { decided: false, eligible: true, amountYuan: r.amountYuan ?? null, minYuan: r.minYuan, maxYuan: r.maxYuan, detail: r.detailZh, basis: r.basisZh, decidedOn: null };
}

export function rewardInputOf(row: TipRow, firstValidReporter: boolean) {
  return {
    tipDate: row.received_on,
    subject: row.subject as TipView['subject'],
    verified: row.verified === 1,
    firstValidReporter,
    ...(row.fine_yuan === null ? {} : { fineYuan: row.fine_yuan }),
    ...(row.accident_grade === null ? {} : { accidentGrade: row.accident_grade as AccidentGrade }),
    ...(row.concealed_deaths === null ? {} : { concealedDeaths: row.concealed_deaths }),
  };
}

export function toTipView(row: TipRow, actor: Actor, now: Date): TipView {
  const timeline = timelineOf(row);
  const deadlines = tipDeadlines(timeline);
  const channel = row.channel as TipView['channel'];
  return {
    id: row.id,
    channel,
    channelLabel: tipChannelLabels[channel],
    anonymous: row.anonymous === 1,
    reporter: isTipOffice(actor, row.organisation_path) && row.anonymous === 0
      ? { name: row.reporter_name, contact: row.reporter_contact } : null,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    subject: row.subject as TipView['subject'],
    enterpriseId: row.enterprise_id,
    place: row.place,
    description: row.description,
    assignedUnitId: row.assigned_unit_id,
    handlingDueOn: deadlines.handlingDueOn,
    replyDueOn: deadlines.replyDueOn,
    replyStatus: tipReplyStatus(timeline, now),
    stage: tipStage(progressOf(row)),
    stageLabel: TIP_STAGE_ZH[tipStage(progressOf(row))],
    extension: row.extension_approved_on === null ? null : { approvedOn: row.extension_approved_on, reason: row.extension_reason ?? '' },
    verification: row.verified_on === null ? null : {
      verified: row.verified === 1, verifiedOn: row.verified_on, findings: row.findings ?? '', fineYuan: row.fine_yuan,
      accidentGrade: row.accident_grade as AccidentGrade | null, concealedDeaths: row.concealed_deaths,
    },
    reply: row.replied_on === null ? null : { repliedOn: row.replied_on, text: row.reply ?? '' },
    hazardId: row.hazard_id,
    reward: rewardOf(row),
    version: row.version,
  };
}
