import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

const teamColumns = ['id', 'campaign_id', 'name', 'leader_id', 'version', 'created_at', 'updated_at'] as const;

export async function findTeam(db: Kysely<DB>, campaignId: string, teamId: string) {
  return db.selectFrom('assessment_team').select(teamColumns)
    .where('campaign_id', '=', campaignId).where('id', '=', teamId).executeTakeFirst();
}

export async function listTeams(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('assessment_team').select(teamColumns).where('campaign_id', '=', campaignId)
    .orderBy('name', 'asc').orderBy('id', 'asc').execute();
}

export async function findTeamByName(db: Kysely<DB>, campaignId: string, name: string) {
  return db.selectFrom('assessment_team').select(['id']).where('campaign_id', '=', campaignId).where('name', '=', name).executeTakeFirst();
}

/** Members by display name (sorted here by code point, so both engines agree whatever their collation). */
export async function listTeamMembers(db: Kysely<DB>, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  const rows = await db.selectFrom('assessment_team_member')
    .innerJoin('account', 'account.id', 'assessment_team_member.account_id')
    .select(['assessment_team_member.team_id', 'account.id as account_id', 'account.display_name'])
    .where('assessment_team_member.team_id', 'in', teamIds)
    .execute();
  const key = (r: (typeof rows)[number]) => `${r.display_name}\u0000${r.account_id}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function listTeamUnits(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('assessment_team_unit')
    .innerJoin('campaign_unit', (j) => j.onRef('campaign_unit.campaign_id', '=', 'assessment_team_unit.campaign_id')
      .onRef('campaign_unit.unit_id', '=', 'assessment_team_unit.unit_id'))
    .innerJoin('unit', 'unit.id', 'assessment_team_unit.unit_id')
    .select(['assessment_team_unit.team_id', 'assessment_team_unit.unit_id', 'unit.name', 'campaign_unit.sort_order'])
    .where('assessment_team_unit.campaign_id', '=', campaignId)
    .orderBy('campaign_unit.sort_order', 'asc')
    .execute();
}

/** The campaign's units whose team has several members (each scores; the leader confirms). */
export async function unitsScoredByMembers(db: Kysely<DB>, campaignId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('assessment_team_unit')
    .innerJoin('assessment_team_member', 'assessment_team_member.team_id', 'assessment_team_unit.team_id')
    .select(['assessment_team_unit.unit_id'])
    .where('assessment_team_unit.campaign_id', '=', campaignId)
    .groupBy('assessment_team_unit.unit_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  return new Set(rows.map((r) => r.unit_id));
}

/** Accounts by id with their role and organisation path (to check they may be members). */
export async function findAccounts(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('account').innerJoin('organisation', 'organisation.id', 'account.organisation_id')
    .select(['account.id', 'account.role', 'account.disabled', 'account.display_name', 'organisation.path'])
    .where('account.id', 'in', ids).execute();
}

export async function insertTeam(
  db: Kysely<DB>, row: { id: string; campaignId: string; name: string; leaderId: string | null; at: string },
): Promise<void> {
  await db.insertInto('assessment_team').values({
    id: row.id, campaign_id: row.campaignId, name: row.name, leader_id: row.leaderId, created_at: row.at, updated_at: row.at,
  }).execute();
}

/** Updates a team when its version is still `version`; false when someone changed it first. */
export async function updateTeamIfVersion(
  db: Kysely<DB>, teamId: string, version: number, changes: { name?: string; leader_id?: string | null }, at: string,
): Promise<boolean> {
  const result = await db.updateTable('assessment_team').set({ ...changes, version: version + 1, updated_at: at })
    .where('id', '=', teamId).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceTeamMembers(db: Kysely<DB>, teamId: string, accountIds: readonly string[]): Promise<void> {
  await db.deleteFrom('assessment_team_member').where('team_id', '=', teamId).execute();
  if (accountIds.length > 0) {
    await db.insertInto('assessment_team_member').values(accountIds.map((account_id) => ({ team_id: teamId, account_id }))).execute();
  }
}

export async function replaceTeamUnits(db: Kysely<DB>, campaignId: string, teamId: string, unitIds: readonly string[]): Promise<void> {
  await db.deleteFrom('assessment_team_unit').where('team_id', '=', teamId).execute();
  if (unitIds.length > 0) {
    await db.insertInto('assessment_team_unit').values(unitIds.map((unit_id) => ({ campaign_id: campaignId, unit_id, team_id: teamId }))).execute();
  }
}

export async function deleteTeam(db: Kysely<DB>, teamId: string, version: number): Promise<boolean> {
  await db.deleteFrom('assessment_team_member').where('team_id', '=', teamId).execute();
  await db.deleteFrom('assessment_team_unit').where('team_id', '=', teamId).execute();
  await db.deleteFrom('team_score_confirmation').where('team_id', '=', teamId).execute();
  const result = await db.deleteFrom('assessment_team').where('id', '=', teamId).where('version', '=', version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The team that assesses a unit in a campaign, if any, with its members. */
export async function findTeamOfUnit(db: Kysely<DB>, campaignId: string, unitId: string) {
  const team = await db.selectFrom('assessment_team_unit')
    .innerJoin('assessment_team', 'assessment_team.id', 'assessment_team_unit.team_id')
    .select(['assessment_team.id', 'assessment_team.name', 'assessment_team.leader_id', 'assessment_team.version'])
    .where('assessment_team_unit.campaign_id', '=', campaignId).where('assessment_team_unit.unit_id', '=', unitId)
    .executeTakeFirst();
  if (!team) return undefined;
  const members = await listTeamMembers(db, [team.id]);
  return { ...team, members };
}

/** Whether the account is assigned the unit directly (account_unit), outside any team. */
export async function isDirectlyAssigned(db: Kysely<DB>, accountId: string, unitId: string): Promise<boolean> {
  const row = await db.selectFrom('account_unit').select('unit_id')
    .where('account_id', '=', accountId).where('unit_id', '=', unitId).executeTakeFirst();
  return row !== undefined;
}

export async function listMemberScores(db: Kysely<DB>, campaignId: string, unitId: string) {
  return db.selectFrom('member_item_score').select(['account_id', 'criterion_id', 'input_json', 'updated_at'])
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId)
    .orderBy('account_id', 'asc').orderBy('criterion_id', 'asc').execute();
}

export async function upsertMemberScores(
  db: Kysely<DB>, key: { campaignId: string; unitId: string; accountId: string }, items: Record<string, unknown>, at: string,
): Promise<void> {
  for (const [criterionId, input] of Object.entries(items)) {
    await db.insertInto('member_item_score')
      .values({ campaign_id: key.campaignId, unit_id: key.unitId, account_id: key.accountId, criterion_id: criterionId, input_json: JSON.stringify(input), updated_at: at })
      .onConflict((oc) => oc.columns(['campaign_id', 'unit_id', 'account_id', 'criterion_id']).doUpdateSet({ input_json: JSON.stringify(input), updated_at: at }))
      .execute();
  }
}

export async function findConfirmation(db: Kysely<DB>, campaignId: string, unitId: string) {
  return db.selectFrom('team_score_confirmation').select(['team_id', 'reasons_json', 'confirmed_by', 'confirmed_at', 'version'])
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).executeTakeFirst();
}

export async function saveConfirmation(
  db: Kysely<DB>, row: { campaignId: string; unitId: string; teamId: string; reasons: Record<string, string>; by: string; at: string; version: number },
): Promise<void> {
  const values = { team_id: row.teamId, reasons_json: JSON.stringify(row.reasons), confirmed_by: row.by, confirmed_at: row.at, version: row.version };
  await db.insertInto('team_score_confirmation').values({ campaign_id: row.campaignId, unit_id: row.unitId, ...values })
    .onConflict((oc) => oc.columns(['campaign_id', 'unit_id']).doUpdateSet(values)).execute();
}

/**
 * The campaign's teams without a leader who can sign in: none named (formed unstaffed, or
 * copied from last year with the leader's account since disabled), or the leader's account
 * disabled since. Ordered as formed, then by name (sorted here, the same on both engines).
 */
export async function listTeamsWithoutLeader(db: Kysely<DB>, campaignId: string) {
  const rows = await db.selectFrom('assessment_team')
    .leftJoin('account', 'account.id', 'assessment_team.leader_id')
    .select(['assessment_team.id', 'assessment_team.name', 'assessment_team.created_at'])
    .where('assessment_team.campaign_id', '=', campaignId)
    .where((eb) => eb.or([eb('assessment_team.leader_id', 'is', null), eb('account.disabled', '<>', 0)]))
    .execute();
  const key = (r: (typeof rows)[number]) => `${r.created_at}\u0000${r.name}\u0000${r.id}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
