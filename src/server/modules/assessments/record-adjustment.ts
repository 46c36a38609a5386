import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { AdjustmentCreate } from '../../../shared/schemas/adjustment';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignUnitResource } from '../campaigns/presenter';
import { loadCaseParts, validateCase } from '../results/load-case';
import { insertAdjustmentEvent } from './repository';
import { campaignUnitFor } from './save-item-scores';

/** States in which the office records facts that change scores: before review ends. */
const open = new Set(['inProgress', 'selfAssessment', 'assessment', 'officeReview']);

/**
 * A bonus or penalty event (加分、减分事项) of a unit, recorded by the office and validated
 * with the scheme by the rules engine (the item and level must exist, caps apply in the engine).
 */
export async function recordAdjustment(db: Kysely<DB>, actor: Actor, id: string, input: AdjustmentCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, input.unitId);
    if (!can(actor, 'campaign.manage', campaignUnitResource(row, input.unitId)) || actor.role !== 'committeeAdmin') throw forbidden();
    if (!open.has(row.state)) throw new AppError('conflict', '当前阶段不能登记加减分事项。');
    const parts = await loadCaseParts(trx, row, now);
    const adjustments = parts.adjustments as { bonuses: unknown[]; penalties: unknown[] };
    const event = { unit: input.unitId, item: input.item, times: input.times, ...(input.level ? { level: input.level } : {}), ...(input.note ? { note: input.note } : {}) };
    (input.kind === 'bonus' ? adjustments.bonuses : adjustments.penalties).push(event);
    validateCase(parts);
    const eventId = randomUUID();
    const view = { id: eventId, unitId: input.unitId, kind: input.kind, item: input.item, level: input.level ?? null, times: input.times, note: input.note ?? null };
    await insertAdjustmentEvent(trx, { ...view, campaignId: id, by: actor.accountId, at: now.toISOString() });
    await appendAudit(trx, {
      actorId: actor.accountId, action: `adjustment.${input.kind}`, entityType: 'adjustment_event', entityId: eventId,
      organisationPath: row.organisation_path, unitId: input.unitId, before: null, after: view,
    }, now);
    return view;
  });
}
