import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { assess } from '../../../domain/assessment/assess';
import { publicityEnd, transitionCampaign, type CampaignState } from '../../../domain/workflow/campaign-state';
import type { CampaignTransition } from '../../../shared/schemas/campaign';
import type { OnProgress } from '../../../shared/schemas/progress-stream';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { unsignedUnits } from '../agreements/read-agreements';
import { countAgreements } from '../agreements/repository';
import { toObjectionView } from '../publications/presenter';
import { listUpheldAwaitingRevision, markUpheldRevised } from '../publications/repository';
import { freezeResults } from '../results/freeze-results';
import { loadCaseParts, validateCase } from '../results/load-case';
import { pendingVetoProposals } from './pending-veto-proposals';
import { campaignResource, toCampaignView } from './presenter';
import { countOpenObjections, findCampaign, updateCampaignIfVersion, type CampaignChanges } from './repository';

/**
 * Moves a campaign through its states (domain/workflow/campaign-state.ts decides order,
 * role and preconditions). Publication freezes the results as version 1 of the published
 * table, in the same transaction as the state change and its audit record; `onProgress`
 * hears its phases (freezeResults), which begin only once every check has passed.
 */
export async function changeCampaignState(db: Kysely<DB>, actor: Actor, id: string, input: CampaignTransition, now: Date, onProgress?: OnProgress) {
  return db.transaction().execute(async (trx) => {
    const row = await findCampaign(trx, id);
    if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    if (row.version !== input.version) throw staleCampaign();
    const at = now.toISOString();
    const needsScores = input.action === 'submitForReview';
    const assessed = needsScores ? validateCase(await loadCaseParts(trx, row, now)) : null;
    // 考核组评分确认: a unit with any criterion not yet scored by the team is unscored.
    const unscoredUnits = needsScores && assessed ? assess(assessed).units.filter((u) => u.missingItems.length > 0).length : 0;
    // Once the office keeps the campaign's agreements on the platform (any drafted), every
    // assessed unit must have signed before the year starts; a campaign whose agreements are
    // signed on paper only (none drafted here) is not held up.
    const unsigned = input.action === 'startYear' && (await countAgreements(trx, id)) > 0 ? await unsignedUnits(trx, row) : [];
    // 申诉成立: an upheld objection holds publication up until the results go back to re-scoring;
    // that return marks it as followed (domain/workflow/objection.ts).
    const upheld = input.action === 'publish' || input.action === 'returnForRevision' ? await listUpheldAwaitingRevision(trx, id) : [];
    const outcome = transitionCampaign({
      state: row.state as CampaignState,
      publicityEndsAt: row.publicity_ends_at,
      openObjections: input.action === 'publish' ? await countOpenObjections(trx, id) : 0,
      upheldObjections: upheld.length,
      unscoredUnits,
      unsignedAgreements: unsigned.length,
      pendingVetoProposals: input.action === 'approve' || input.action === 'submitForApproval' ? await pendingVetoProposals(trx, row, now) : [],
    }, {
      action: input.action, role: actor.role, now: at,
      ...(input.meeting !== undefined ? { meeting: input.meeting } : {}),
      ...(input.publicityDays !== undefined ? { publicityDays: input.publicityDays } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
    });
    if (!outcome.ok) {
      const which = outcome.code === 'precondition' && unsigned.length > 0
        ? `（${unsigned.slice(0, 10).map((u) => `${u.name}：${u.stateLabel}`).join('、')}${unsigned.length > 10 ? ` 等 ${unsigned.length} 个` : ''}）`
        : '';
      throw new AppError(outcome.code === 'forbidden' ? 'forbidden' : 'conflict', `${outcome.message}${which}。`);
    }
    if (!can(actor, 'campaign.manage', campaignResource(row))) throw forbidden();
    const changes: CampaignChanges = { state: outcome.to };
    if (input.action === 'approve') {
      changes.approval_meeting = input.meeting!.trim();
      changes.publicity_days = input.publicityDays!;
      changes.publicity_ends_at = publicityEnd(at, input.publicityDays!);
    }
    if (input.action === 'returnForRevision') changes.publicity_ends_at = null;
    if (!(await updateCampaignIfVersion(trx, id, row.version, changes, at))) throw staleCampaign();
    if (input.action === 'returnForRevision' && upheld.length > 0) {
      if ((await markUpheldRevised(trx, id, at)) !== upheld.length) throw staleCampaign();
      for (const before of upheld) {
        await appendAudit(trx, {
          actorId: actor.accountId, action: 'objection.revise', entityType: 'objection', entityId: before.id,
          organisationPath: row.organisation_path, unitId: before.unit_id,
          before: toObjectionView(before), after: { ...toObjectionView(before), revisedAt: at, reason: input.reason!.trim() },
        }, now);
      }
    }
    if (input.action === 'publish') {
      await freezeResults(trx, { campaignId: id, version: 1, reason: null, createdBy: actor.accountId, at }, row, now, onProgress);
    }
    const after = toCampaignView((await findCampaign(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: `campaign.${input.action}`, entityType: 'campaign', entityId: id,
      organisationPath: row.organisation_path, unitId: null,
      before: toCampaignView(row), after: { ...after, ...(input.reason ? { reason: input.reason } : {}) },
    }, now);
    return after;
  });
}

export const staleCampaign = () => new AppError('stale_version', '该考核活动已被他人修改，请刷新后重试。');
