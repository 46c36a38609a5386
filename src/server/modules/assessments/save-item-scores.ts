import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { campaignStateLabels, type CampaignState } from '../../../domain/workflow/campaign-state';
import { selfAssessmentEditable, type SelfAssessmentState } from '../../../domain/workflow/self-assessment-state';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignResource, campaignUnitResource } from '../campaigns/presenter';
import { findCampaign, isCampaignUnit, type CampaignRow } from '../campaigns/repository';
import { loadCaseParts, validateCase } from '../results/load-case';
import { listItemScores } from '../results/repository';
import { toUnitScores } from './presenter';
import { findAssessmentResponse, findSelfAssessment, listUnitScores, upsertItemScores, type ScoreKind } from './repository';

/** The campaign and unit, checked visible to the actor; the unit must be assessed in the campaign. */
export async function campaignUnitFor(db: Kysely<DB>, actor: Actor, id: string, unitId: string): Promise<CampaignRow> {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  if (!(await isCampaignUnit(db, id, unitId)) || !can(actor, 'unit.read', campaignUnitResource(row, unitId))) throw notFound('被考核单位');
  return row;
}

/**
 * Saves criterion inputs of a unit: its self-assessment (单位自评, by its liaison while
 * self-assessment is open and not submitted) or the team's score (考核组评分, by an assigned
 * assessor or the office during assessment; by the office after publication, for a
 * correction). The inputs are validated by the rules engine against the scheme.
 */
export async function saveItemScores(
  db: Kysely<DB>, actor: Actor, id: string, unitId: string, kind: ScoreKind, items: Record<string, unknown>, now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    await assertScoresWritable(trx, actor, row, unitId, kind);
    const parts = await loadCaseParts(trx, row, now);
    const current: Record<string, Record<string, unknown>> = {};
    for (const s of await listItemScores(trx, id, kind)) (current[s.unit_id] ??= {})[s.criterion_id] = JSON.parse(s.input_json) as unknown;
    const before = Object.fromEntries(Object.keys(items).map((k) => [k, current[unitId]?.[k] ?? null]));
    current[unitId] = { ...current[unitId], ...items };
    validateCase({ ...parts, scores: { scores: current } });
    await writeItemScores(trx, actor, row, unitId, kind, items, before, now);
    return toUnitScores(
      unitId, await listUnitScores(trx, id, unitId), await findSelfAssessment(trx, id, unitId), kind === 'team' || actor.role !== 'unitLiaison',
      await findAssessmentResponse(trx, id, unitId),
    );
  });
}

/** Who may write a unit's scores of a kind, and when (also used by the Excel import, unit by unit). */
export async function assertScoresWritable(trx: Kysely<DB>, actor: Actor, row: CampaignRow, unitId: string, kind: ScoreKind): Promise<void> {
  if (!can(actor, kind === 'self' ? 'score.self' : 'score.team', campaignUnitResource(row, unitId))) throw forbidden();
  const state = row.state as CampaignState;
  if (kind === 'self') {
    if (state !== 'selfAssessment') throw notNow(state, '填报自评');
    const selfState = ((await findSelfAssessment(trx, row.id, unitId))?.state ?? 'draft') as SelfAssessmentState;
    const editable = selfAssessmentEditable(selfState);
    if (!editable.ok) throw new AppError('conflict', `${editable.message}。`);
  } else if (!(state === 'assessment' || (state === 'published' && actor.role === 'committeeAdmin'))) {
    throw notNow(state, '修改考核组评分');
  }
}

/** Writes a unit's item inputs with their audit record; the caller has validated the case. */
export async function writeItemScores(
  trx: Kysely<DB>, actor: Actor, row: CampaignRow, unitId: string, kind: ScoreKind,
  items: Record<string, unknown>, before: Record<string, unknown>, now: Date,
): Promise<void> {
  await upsertItemScores(trx, { campaignId: row.id, unitId, kind }, items, actor.accountId, now.toISOString());
  await appendAudit(trx, {
    actorId: actor.accountId, action: kind === 'self' ? 'score.self' : 'score.team', entityType: 'campaign_unit',
    entityId: `${row.id}/${unitId}`, organisationPath: row.organisation_path, unitId, before, after: items,
  }, now);
}

const notNow = (state: CampaignState, what: string) =>
  new AppError('conflict', `考核活动当前为“${campaignStateLabels[state]}”阶段，不能${what}。`);
