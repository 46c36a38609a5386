import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { changeCampaignDates } from '../../../domain/workflow/campaign-dates';
import { firstOpenMonth, graceDaysText, monthsToFix } from '../../../domain/workflow/monthly-report';
import type { CampaignDatesUpdate } from '../../../shared/schemas/campaign';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { insertFixedGraceDays, listFixedGraceDays } from '../indicator-reports/repository';
import { staleCampaign } from './change-campaign-state';
import { campaignResource, toCampaignView } from './presenter';
import { findCampaign, updateCampaignIfVersion } from './repository';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';

/**
 * 修改考核活动日期 (by the office of the campaign's organisation): the deadlines and the planned
 * publicity days, read at `version`. The domain decides which may still change in the
 * campaign's state and their order (domain/workflow/campaign-dates.ts); a refusal names the
 * field and changes nothing. Giving the dates as they are changes nothing and writes nothing.
 * A new 月报报送期限 applies to the months not yet ended today (China time); the months already
 * ended are stored at the rule they fell due under first, in the same transaction, so no report
 * given or due is judged anew (domain/workflow/monthly-report.ts).
 */
export async function updateCampaignDates(db: Kysely<DB>, actor: Actor, id: string, input: CampaignDatesUpdate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findCampaign(trx, id);
    if (!row || !can(actor, 'campaign.read', campaignResource(row))) throw notFound('考核活动');
    if (!can(actor, 'campaign.manage', campaignResource(row))) throw forbidden();
    if (row.version !== input.version) throw staleCampaign();
    const { version: _version, ...change } = input;
    if (Object.keys(change).length === 0) throw new AppError('validation_failed', '请至少填写一个要修改的日期。');
    const today = chinaDateOf(now);
    const outcome = changeCampaignDates(row.state, {
      agreementDue: row.agreement_due, selfAssessmentDue: row.self_assessment_due, assessmentEnds: row.assessment_ends, publicityDays: row.publicity_days,
      monthlyReportGraceDays: row.monthly_report_grace_days,
    }, change, { year: row.year, today });
    if (!outcome.ok) throw new AppError('validation_failed', `${outcome.message}。`);
    const before = toCampaignView(row);
    if (outcome.changed.length === 0) return before;
    const at = now.toISOString();
    const { dates } = outcome;
    const written = await updateCampaignIfVersion(trx, id, row.version, {
      agreement_due: dates.agreementDue, self_assessment_due: dates.selfAssessmentDue, assessment_ends: dates.assessmentEnds, publicity_days: dates.publicityDays,
      monthly_report_grace_days: dates.monthlyReportGraceDays,
    }, at);
    if (!written) throw staleCampaign();
    // The months already ended keep the rule they fell due under; the audit names them.
    let kept: Record<string, string> = {};
    if (outcome.changed.includes('monthlyReportGraceDays')) {
      const months = monthsToFix(row.year, today, await listFixedGraceDays(trx, id));
      await insertFixedGraceDays(trx, id, months, row.monthly_report_grace_days, at);
      // changeCampaignDates refuses once December has ended, so some month is still open.
      const firstOpen = firstOpenMonth(row.year, today) ?? 12;
      kept = {
        monthlyReportRuleApplies: `${row.year}年${firstOpen}月起的月报按${graceDaysText(dates.monthlyReportGraceDays)}报送`,
        ...(months.length > 0 ? { monthlyReportMonthsKept: `${months.map((m) => `${m}月`).join('、')}已结束，仍按${graceDaysText(row.monthly_report_grace_days)}` } : {}),
      };
    }
    const after = toCampaignView((await findCampaign(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'campaign.updateDates', entityType: 'campaign', entityId: id,
      organisationPath: row.organisation_path, unitId: null,
      before: Object.fromEntries(outcome.changed.map((f) => [f, before[f]])),
      after: { ...Object.fromEntries(outcome.changed.map((f) => [f, after[f]])), ...kept },
    }, now);
    return after;
  });
}
