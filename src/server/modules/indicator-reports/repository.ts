import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export async function listMonthlyReports(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('monthly_report').select(['unit_id', 'month', 'figures_json', 'submitted_on'])
    .where('campaign_id', '=', campaignId).execute();
}

export async function findMonthlyReport(db: Kysely<DB>, campaignId: string, unitId: string, month: number) {
  return db.selectFrom('monthly_report').select(['figures_json', 'submitted_on'])
    .where('campaign_id', '=', campaignId).where('unit_id', '=', unitId).where('month', '=', month).executeTakeFirst();
}

/** First submission sets the day that decides on time or late; a later one only replaces the figures. */
export async function saveMonthlyReport(
  db: Kysely<DB>,
  row: { campaignId: string; unitId: string; month: number; figures: Record<string, number>; submittedOn: string; by: string; at: string },
): Promise<void> {
  const figures = JSON.stringify(row.figures);
  await db.insertInto('monthly_report')
    .values({
      campaign_id: row.campaignId, unit_id: row.unitId, month: row.month, figures_json: figures,
      submitted_on: row.submittedOn, submitted_by: row.by, updated_at: row.at,
    })
    .onConflict((oc) => oc.columns(['campaign_id', 'unit_id', 'month']).doUpdateSet({ figures_json: figures, updated_at: row.at }))
    .execute();
}

/** The months of the campaign kept at an earlier 月报报送期限 (domain monthsToFix), month → grace days. */
export async function listFixedGraceDays(db: Kysely<DB>, campaignId: string): Promise<Map<number, number>> {
  const rows = await db.selectFrom('monthly_report_grace').select(['month', 'grace_days']).where('campaign_id', '=', campaignId).execute();
  return new Map(rows.map((r) => [r.month, r.grace_days]));
}

export async function insertFixedGraceDays(db: Kysely<DB>, campaignId: string, months: readonly number[], graceDays: number, at: string): Promise<void> {
  if (months.length === 0) return;
  await db.insertInto('monthly_report_grace')
    .values(months.map((month) => ({ campaign_id: campaignId, month, grace_days: graceDays, fixed_at: at })))
    .execute();
}
