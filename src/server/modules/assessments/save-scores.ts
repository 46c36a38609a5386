import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignUnitResource } from '../campaigns/presenter';
import { teamScoring } from '../teams/team-access';
import { unitScoresView } from './get-unit-scores';
import type { ScoreKind } from './repository';
import { saveMemberScores } from './save-member-scores';
import { campaignUnitFor, saveItemScores } from './save-item-scores';

/**
 * PUT scores/:kind. The unit's self-assessment and the team score go through saveItemScores;
 * an assessor in a team of several members saves the member's own score instead, which the
 * leader later confirms as the team's (teams/confirm-team-score.ts).
 */
export async function saveScores(
  db: Kysely<DB>, actor: Actor, id: string, unitId: string, kind: ScoreKind, items: Record<string, unknown>, now: Date,
) {
  const row = await campaignUnitFor(db, actor, id, unitId);
  if (kind === 'team') {
    if (!can(actor, 'score.team', campaignUnitResource(row, unitId))) throw forbidden();
    const scoring = await teamScoring(db, actor, id, unitId);
    if (scoring.mode === 'member') await saveMemberScores(db, actor, row, unitId, items, now);
    else await saveItemScores(db, actor, id, unitId, kind, items, now);
  } else {
    await saveItemScores(db, actor, id, unitId, kind, items, now);
  }
  return unitScoresView(db, actor, (await campaignUnitFor(db, actor, id, unitId)), unitId);
}
