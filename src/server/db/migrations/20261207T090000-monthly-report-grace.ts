import type { Kysely } from 'kysely';

// 月报报送期限 (月末后 N 日内) as a campaign setting the office sets (domain/workflow/monthly-report.ts).
// Every campaign so far was judged against 月末后 2 日内, so existing campaigns take 2, as new
// ones do unless the office sets another rule.
// monthly_report_grace: the rule each month keeps once it has ended. When the office changes the
// rule, the months already ended are stored here at the rule they fell due under, so a report
// already given or due is never judged anew; the other months take the campaign's current rule.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaign').addColumn('monthly_report_grace_days', 'integer', (c) => c.notNull().defaultTo(2)).execute();
  await db.schema
    .createTable('monthly_report_grace')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('grace_days', 'integer', (c) => c.notNull())
    .addColumn('fixed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monthly_report_grace_pk', ['campaign_id', 'month'])
    .execute();
}
