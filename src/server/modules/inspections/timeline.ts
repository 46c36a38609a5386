import type { Kysely } from 'kysely';
import type { TimelineEntry } from '../../../domain/ledgers/enterprise/enterprise-file';
import type { InspectionView } from '../../../shared/schemas/inspection';
import { inspectionKindLabels } from '../../../shared/schemas/inspection';
import type { DB } from '../../db/schema';
import { toReportView } from './presenter';
import { listEnterpriseInspections, listEnterpriseReports, listFindings } from './repository';

/**
 * The enterprise's inspections and reports on its file's timeline (一企一档): a plan on its
 * planned day, a record on its inspection day with what it found, a report on its date.
 */
export async function inspectionTimeline(db: Kysely<DB>, enterpriseId: string): Promise<TimelineEntry[]> {
  const [inspections, reports] = await Promise.all([listEnterpriseInspections(db, enterpriseId), listEnterpriseReports(db, enterpriseId)]);
  const findings = await listFindings(db, inspections.filter((i) => i.inspected_on !== null).map((i) => i.id));
  return [
    ...inspections.map((i) => {
      const kind = inspectionKindLabels[i.kind as InspectionView['kind']];
      if (i.inspected_on === null) return { kind: 'inspection' as const, id: i.id, at: i.planned_on, titleZh: `计划${i.planned_on}${kind}` };
      const own = findings.filter((f) => f.inspection_id === i.id);
      const failed = own.filter((f) => f.compliant === 0).length;
      return { kind: 'inspection' as const, id: i.id, at: i.inspected_on, titleZh: `${kind}：检查${own.length}项，不符合${failed}项，建立隐患卡${failed}张` };
    }),
    ...reports.map(toReportView).map((r) => ({
      kind: 'expertReport' as const, id: r.id, at: r.reportedOn, titleZh: `${r.authorKindLabel}${r.authorName}报告《${r.title}》：${r.summary.slice(0, 60)}`,
    })),
  ];
}
