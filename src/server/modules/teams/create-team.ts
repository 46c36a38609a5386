import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { TeamCreate } from '../../../shared/schemas/team';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findTeamByName, insertTeam, replaceTeamMembers, replaceTeamUnits } from './repository';
import { checkMembers, checkUnits, managedCampaign, teamView } from './team-checks';

/** Forms an assessment team (考核组) of a campaign: name, leader, members and its units (by the office). */
export async function createTeam(db: Kysely<DB>, actor: Actor, id: string, input: TeamCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await managedCampaign(trx, actor, id);
    if (await findTeamByName(trx, id, input.name)) throw new AppError('conflict', `本考核活动已有名为“${input.name}”的考核组。`);
    const members = await checkMembers(trx, row, input.memberIds, input.leaderId ?? null);
    const unitIds = await checkUnits(trx, row, null, input.unitIds);
    const teamId = randomUUID();
    await insertTeam(trx, { id: teamId, campaignId: id, name: input.name, leaderId: members.leaderId, at: now.toISOString() });
    await replaceTeamMembers(trx, teamId, members.memberIds);
    await replaceTeamUnits(trx, id, teamId, unitIds);
    const view = await teamView(trx, id, teamId);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'team.create', entityType: 'assessment_team', entityId: teamId,
      organisationPath: row.organisation_path, unitId: null, before: null, after: view,
    }, now);
    return view;
  });
}
