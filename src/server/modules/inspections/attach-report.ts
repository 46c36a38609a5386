import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { chinaDateOf, isLocalDate } from '../../../domain/ledgers/shared/dates';
import type { InspectionReportCreate } from '../../../shared/schemas/inspection';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { canOnEnterprise } from '../enterprises/presenter';
import { findEnterprise } from '../enterprises/repository';
import { findStoredFile } from '../files/repository';
import { inspectionToChange } from './get-inspection';
import { toReportView } from './presenter';
import { findReport, insertReport } from './repository';

const field = (name: string, why: string) => new AppError('validation_failed', `请求体字段“${name}”：${why}`);

/** Where a report is attached: to one inspection, or to the enterprise (诊断检查 outside any inspection). */
export type ReportTarget = { inspectionId: string } | { enterpriseId: string };

/**
 * 专家、安全生产服务机构的检查报告: attached by whoever may change the inspection (or, without
 * one, the enterprise's inspections). The file, when given, is one uploaded first that the actor
 * may read.
 */
export async function attachReport(db: Kysely<DB>, actor: Actor, target: ReportTarget, input: InspectionReportCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    let place: { organisationId: string; organisationPath: string; enterpriseId: string; inspectionId: string | null; unitId: string };
    if ('inspectionId' in target) {
      const row = await inspectionToChange(trx, actor, target.inspectionId);
      place = { organisationId: row.organisation_id, organisationPath: row.organisation_path, enterpriseId: row.enterprise_id, inspectionId: row.id, unitId: row.territorial_unit_id };
    } else {
      const enterprise = await findEnterprise(trx, target.enterpriseId);
      if (!enterprise || !canOnEnterprise(actor, 'enterprise.read', enterprise)) throw notFound('生产经营单位');
      if (!canOnEnterprise(actor, 'inspection.manage', enterprise)) throw forbidden();
      place = { organisationId: enterprise.organisation_id, organisationPath: enterprise.organisation_path, enterpriseId: enterprise.id, inspectionId: null, unitId: enterprise.territorial_unit_id };
    }
    const today = chinaDateOf(now);
    if (!isLocalDate(input.reportedOn)) throw field('reportedOn', `“${input.reportedOn}”不是有效日期。`);
    if (input.reportedOn > today) throw field('reportedOn', `报告日期不能晚于今天（${today}）。`);
    if (input.fileId !== undefined) {
      const file = await findStoredFile(trx, input.fileId);
      if (!file || !can(actor, 'file.read', { organisationPath: file.organisation_path, unitId: file.unit_id })) {
        throw field('fileId', `报告文件“${input.fileId}”不存在或无权查看。`);
      }
    }
    const id = randomUUID();
    await insertReport(trx, {
      id, organisation_id: place.organisationId, enterprise_id: place.enterpriseId, inspection_id: place.inspectionId,
      author_kind: input.authorKind, author_name: input.authorName, title: input.title, file_id: input.fileId ?? null,
      summary: input.summary, reported_on: input.reportedOn, created_by: actor.accountId, created_at: now.toISOString(),
    });
    const view = toReportView(await findReport(trx, id));
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'inspection.report', entityType: 'inspection_report', entityId: id, organisationPath: place.organisationPath,
      unitId: place.unitId, before: null, after: view,
    }, now);
    return view;
  });
}
