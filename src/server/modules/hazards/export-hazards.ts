import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { canList, listScope } from '../../../domain/access/can';
import { HAZARD_GRADE_ZH } from '../../../domain/ledgers/hazard/hazard-card';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import { escalationLevelLabels, hazardFoundWayLabels, type HazardExportQuery } from '../../../shared/schemas/hazard';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { writeWorkbook } from '../../documents/xlsx-adapter';
import { toHazardView } from './presenter';
import { listHazardsForExport } from './repository';

/** Rows in one export; a larger ledger is exported filtered (by town, period …). */
export const EXPORT_LIMIT = 50_000;

/** 隐患台账 as Excel, with the ledger's filters; built from committed data, outside a transaction. */
export async function exportHazards(db: Kysely<DB>, actor: Actor, q: HazardExportQuery, now: Date): Promise<Buffer> {
  if (!canList(actor, 'hazard.read')) throw forbidden();
  const rows = await listHazardsForExport(db, listScope(actor, 'hazard.read'), q, chinaDateOf(now), EXPORT_LIMIT + 1);
  if (rows.length > EXPORT_LIMIT) {
    throw new AppError('validation_failed', `符合条件的隐患超过${EXPORT_LIMIT}条，请按镇（街道）、部门或发现日期缩小范围后再导出。`);
  }
  const views = rows.map((r) => toHazardView(r, now));
  return writeWorkbook([{
    name: '隐患台账',
    columns: [
      { header: '隐患编号', key: 'number' }, { header: '生产经营单位', key: 'enterprise' }, { header: '所属镇（街道）', key: 'town' },
      { header: '行业监管部门', key: 'department' }, { header: '行业领域', key: 'sector' }, { header: '发现日期', key: 'foundOn' },
      { header: '发现方式', key: 'foundWay' }, { header: '隐患描述', key: 'description', width: 40 }, { header: '隐患等级', key: 'grade' },
      { header: '状态', key: 'state' }, { header: '整改期限', key: 'deadline' }, { header: '逾期天数', key: 'daysOverdue' },
      { header: '督办', key: 'escalation' }, { header: '验收期限', key: 'acceptanceDueOn' }, { header: '逾期验收', key: 'lateAcceptance' },
      { header: '销号日期', key: 'closedOn' }, { header: '退回次数', key: 'returnCount' },
    ],
    rows: views.map((v) => ({
      number: v.number ?? '（未登记）', enterprise: v.enterpriseName, town: v.territorialUnitName, department: v.regulatingUnitName,
      sector: v.sectorLabel, foundOn: v.foundOn, foundWay: hazardFoundWayLabels[v.foundWay], description: v.description,
      grade: v.grade ? HAZARD_GRADE_ZH[v.grade] : '未定级', state: v.stateLabel, deadline: v.rectificationDeadline,
      daysOverdue: v.deadlineStatus.daysOverdue || null,
      escalation: v.escalation.level === 'none' ? null : `${escalationLevelLabels[v.escalation.level]}（${v.escalation.by ?? ''}）`,
      acceptanceDueOn: v.acceptanceDueOn, lateAcceptance: v.lateAcceptance ? '是' : null, closedOn: v.closedOn, returnCount: v.returnCount,
    })),
  }]);
}
