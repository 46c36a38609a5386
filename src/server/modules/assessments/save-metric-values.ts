import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignUnitResource } from '../campaigns/presenter';
import { loadCaseParts, validateCase } from '../results/load-case';
import { upsertMetricValues } from './repository';
import { campaignUnitFor } from './save-item-scores';

const open = new Set(['inProgress', 'selfAssessment', 'assessment', 'officeReview']);

/**
 * Metric values of a unit (from its ledgers) that formula criteria score, recorded by the
 * office. Names must be metrics the scheme declares; values are checked with the case by the
 * rules engine.
 */
export async function saveMetricValues(db: Kysely<DB>, actor: Actor, id: string, unitId: string, values: Record<string, number>, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    if (!can(actor, 'campaign.manage', campaignUnitResource(row, unitId)) || actor.role !== 'committeeAdmin') throw forbidden();
    if (!open.has(row.state)) throw new AppError('conflict', '当前阶段不能录入指标数据。');
    const parts = await loadCaseParts(trx, row, now);
    const metrics = (parts.metrics as { metrics: Record<string, Record<string, unknown>> }).metrics;
    const before = { ...metrics[unitId] };
    metrics[unitId] = { ...metrics[unitId], ...values };
    const input = validateCase(parts);
    const unknown = Object.keys(values).filter((name) => !(name in input.scheme.metrics));
    if (unknown.length > 0) throw new AppError('validation_failed', `考核方案中没有指标“${unknown.join('”“')}”。`);
    await upsertMetricValues(trx, id, unitId, values);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'metrics.save', entityType: 'campaign_unit', entityId: `${id}/${unitId}`,
      organisationPath: row.organisation_path, unitId, before, after: values,
    }, now);
    return { unitId, values: metrics[unitId] as Record<string, unknown> };
  });
}
