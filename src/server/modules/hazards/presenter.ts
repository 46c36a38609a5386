import type { Action, Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { HazardAction, HazardActorRole, HazardCard } from '../../../domain/ledgers/hazard/hazard-card';
import { HAZARD_ACTION_ZH, HAZARD_ROLE_ZH, HAZARD_STATE_ZH } from '../../../domain/ledgers/hazard/hazard-card';
import { hazardDeadlineStatus, hazardEscalation } from '../../../domain/ledgers/hazard/hazard-deadlines';
import { sectorLabel } from '../../../domain/sectors';
import type { HazardView } from '../../../shared/schemas/hazard';
import { hazardEscalationConfig } from './escalation-config';
import type { HazardRow, listHazardEvents } from './repository';

/** A card belongs to its territorial town and its regulating department, like its enterprise. */
export function canOnHazard(actor: Actor, action: Action, row: { organisation_path: string; territorial_unit_id: string; regulating_unit_id: string }): boolean {
  return can(actor, action, { organisationPath: row.organisation_path, unitId: row.territorial_unit_id })
    || can(actor, action, { organisationPath: row.organisation_path, unitId: row.regulating_unit_id });
}

export function cardOf(row: { card_json: string }): HazardCard {
  return JSON.parse(row.card_json) as HazardCard;
}

/** The ledger row: the card's columns with its deadline status and escalation at `now`. */
export function toHazardView(row: HazardRow, now: Date): HazardView {
  const card = cardOf(row);
  const escalation = hazardEscalation(card, now, hazardEscalationConfig);
  return {
    id: row.id,
    number: row.number,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    territorialUnitId: row.territorial_unit_id,
    territorialUnitName: row.territorial_unit_name,
    regulatingUnitId: row.regulating_unit_id,
    regulatingUnitName: row.regulating_unit_name,
    sector: row.sector,
    sectorLabel: sectorLabel(row.sector),
    foundOn: row.found_on,
    foundWay: card.foundWay,
    description: row.description,
    state: card.state,
    stateLabel: HAZARD_STATE_ZH[card.state],
    grade: card.grade ?? null,
    rectificationDeadline: row.rectification_deadline,
    acceptanceDueOn: row.acceptance_due_on,
    lateAcceptance: row.late_acceptance === 1,
    closedOn: row.closed_on,
    returnCount: row.return_count,
    deadlineStatus: hazardDeadlineStatus(card, now),
    escalation: {
      level: escalation.level,
      ...(escalation.sinceOn === undefined ? {} : { sinceOn: escalation.sinceOn }),
      ...(escalation.byZh === undefined ? {} : { by: escalation.byZh }),
      reason: escalation.reasonZh,
    },
    version: row.version,
  };
}

type EventRows = Awaited<ReturnType<typeof listHazardEvents>>;

export function toHazardEventViews(events: EventRows) {
  return events.map((e) => ({
    seq: e.seq,
    action: e.action,
    actionLabel: HAZARD_ACTION_ZH[e.action as HazardAction] ?? e.action,
    from: e.from_state,
    to: e.to_state,
    at: e.at,
    accountId: e.account_id,
    actorRole: e.actor_role,
    actorRoleLabel: HAZARD_ROLE_ZH[e.actor_role as HazardActorRole] ?? e.actor_role,
    reason: e.reason,
    flags: JSON.parse(e.flags_json) as string[],
    summary: e.summary,
  }));
}
