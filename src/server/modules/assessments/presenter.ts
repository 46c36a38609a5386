import type { listUnitScores } from './repository';

type ScoreRows = Awaited<ReturnType<typeof listUnitScores>>;

/** Each criterion with the team's score and the unit's own beside it. */
type Response = { response: string; comment: string | null; responded_at: string } | undefined;

/** The unit's self-assessment row (undefined: not started, a draft). */
type SelfRow = { state: string; return_reason: string | null; returned_at: string | null } | undefined;

export function toUnitScores(unitId: string, rows: ScoreRows, self: SelfRow, showTeam = true, response?: Response) {
  const items: Record<string, { self: unknown; team: unknown }> = {};
  for (const r of rows) {
    if (r.kind === 'team' && !showTeam) continue;
    const entry = (items[r.criterion_id] ??= { self: null, team: null });
    entry[r.kind as 'self' | 'team'] = JSON.parse(r.input_json) as unknown;
  }
  return {
    unitId,
    selfAssessmentState: (self?.state ?? 'draft') as 'draft' | 'submitted' | 'returned',
    selfAssessmentReturn: self?.return_reason && self.returned_at ? { reason: self.return_reason, returnedAt: self.returned_at } : null,
    response: response ? { response: response.response as 'confirmed' | 'disagreed', comment: response.comment, respondedAt: response.responded_at } : null,
    items,
    // Filled in by unitScoresView (get-unit-scores.ts): the team, members' own scores, evidence.
    team: null,
    members: [] as { accountId: string; displayName: string; items: Record<string, unknown> }[],
    evidence: {} as Record<string, { self: EvidenceFile[]; team: EvidenceFile[] }>,
  };
}

export interface EvidenceFile { fileId: string; name: string; mediaType: string; size: number; attachedAt: string }
