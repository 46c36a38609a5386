import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { TeamView } from '../../../shared/schemas/team';
import { notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign, type CampaignRow } from '../campaigns/repository';
import { listTeamMembers, listTeamUnits, listTeams } from './repository';
import { toTeamView } from './presenter';

/**
 * Whether the actor sees a team: the office and leaders every team of their jurisdiction's
 * campaigns, an assessor the teams it belongs to, a liaison the team assessing its unit.
 */
function visible(actor: Actor, row: CampaignRow, team: TeamView): boolean {
  if (actor.role === 'assessor') return team.members.some((m) => m.accountId === actor.accountId);
  if (actor.role === 'unitLiaison') return team.units.some((u) => u.unitId === actor.unitId && can(actor, 'unit.read', { organisationPath: row.organisation_path, unitId: u.unitId }));
  return can(actor, 'result.read', campaignResource(row));
}

async function visibleTeams(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  const teams = await listTeams(db, id);
  const [members, units] = await Promise.all([listTeamMembers(db, teams.map((t) => t.id)), listTeamUnits(db, id)]);
  // In the order the teams were formed (第一、第二……考核组), then by name; sorted here, not in
  // SQL, so the order is the same on SQLite and PostgreSQL whatever their collations.
  const formed = new Map(teams.map((t) => [t.id, t.created_at]));
  const key = (t: TeamView) => [formed.get(t.id) ?? '', t.name, t.id].join('\u0000');
  return teams.map((t) => toTeamView(t, members, units)).filter((t) => visible(actor, row, t))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function listCampaignTeams(
  db: Kysely<DB>, actor: Actor, id: string,
  query: { page: number; pageSize: number; order: 'asc' | 'desc'; memberId?: string | undefined; unitId?: string | undefined },
) {
  let items = await visibleTeams(db, actor, id);
  if (query.memberId) items = items.filter((t) => t.members.some((m) => m.accountId === query.memberId));
  if (query.unitId) items = items.filter((t) => t.units.some((u) => u.unitId === query.unitId));
  if (query.order === 'desc') items.reverse();
  const start = (query.page - 1) * query.pageSize;
  return { items: items.slice(start, start + query.pageSize), total: items.length, page: query.page, pageSize: query.pageSize };
}

export async function getTeam(db: Kysely<DB>, actor: Actor, id: string, teamId: string) {
  const team = (await visibleTeams(db, actor, id)).find((t) => t.id === teamId);
  if (!team) throw notFound('考核组');
  return team;
}
