import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { checkReportTimes, reportInstantMs, reportLevelLabels } from '../../../domain/accidents/reporting';
import type { ReportLevel } from '../../../domain/accidents/reporting';
import type { AccidentReportChange } from '../../../shared/schemas/accident';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { accidentDetailView } from './get-accident';
import { accidentResource, reportTimesOf } from './presenter';
import { bumpVersionIfVersion, deleteAccidentReport, findAccident, listAccidentReports, upsertAccidentReport } from './repository';

const stale = () => new AppError('stale_version', '该事故已被他人修改，请刷新后重试。');

/**
 * Records or corrects when one level received an accident's report (国务院令第493号第九条、
 * 第十条), or withdraws a time recorded by mistake (null). The whole set of times must stay
 * possible: none before the accident, none before the level below, none after now.
 */
export async function recordAccidentReport(
  db: Kysely<DB>, actor: Actor, id: string, level: ReportLevel, input: AccidentReportChange, now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await findAccident(trx, id);
    if (!row || !can(actor, 'accident.read', accidentResource(row))) throw notFound('事故');
    if (!can(actor, 'accident.record', accidentResource(row))) throw forbidden();
    if (row.version !== input.version) throw stale();
    const reports = await listAccidentReports(trx, id);
    const previous = reports.find((r) => r.level === level) ?? null;
    const label = reportLevelLabels[level];
    if (input.reportedAt === null && !previous) throw new AppError('validation_failed', `${label}尚未登记报告时间，无需撤销。`);
    const times = reportTimesOf(reports);
    if (input.reportedAt === null) delete times[level];
    else times[level] = input.reportedAt;
    const problem = checkReportTimes(row.occurred_at, times, now);
    if (problem) throw new AppError('validation_failed', problem);

    const at = now.toISOString();
    if (!(await bumpVersionIfVersion(trx, id, input.version, at))) throw stale();
    const reportedAt = input.reportedAt === null ? null : new Date(reportInstantMs(input.reportedAt)).toISOString();
    if (reportedAt === null) await deleteAccidentReport(trx, id, level);
    else await upsertAccidentReport(trx, { accidentId: id, level, reportedAt, by: actor.accountId, at });
    const after = (await findAccident(trx, id))!;
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'accident.recordReport', entityType: 'accident', entityId: id,
      organisationPath: row.organisation_path, unitId: row.territorial_unit_id,
      before: { level, reportedAt: previous?.reported_at ?? null, version: row.version },
      after: { level, reportedAt, version: after.version },
    }, now);
    return accidentDetailView(trx, after, now);
  });
}
