import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { deleteTeam as removeTeam } from './repository';
import { managedCampaign, teamOf, teamView } from './team-checks';
import { staleTeam } from './update-team';

/**
 * Dissolves a team (by the office): its members and units are released. Scores already
 * confirmed as the team's stay with the units; members' own scores are kept.
 */
export async function deleteTeam(db: Kysely<DB>, actor: Actor, id: string, teamId: string, version: number, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await managedCampaign(trx, actor, id);
    const team = await teamOf(trx, id, teamId);
    if (team.version !== version) throw staleTeam();
    const before = await teamView(trx, id, teamId);
    if (!(await removeTeam(trx, teamId, version))) throw staleTeam();
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'team.delete', entityType: 'assessment_team', entityId: teamId,
      organisationPath: row.organisation_path, unitId: null, before, after: null,
    }, now);
    return { id: teamId, deleted: true as const };
  });
}
