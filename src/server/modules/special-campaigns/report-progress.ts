import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import type { ProgressReportCreate } from '../../../shared/schemas/special-campaign';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignOf, canReadCampaign, toCampaignDetail } from './presenter';
import { findSpecialCampaign, insertProgressReport, listProgressReports, unitNames } from './repository';

/**
 * A unit reports progress on one of its tasks (the office may report for it). A report marking
 * the task done after its due day is recorded and flagged late; the earliest completing report
 * is the one that counts (campaign-progress.ts).
 */
export async function reportProgress(db: Kysely<DB>, actor: Actor, id: string, input: ProgressReportCreate, now: Date) {
  const today = chinaDateOf(now);
  const reportedOn = input.reportedOn ?? today;
  if (reportedOn > today) throw new AppError('validation_failed', '请求体字段“reportedOn”：报送日期不能晚于今天。');
  return db.transaction().execute(async (trx) => {
    const row = await findSpecialCampaign(trx, id);
    if (!row || !canReadCampaign(actor, row)) throw notFound('专项行动');
    const campaign = campaignOf(row);
    const task = campaign.tasks.find((t) => t.id === input.taskId);
    if (!task || !can(actor, 'specialCampaign.read', { organisationPath: row.organisation_path, unitId: task.unitId })) {
      throw new AppError('validation_failed', `请求体字段“taskId”：专项行动中没有任务“${input.taskId}”。`);
    }
    if (!can(actor, 'specialCampaign.report', { organisationPath: row.organisation_path, unitId: task.unitId })) throw forbidden();
    const startsOn = campaign.phases[0]?.from;
    if (startsOn !== undefined && reportedOn < startsOn) throw new AppError('validation_failed', `请求体字段“reportedOn”：报送日期早于专项行动开始日期${startsOn}。`);
    const late = input.completed && reportedOn > task.dueOn;
    const reportId = randomUUID();
    await insertProgressReport(trx, {
      id: reportId, campaign_id: id, unit_id: task.unitId, task_id: task.id, reported_on: reportedOn, completed: input.completed ? 1 : 0,
      summary: input.summary ?? null, note: input.note ?? null, late: late ? 1 : 0, reported_by: actor.accountId, created_at: now.toISOString(),
    });
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'specialCampaign.report', entityType: 'campaign_progress_report', entityId: reportId,
      organisationPath: row.organisation_path, unitId: task.unitId, before: null,
      after: { campaignId: id, taskId: task.id, reportedOn, completed: input.completed, summary: input.summary ?? null, note: input.note ?? null, late },
    }, now);
    const [reports, names] = await Promise.all([listProgressReports(trx, id), unitNames(trx, campaign.tasks.map((t) => t.unitId))]);
    return toCampaignDetail(row, reports, names, actor, now);
  });
}
