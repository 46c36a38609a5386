import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { beforeAssessment } from '../../../domain/workflow/campaign-state';
import type { DB } from '../../db/schema';
import type { CampaignRow } from '../campaigns/repository';
import { findConfirmation, findTeamOfUnit, listMemberScores } from '../teams/repository';
import { toUnitScores, type EvidenceFile } from './presenter';
import { findAssessmentResponse, findSelfAssessment, listItemEvidence, listUnitScores } from './repository';

/**
 * A unit's scores as the actor may see them: the team's score beside the unit's own, the
 * unit's assessment team and the leader's confirmation, each member's own scores (teams of
 * several members; not shown to the unit, and a member other than the leader sees only its
 * own) and the evidence files of each criterion. The unit sees the team's scores and
 * evidence from assessment on, to confirm them or disagree.
 */
export async function unitScoresView(db: Kysely<DB>, actor: Actor, row: CampaignRow, unitId: string) {
  const showTeam = actor.role !== 'unitLiaison' || !beforeAssessment(row.state);
  const rows = await listUnitScores(db, row.id, unitId);
  const teamRows = rows.filter((r) => r.kind === 'team');
  const view = toUnitScores(
    unitId, rows, await findSelfAssessment(db, row.id, unitId), showTeam,
    await findAssessmentResponse(db, row.id, unitId),
  );
  const team = await findTeamOfUnit(db, row.id, unitId);
  const confirmation = team ? await findConfirmation(db, row.id, unitId) : undefined;
  const scoring = team && team.members.length > 1 ? 'members' as const : 'single' as const;
  const members: typeof view.members = [];
  const scores = team && scoring === 'members' ? await listMemberScores(db, row.id, unitId) : [];
  if (team && scoring === 'members' && actor.role !== 'unitLiaison') {
    // Members score independently: each sees its own; the team leader, the office and leaders see all.
    const everyone = actor.role !== 'assessor' || team.leader_id === actor.accountId;
    for (const m of team.members.filter((x) => everyone || x.account_id === actor.accountId)) {
      const items: Record<string, unknown> = {};
      for (const s of scores) if (s.account_id === m.account_id) items[s.criterion_id] = JSON.parse(s.input_json) as unknown;
      members.push({ accountId: m.account_id, displayName: m.display_name, items });
    }
  }
  // The office may enter or import a team score itself (the paper sheets of a team): where
  // several members score, that replaces the leader's confirmation and is said so.
  let officeScoredAt: string | null = null;
  if (team && scoring === 'members') {
    const memberIds = new Set(team.members.map((m) => m.account_id));
    const since = confirmation && confirmation.team_id === team.id ? confirmation.confirmed_at : '';
    for (const s of teamRows) {
      if (s.scored_by !== null && !memberIds.has(s.scored_by) && s.updated_at > since && (officeScoredAt === null || s.updated_at > officeScoredAt)) officeScoredAt = s.updated_at;
    }
  }
  const evidence: Record<string, { self: EvidenceFile[]; team: EvidenceFile[] }> = {};
  for (const e of await listItemEvidence(db, row.id, unitId)) {
    if (e.kind === 'team' && !showTeam) continue;
    (evidence[e.criterion_id] ??= { self: [], team: [] })[e.kind as 'self' | 'team'].push({
      fileId: e.file_id, name: e.original_name, mediaType: e.media_type, size: Number(e.size), attachedAt: e.attached_at,
    });
  }
  return {
    ...view,
    team: team ? {
      teamId: team.id, name: team.name, leaderId: team.leader_id, memberCount: team.members.length, scoring,
      confirmation: confirmation && confirmation.team_id === team.id ? {
        confirmedBy: confirmation.confirmed_by, confirmedAt: confirmation.confirmed_at, version: confirmation.version,
        reasons: JSON.parse(confirmation.reasons_json) as Record<string, string>,
        outdated: scores.some((s) => s.updated_at > confirmation.confirmed_at),
      } : null,
      officeScoredAt,
    } : null,
    members,
    evidence,
  };
}
