import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { campaignStateLabels, teamsChangeable, type CampaignState } from '../../../domain/workflow/campaign-state';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignResource } from '../campaigns/presenter';
import { findCampaign, listCampaignUnits, type CampaignRow } from '../campaigns/repository';
import { findAccounts, findTeam, listTeamMembers, listTeamUnits, listTeams, type TeamRow } from './repository';
import { toTeamView } from './presenter';

/** The campaign, visible to the actor and managed by it (the office), in a state where teams may change. */
export async function managedCampaign(db: Kysely<DB>, actor: Actor, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  if (!can(actor, 'campaign.manage', campaignResource(row))) throw forbidden();
  const state = row.state as CampaignState;
  if (!teamsChangeable(state)) throw new AppError('conflict', `考核活动当前为“${campaignStateLabels[state]}”阶段，不能再调整考核组。`);
  return row;
}

export async function teamOf(db: Kysely<DB>, campaignId: string, teamId: string): Promise<TeamRow> {
  const team = await findTeam(db, campaignId, teamId);
  if (!team) throw notFound('考核组');
  return team;
}

/**
 * Members are active assessor accounts (考核组成员) of the campaign's organisation or below;
 * the leader is one of them (added when missing). A team with members has a leader.
 */
export async function checkMembers(
  db: Kysely<DB>, row: CampaignRow, memberIds: readonly string[], leaderId: string | null,
): Promise<{ memberIds: string[]; leaderId: string | null }> {
  const ids = [...new Set(leaderId ? [leaderId, ...memberIds] : memberIds)];
  const accounts = new Map((await findAccounts(db, ids)).map((a) => [a.id, a]));
  for (const accountId of ids) {
    const a = accounts.get(accountId);
    const field = accountId === leaderId ? '组长' : '组员';
    if (!a || !a.path.startsWith(row.organisation_path)) throw new AppError('validation_failed', `${field}中的账号“${accountId}”不存在或不属于本辖区。`);
    if (a.role !== 'assessor') throw new AppError('validation_failed', `${field}中的“${a.display_name}”不是考核组成员账号。`);
    if (a.disabled !== 0) throw new AppError('validation_failed', `${field}中的“${a.display_name}”账号已停用。`);
  }
  if (ids.length > 0 && !leaderId) throw new AppError('validation_failed', '考核组有组员时须指定组长。');
  return { memberIds: ids, leaderId };
}

/** Units must be assessed in the campaign and not already belong to another of its teams. */
export async function checkUnits(db: Kysely<DB>, row: CampaignRow, teamId: string | null, unitIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(unitIds)];
  const units = new Map((await listCampaignUnits(db, row.id)).map((u) => [u.unit_id, u.name]));
  const unknown = ids.filter((u) => !units.has(u));
  if (unknown.length > 0) throw new AppError('validation_failed', `被考核单位中的“${unknown.join('”“')}”不是本考核活动的被考核单位。`);
  const teams = new Map((await listTeams(db, row.id)).map((t) => [t.id, t.name]));
  const taken = (await listTeamUnits(db, row.id)).filter((u) => u.team_id !== teamId && ids.includes(u.unit_id));
  if (taken.length > 0) {
    throw new AppError('conflict', taken.map((u) => `“${u.name}”已分配给${teams.get(u.team_id) ?? '其他考核组'}`).join('；') + '，一个单位只能属于一个考核组。');
  }
  return ids;
}

export async function teamView(db: Kysely<DB>, campaignId: string, teamId: string) {
  const team = await teamOf(db, campaignId, teamId);
  return toTeamView(team, await listTeamMembers(db, [team.id]), await listTeamUnits(db, campaignId));
}
