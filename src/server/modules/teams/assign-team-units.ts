import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { replaceTeamUnits, updateTeamIfVersion } from './repository';
import { checkUnits, managedCampaign, teamOf, teamView } from './team-checks';
import { staleTeam } from './update-team';

/** Sets the units a team assesses (the whole list); a unit belongs to at most one team of the campaign. */
export async function assignTeamUnits(
  db: Kysely<DB>, actor: Actor, id: string, teamId: string, input: { version: number; unitIds: string[] }, now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await managedCampaign(trx, actor, id);
    const team = await teamOf(trx, id, teamId);
    if (team.version !== input.version) throw staleTeam();
    const before = await teamView(trx, id, teamId);
    const unitIds = await checkUnits(trx, row, teamId, input.unitIds);
    if (!(await updateTeamIfVersion(trx, teamId, team.version, {}, now.toISOString()))) throw staleTeam();
    await replaceTeamUnits(trx, id, teamId, unitIds);
    const after = await teamView(trx, id, teamId);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'team.assignUnits', entityType: 'assessment_team', entityId: teamId,
      organisationPath: row.organisation_path, unitId: null, before: { units: before.units }, after: { units: after.units },
    }, now);
    return after;
  });
}
