import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { TeamUpdate } from '../../../shared/schemas/team';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findTeamByName, listTeamMembers, replaceTeamMembers, updateTeamIfVersion } from './repository';
import { checkMembers, managedCampaign, teamOf, teamView } from './team-checks';

export const staleTeam = () => new AppError('stale_version', '该考核组已被他人修改，请刷新后重试。');

/** Renames a team or changes its leader and members (by the office), with a version check. */
export async function updateTeam(db: Kysely<DB>, actor: Actor, id: string, teamId: string, input: TeamUpdate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await managedCampaign(trx, actor, id);
    const team = await teamOf(trx, id, teamId);
    if (team.version !== input.version) throw staleTeam();
    const before = await teamView(trx, id, teamId);
    if (input.name !== undefined && input.name !== team.name) {
      const other = await findTeamByName(trx, id, input.name);
      if (other && other.id !== teamId) throw new AppError('conflict', `本考核活动已有名为“${input.name}”的考核组。`);
    }
    const currentMembers = (await listTeamMembers(trx, [teamId])).map((m) => m.account_id);
    const leaderId = input.leaderId !== undefined ? input.leaderId : team.leader_id;
    const memberIds = input.memberIds ?? currentMembers;
    const members = await checkMembers(trx, row, memberIds, leaderId);
    const changes = { ...(input.name !== undefined ? { name: input.name } : {}), leader_id: members.leaderId };
    if (!(await updateTeamIfVersion(trx, teamId, team.version, changes, now.toISOString()))) throw staleTeam();
    await replaceTeamMembers(trx, teamId, members.memberIds);
    const after = await teamView(trx, id, teamId);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'team.update', entityType: 'assessment_team', entityId: teamId,
      organisationPath: row.organisation_path, unitId: null, before, after,
    }, now);
    return after;
  });
}
