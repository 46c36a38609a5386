import type { Action, Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { tipDeadlines, tipReplyStatus } from '../../../domain/ledgers/tip/tip-deadlines';
import type { TipTimeline } from '../../../domain/ledgers/tip/tip-deadlines';
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
    version: row.version,
  };
}
