import { can } from '../../../domain/access/can';
import type { AccountView } from '../../../shared/schemas/account';
import type { TeamView } from '../../../shared/schemas/team';
import { withFieldNames } from '../../field-errors';

/**
 * What the 考核组 page shows and sends, kept apart from the page so it is tested without a
 * browser (test/web/teams-view.test.ts).
 */

/**
 * Whether the account sees every team of its campaigns: the office and leaders (the server's
 * rule in teams/list-teams.ts: `result.read` on the campaign as a whole). An assessor sees only
 * its own teams and a liaison only the team assessing its unit, so the page, whose point is the
 * whole campaign's staffing and the units left without a team, is not theirs.
 */
export function maySeeAllTeams(account: AccountView): boolean {
  return can({ accountId: account.id, role: account.role, organisationPath: '/', unitId: null, assignedUnitIds: [] }, 'result.read', { organisationPath: '/' });
}

export interface CampaignUnitRef { unitId: string; name: string }

/** Unit id → the team that assesses it (a unit is in at most one team per campaign). */
export function unitOwners(teams: readonly TeamView[]): Map<string, { teamId: string; teamName: string }> {
  const owners = new Map<string, { teamId: string; teamName: string }>();
  for (const t of teams) for (const u of t.units) owners.set(u.unitId, { teamId: t.id, teamName: t.name });
  return owners;
}

/** The campaign's units no team assesses, in the campaign's order. */
export function unassignedUnits<U extends CampaignUnitRef>(units: readonly U[], teams: readonly TeamView[]): U[] {
  const owners = unitOwners(teams);
  return units.filter((u) => !owners.has(u.unitId));
}

export type LeaderProblem = 'noLeader' | 'leaderDisabled' | 'noMembers' | null;

/**
 * Why a team cannot confirm its score: in a team of members the leader confirms the team score
 * per item (domain/assessment/team-score.ts), so members without a leader, or a leader whose
 * account is disabled (a team copied from last year), leave their scores unconfirmed. A team
 * formed but not yet staffed is only waiting for members.
 */
export function leaderProblem(team: TeamView, disabledIds: ReadonlySet<string>): LeaderProblem {
  if (team.members.length === 0 && !team.leaderId) return 'noMembers';
  if (!team.leaderId) return 'noLeader';
  if (disabledIds.has(team.leaderId)) return 'leaderDisabled';
  return null;
}

export const leaderProblemText: Record<Exclude<LeaderProblem, null>, string> = {
  noLeader: '未指定组长：组员评分无法确认为考核组评分',
  leaderDisabled: '组长账号已停用：组员评分无法确认为考核组评分，请另行指定组长',
  noMembers: '尚未配备组员和组长',
};

export interface TeamFormValues { name?: string; leaderId?: string | null; memberIds?: string[] }

/**
 * Checks the form as the server would (teams/team-checks.ts): a team with members has a leader,
 * and a disabled account cannot stay in a team. Returns the message for the field, or null.
 */
export function teamFormProblem(values: TeamFormValues, disabled: ReadonlyMap<string, string>): { field: 'leaderId' | 'memberIds'; message: string } | null {
  const members = values.memberIds ?? [];
  const gone = members.filter((m) => disabled.has(m)).map((m) => disabled.get(m)!);
  if (gone.length > 0) return { field: 'memberIds', message: `${gone.join('、')}的账号已停用，请移出本组` };
  if (values.leaderId && disabled.has(values.leaderId)) return { field: 'leaderId', message: `${disabled.get(values.leaderId)}的账号已停用，请另选组长` };
  if (members.length > 0 && !values.leaderId) return { field: 'leaderId', message: '考核组有组员时须指定组长' };
  return null;
}

/** The body of a new team, or of an edit read at `version`; the leader is always among the members. */
export function teamBody(values: TeamFormValues): { name: string; leaderId: string | null; memberIds: string[] } {
  const leaderId = values.leaderId || null;
  const members = values.memberIds ?? [];
  return { name: (values.name ?? '').trim(), leaderId, memberIds: leaderId && !members.includes(leaderId) ? [leaderId, ...members] : [...members] };
}

const fieldNames = { name: '考核组名称', leaderId: '组长', memberIds: '组员', unitIds: '负责单位', version: '版本号' } as const;

/**
 * The server's refusal as it reads on screen: a request path the schema check names
 * (`请求体字段“name”`) by the form's Chinese name; the team rules already name fields in Chinese.
 */
export function teamMessage(message: string): string {
  return withFieldNames(message, fieldNames);
}
