import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { gradeAccident } from '../../../domain/accidents/grade';
import { checkReportTimes, chinaOccurrence, occurrenceInFuture, reportInstantMs, reportLevels } from '../../../domain/accidents/reporting';
import type { AccidentCreate } from '../../../shared/schemas/accident';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findOrganisationPath } from '../campaigns/repository';
import { accidentDetailView } from './get-accident';
import { toAccidentView } from './presenter';
import { findAccident, insertAccident, insertAccidentVersion, unitsInTree, upsertAccidentReport } from './repository';

/**
 * Registers an accident. Its grade is computed from the figures (国务院令第493号第三条), never
 * typed; the first figures are kept as version 1 of the accident's history. The report times
 * already known (国务院令第493号第九条、第十条) may come with it.
 */
export async function recordAccident(db: Kysely<DB>, actor: Actor, input: AccidentCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const organisationPath = await findOrganisationPath(trx, input.organisationId);
    if (!organisationPath || !can(actor, 'accident.read', { organisationPath })) throw notFound('组织');
    if (!can(actor, 'accident.record', { organisationPath })) throw forbidden();
    const named = [input.territorialUnitId, input.regulatingUnitId].filter((u): u is string => u !== undefined);
    const known = await unitsInTree(trx, organisationPath, named);
    for (const u of named) if (!known.has(u)) throw new AppError('validation_failed', `单位“${u}”不存在或不属于本组织。`);
    const id = input.number ?? randomUUID();
    if (await findAccident(trx, id)) throw new AppError('conflict', `事故编号“${id}”已登记。`);
    const at = now.toISOString();
    const occurredAt = storedOccurrence(input.occurredAt);
    const future = occurrenceInFuture(occurredAt, now);
    if (future) throw new AppError('validation_failed', future);
    const reports = input.reports ?? {};
    const problem = checkReportTimes(occurredAt, reports, now);
    if (problem) throw new AppError('validation_failed', problem);
    const { grade } = gradeAccident(input);
    await insertAccident(trx, {
      id, organisation_id: input.organisationId, occurred_at: occurredAt, place: input.place ?? null,
      territorial_unit_id: input.territorialUnitId ?? null, sector: input.sector ?? null, regulating_unit_id: input.regulatingUnitId ?? null,
      enterprise: input.enterprise ?? null, liability: input.liability ? 1 : 0, summary: input.summary ?? null,
      deaths: input.deaths, serious_injuries: input.seriousInjuries, direct_loss: input.directLoss, grade,
      created_by: actor.accountId, created_at: at, updated_at: at,
    });
    await insertAccidentVersion(trx, {
      accidentId: id, version: 1, deaths: input.deaths, seriousInjuries: input.seriousInjuries, directLoss: input.directLoss,
      grade, late: false, note: null, by: actor.accountId, at,
    });
    const reportedAt: Record<string, string> = {};
    for (const level of reportLevels) {
      const time = reports[level];
      if (time === undefined) continue;
      reportedAt[level] = new Date(reportInstantMs(time)).toISOString();
      await upsertAccidentReport(trx, { accidentId: id, level, reportedAt: reportedAt[level], by: actor.accountId, at });
    }
    const row = (await findAccident(trx, id))!;
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'accident.record', entityType: 'accident', entityId: id,
      organisationPath, unitId: input.territorialUnitId ?? null, before: null,
      after: { ...toAccidentView(row), ...(Object.keys(reportedAt).length > 0 ? { reports: reportedAt } : {}) },
    }, now);
    return accidentDetailView(trx, row, now);
  });
}

/** The occurrence in China time as the register keeps it; a day or time that does not exist is named. */
function storedOccurrence(occurredAt: string): string {
  try {
    return chinaOccurrence(occurredAt);
  } catch {
    throw new AppError('validation_failed', `发生时间“${occurredAt}”不是有效的日期或时间。`);
  }
}
