import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { campaignStateLabels, type CampaignState } from '../../../domain/workflow/campaign-state';
import { selfAssessmentEditable, type SelfAssessmentState } from '../../../domain/workflow/self-assessment-state';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignUnitResource } from '../campaigns/presenter';
import type { CampaignRow } from '../campaigns/repository';
import { findStoredFile } from '../files/repository';
import { loadCase } from '../results/load-case';
import { teamScoring } from '../teams/team-access';
import { findSelfAssessment, insertItemEvidence, listItemEvidence, type ScoreKind } from './repository';
import { campaignUnitFor } from './save-item-scores';

/**
 * Evidence may change when the score it supports may: the unit's own while its
 * self-assessment is open and not submitted (a locked self-assessment refuses evidence
 * too), the team's during assessment by the office or a member of the unit's team.
 */
export async function evidenceWritable(db: Kysely<DB>, actor: Actor, row: CampaignRow, unitId: string, kind: ScoreKind): Promise<void> {
  if (!can(actor, kind === 'self' ? 'score.self' : 'score.team', campaignUnitResource(row, unitId))) throw forbidden();
  const state = row.state as CampaignState;
  if (kind === 'self') {
    if (state !== 'selfAssessment') throw notNow(state, '修改自评佐证材料');
    const selfState = ((await findSelfAssessment(db, row.id, unitId))?.state ?? 'draft') as SelfAssessmentState;
    const editable = selfAssessmentEditable(selfState);
    if (!editable.ok) throw new AppError('conflict', `${editable.message}。`);
  } else {
    await teamScoring(db, actor, row.id, unitId);
    if (state !== 'assessment') throw notNow(state, '修改考核组佐证材料');
  }
}

/** The criterion must be one of the scheme's criteria that apply to the unit. */
export async function checkCriterion(db: Kysely<DB>, row: CampaignRow, unitId: string, criterionId: string, now: Date): Promise<void> {
  const input = await loadCase(db, row, now);
  const category = input.units.find((u) => u.id === unitId)?.category;
  const plan = category ? input.compiled.plans.get(category) : undefined;
  const index = plan?.indexById.get(criterionId);
  if (!plan || index === undefined || !plan.nodes[index]!.method) {
    throw new AppError('validation_failed', `细则“${criterionId}”不是适用于该单位的末级考核细则。`);
  }
}

export async function evidenceOf(db: Kysely<DB>, campaignId: string, unitId: string, kind: ScoreKind, criterionId: string) {
  const rows = (await listItemEvidence(db, campaignId, unitId)).filter((e) => e.kind === kind && e.criterion_id === criterionId);
  return {
    unitId, kind, criterionId,
    files: rows.map((e) => ({ fileId: e.file_id, name: e.original_name, mediaType: e.media_type, size: Number(e.size), attachedAt: e.attached_at })),
  };
}

/** Attaches uploaded files of the unit, which the actor may see, as evidence of one criterion's score. */
export async function attachEvidence(
  db: Kysely<DB>, actor: Actor, id: string, unitId: string, kind: ScoreKind, input: { criterionId: string; fileIds: string[] }, now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    await evidenceWritable(trx, actor, row, unitId, kind);
    await checkCriterion(trx, row, unitId, input.criterionId, now);
    const fileIds = [...new Set(input.fileIds)];
    for (const fileId of fileIds) {
      const file = await findStoredFile(trx, fileId);
      if (!file || !can(actor, 'file.read', { organisationPath: file.organisation_path, unitId: file.unit_id }) || file.unit_id !== unitId) {
        throw new AppError('validation_failed', `文件“${fileId}”不存在，或不是该单位上传的文件。`);
      }
    }
    const before = await evidenceOf(trx, id, unitId, kind, input.criterionId);
    await insertItemEvidence(trx, { campaignId: id, unitId, kind, criterionId: input.criterionId }, fileIds, actor.accountId, now.toISOString());
    const after = await evidenceOf(trx, id, unitId, kind, input.criterionId);
    await appendAudit(trx, {
      actorId: actor.accountId, action: `evidence.attach`, entityType: 'campaign_unit', entityId: `${id}/${unitId}`,
      organisationPath: row.organisation_path, unitId,
      before: { kind, criterionId: input.criterionId, fileIds: before.files.map((f) => f.fileId) },
      after: { kind, criterionId: input.criterionId, fileIds: after.files.map((f) => f.fileId) },
    }, now);
    return after;
  });
}

const notNow = (state: CampaignState, what: string) =>
  new AppError('conflict', `考核活动当前为“${campaignStateLabels[state]}”阶段，不能${what}。`);
