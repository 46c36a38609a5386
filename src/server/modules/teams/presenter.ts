import type { TeamView } from '../../../shared/schemas/team';
import type { listTeamMembers, listTeamUnits, TeamRow } from './repository';

type Members = Awaited<ReturnType<typeof listTeamMembers>>;
type Units = Awaited<ReturnType<typeof listTeamUnits>>;

export function toTeamView(team: TeamRow, members: Members, units: Units): TeamView {
  const own = members.filter((m) => m.team_id === team.id);
  return {
    id: team.id,
    campaignId: team.campaign_id,
    name: team.name,
    leaderId: team.leader_id,
    leaderName: own.find((m) => m.account_id === team.leader_id)?.display_name ?? null,
    members: own.map((m) => ({ accountId: m.account_id, displayName: m.display_name, isLeader: m.account_id === team.leader_id })),
    units: units.filter((u) => u.team_id === team.id).map((u) => ({ unitId: u.unit_id, name: u.name })),
    version: team.version,
    updatedAt: team.updated_at,
  };
}
