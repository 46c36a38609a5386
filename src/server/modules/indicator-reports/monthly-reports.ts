import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { attributeAccidents } from '../../../domain/assessment/attribution';
import type { AssessmentCase } from '../../../domain/assessment/case';
import { indicatorReport } from '../../../domain/assessment/indicator-report';
import { graceDaysOf, graceDaysText, reportDeadline, reportStatus, reportStatusLabels } from '../../../domain/workflow/monthly-report';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { campaignUnitFor } from '../assessments/save-item-scores';
import { appendAudit } from '../audit/repository';
import { campaignResource, campaignUnitResource } from '../campaigns/presenter';
import { findCampaign, type CampaignRow } from '../campaigns/repository';
import { loadCase } from '../results/load-case';
import { findMonthlyReport, listFixedGraceDays, listMonthlyReports, saveMonthlyReport } from './repository';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';

/** The calendar day in China (UTC+8), in which report deadlines are counted. */

/** States of the year in which units report monthly figures (the December report comes in January). */
export const reporting = new Set(['inProgress', 'selfAssessment', 'assessment']);

/**
 * The campaign's 月报报送期限 month by month: the months kept at an earlier rule when it changed
 * after they had ended, the others at the campaign's current rule (domain graceDaysOf).
 */
export async function reportRuleOf(db: Kysely<DB>, row: Pick<CampaignRow, 'id' | 'year' | 'monthly_report_grace_days'>) {
  const fixed = await listFixedGraceDays(db, row.id);
  return (month: number) => {
    const graceDays = graceDaysOf(month, row.monthly_report_grace_days, fixed);
    return { graceDays, deadline: reportDeadline(row.year, month, graceDays) };
  };
}

/**
 * Each unit's monthly reports for the campaign's year: status against the deadline (domain
 * reportStatus: month end + the campaign's grace days for that month; late and missing flagged), the typed figures, and the
 * accident figures derived from the register for the unit (its area, or the sectors it
 * regulates), never typed.
 */
export async function monthlyOverview(db: Kysely<DB>, row: CampaignRow, now: Date, loaded?: AssessmentCase) {
  const input = loaded ?? await loadCase(db, row, now);
  const today = chinaDateOf(now);
  const reports = new Map((await listMonthlyReports(db, row.id)).map((r) => [`${r.unit_id}\u0000${r.month}`, r]));
  const { area, sector } = attributeAccidents(input.units, input.accidents);
  const ruleOf = await reportRuleOf(db, row);
  return input.units.map((u) => {
    const territorial = input.compiled.categoryById.get(u.category)?.responsibility === 'territorial';
    const own = (territorial ? area : sector).get(u.id) ?? [];
    return {
      unitId: u.id,
      name: u.name,
      months: Array.from({ length: 12 }, (_, i) => {
        const month = i + 1;
        const report = reports.get(`${u.id}\u0000${month}`);
        const { graceDays, deadline } = ruleOf(month);
        const status = reportStatus(row.year, month, report?.submitted_on ?? null, today, graceDays);
        const inMonth = own.filter((a) => Number(a.occurredAt.slice(5, 7)) === month);
        return {
          month,
          deadline,
          graceDays,
          rule: graceDaysText(graceDays),
          status,
          statusLabel: reportStatusLabels[status],
          submittedOn: report?.submitted_on ?? null,
          figures: report ? (JSON.parse(report.figures_json) as Record<string, number>) : null,
          derived: {
            accidents: inMonth.length,
            deaths: inMonth.reduce((n, a) => n + a.deaths, 0),
            seriousInjuries: inMonth.reduce((n, a) => n + a.seriousInjuries, 0),
          },
        };
      }),
    };
  });
}

export async function listUnitMonthlyReports(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await findCampaign(db, id);
  if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
  const input = await loadCase(db, row, now);
  const today = chinaDateOf(now);
  // Pace is judged as of today within the campaign's year, or its last day once the year is over.
  const asOf = today.slice(0, 4) > String(row.year) ? `${row.year}-12-31` : today;
  const indicators = new Map(indicatorReport(input, asOf).map((r) => [r.unitId, r.indicators]));
  const items = (await monthlyOverview(db, row, now, input))
    .filter((u) => can(actor, 'unit.read', campaignUnitResource(row, u.unitId)))
    .map((u) => ({
      ...u,
      indicators: (indicators.get(u.unitId) ?? []).map((i) => ({
        label: i.label, ceiling: i.indicator.ceiling, actual: i.actual, breached: i.breached,
        usedBasisPoints: i.pace.usedBasisPoints, elapsedBasisPoints: i.pace.elapsedBasisPoints, aheadOfPace: i.pace.aheadOfPace,
      })),
    }));
  return { year: row.year, today, asOf, graceDays: row.monthly_report_grace_days, rule: graceDaysText(row.monthly_report_grace_days), items };
}

export async function submitMonthlyReport(
  db: Kysely<DB>, actor: Actor, id: string, unitId: string, month: number, figures: Record<string, number>, now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const row = await campaignUnitFor(trx, actor, id, unitId);
    if (!can(actor, 'report.submit', campaignUnitResource(row, unitId))) throw forbidden();
    if (!reporting.has(row.state)) throw new AppError('conflict', '考核活动不在年度执行期间，不能报送月报。');
    const today = chinaDateOf(now);
    if (today <= reportDeadline(row.year, month, 0)) throw new AppError('conflict', `${row.year}年${month}月尚未结束，月末后再报送。`);
    const before = await findMonthlyReport(trx, id, unitId, month);
    const submittedOn = before?.submitted_on ?? today;
    await saveMonthlyReport(trx, { campaignId: id, unitId, month, figures, submittedOn, by: actor.accountId, at: now.toISOString() });
    const { graceDays } = (await reportRuleOf(trx, row))(month);
    const status = reportStatus(row.year, month, submittedOn, today, graceDays);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'monthlyReport.submit', entityType: 'monthly_report', entityId: `${id}/${unitId}/${month}`,
      organisationPath: row.organisation_path, unitId,
      before: before ? { figures: JSON.parse(before.figures_json) as unknown } : null, after: { month, figures, submittedOn, status },
    }, now);
    const unit = (await monthlyOverview(trx, row, now)).find((u) => u.unitId === unitId)!;
    return { unitId, ...unit.months[month - 1]! };
  });
}
