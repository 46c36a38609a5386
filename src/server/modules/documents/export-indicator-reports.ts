import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { indicatorReport } from '../../../domain/assessment/indicator-report';
import { reportStatus, reportStatusLabels } from '../../../domain/workflow/monthly-report';
import type { DB } from '../../db/schema';
import { buildIndicatorReportsWorkbook, type IndicatorReportRow } from '../../documents/xlsx-export';
import { reportRuleOf } from '../indicator-reports/monthly-reports';
import { listMonthlyReports } from '../indicator-reports/repository';
import { documentName, readableUnitIds, readResultCase } from './result-case';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';

/** The date in China (UTC+8), as YYYY-MM-DD. */

/**
 * 控制指标报表: each readable unit's control indicators month by month up to now (the whole year
 * once it is over): that month's count, the count to the month's end, and the share of the year
 * elapsed, with the month's deadline under the campaign's 月报报送期限, the date the unit
 * reported the month and whether on time (the same rule as 月度指标).
 */
export async function exportIndicatorReports(db: Kysely<DB>, actor: Actor, id: string, version: number | undefined, now: Date) {
  const c = await readResultCase(db, actor, id, version, now);
  const visible = readableUnitIds(actor, c);
  const year = c.row.year;
  const reported = new Map((await listMonthlyReports(db, c.row.id)).map((r) => [`${r.unit_id}\u0000${r.month}`, r.submitted_on]));
  const today = chinaDateOf(now);
  const lastMonth = Number(today.slice(0, 4)) > year ? 12 : Number(today.slice(0, 4)) < year ? 0 : Number(today.slice(5, 7));
  const ruleOf = await reportRuleOf(db, c.row);
  const rows: IndicatorReportRow[] = [];
  const before = new Map<string, number>();
  for (let month = 1; month <= lastMonth; month += 1) {
    const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const { graceDays, deadline } = ruleOf(month);
    for (const unit of indicatorReport(c.input, monthEnd)) {
      if (!visible.has(unit.unitId)) continue;
      unit.indicators.forEach((indicator, k) => {
        const key = `${unit.unitId}\u0000${k}`;
        const submitted = reported.get(`${unit.unitId}\u0000${month}`);
        rows.push({
          unit: unit.name,
          indicator: indicator.label,
          period: `${year}-${String(month).padStart(2, '0')}`,
          ceiling: indicator.indicator.ceiling,
          actual: indicator.actual - (before.get(key) ?? 0),
          cumulative: indicator.actual,
          yearElapsed: indicator.pace.elapsedBasisPoints / 10_000,
          deadline: new Date(`${deadline}T00:00:00Z`),
          reportedOn: submitted ? new Date(`${submitted.slice(0, 10)}T00:00:00Z`) : null,
          reportStatus: reportStatusLabels[reportStatus(year, month, submitted ?? null, today, graceDays)],
        });
        before.set(key, indicator.actual);
      });
    }
  }
  return { fileName: documentName(c, '控制指标报表', 'xlsx'), buffer: await buildIndicatorReportsWorkbook(rows) };
}
