import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { findTeamOfUnit, isDirectlyAssigned } from './repository';

export type UnitTeam = NonNullable<Awaited<ReturnType<typeof findTeamOfUnit>>>;

/**
 * How an actor's team score for a unit is kept. The office writes the team score itself.
 * An assessor must belong to the unit's team in the campaign (or, when the unit has no team,
 * be assigned the unit on its account); in a team of several members each member's score is
 * kept apart until the leader confirms the team score, in a one-member team the member's
 * score is the team's.
 */
export async function teamScoring(
  db: Kysely<DB>, actor: Actor, campaignId: string, unitId: string,
): Promise<{ mode: 'team'; team: UnitTeam | undefined } | { mode: 'member'; team: UnitTeam }> {
  const team = await findTeamOfUnit(db, campaignId, unitId);
  if (actor.role !== 'assessor') return { mode: 'team', team };
  if (!team) {
    if (!(await isDirectlyAssigned(db, actor.accountId, unitId))) throw forbidden();
    return { mode: 'team', team };
  }
  if (!team.members.some((m) => m.account_id === actor.accountId)) throw forbidden();
  return team.members.length > 1 ? { mode: 'member', team } : { mode: 'team', team };
}
