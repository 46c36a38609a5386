import type { Kysely } from 'kysely';

// The annual workflow (issue 4): a campaign with its scheme versions, assessed units, item
// scores, adjustment events, accidents with their figure versions, veto decisions, metrics,
// objections and the published result versions. Portable types only (text, integer).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaign')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('scheme_version', 'integer', (c) => c.notNull())
    .addColumn('agreement_due', 'text')
    .addColumn('self_assessment_due', 'text')
    .addColumn('assessment_ends', 'text')
    .addColumn('publicity_days', 'integer')
    .addColumn('publicity_ends_at', 'text')
    .addColumn('approval_meeting', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_organisation_idx').on('campaign').columns(['organisation_id', 'year']).execute();

  // Every edit of the scheme is a new version; the campaign points at the current one.
  await db.schema
    .createTable('campaign_scheme')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('scheme_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_scheme_pk', ['campaign_id', 'version'])
    .execute();

  // An assessed unit of a campaign; unit_json holds the engine's unit fields other than id
  // and name (category, regulates, rewardBase, persons, controlIndicators).
  await db.schema
    .createTable('campaign_unit')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('unit_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_unit_pk', ['campaign_id', 'unit_id'])
    .execute();

  // One criterion's input (the engine's item input: score, deductions, passed, 缺项) by the
  // unit itself (self) or by the assessment team (team).
  await db.schema
    .createTable('item_score')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('scored_by', 'text', (c) => c.references('account.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_score_pk', ['campaign_id', 'unit_id', 'kind', 'criterion_id'])
    .execute();

  await db.schema
    .createTable('self_assessment')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('self_assessment_pk', ['campaign_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('adjustment_event')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('times', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('adjustment_event_campaign_idx').on('adjustment_event').column('campaign_id').execute();

  // The accident register of an organisation (its committee). The current figures are on the
  // row; every change of them is kept in accident_version (国务院令第493号第十三条).
  await db.schema
    .createTable('accident')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('territorial_unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('sector', 'text')
    .addColumn('regulating_unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('enterprise', 'text')
    .addColumn('liability', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('deaths', 'integer', (c) => c.notNull())
    .addColumn('serious_injuries', 'integer', (c) => c.notNull())
    .addColumn('direct_loss', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accident_organisation_idx').on('accident').columns(['organisation_id', 'occurred_at']).execute();

  await db.schema
    .createTable('accident_version')
    .addColumn('accident_id', 'text', (c) => c.notNull().references('accident.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deaths', 'integer', (c) => c.notNull())
    .addColumn('serious_injuries', 'integer', (c) => c.notNull())
    .addColumn('direct_loss', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('account.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('accident_version_pk', ['accident_id', 'version'])
    .execute();

  // The office's decision on a veto proposal; a rejection becomes a vetoRejections entry.
  await db.schema
    .createTable('veto_decision')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('account.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('veto_decision_pk', ['campaign_id', 'unit_id', 'rule_id'])
    .execute();

  await db.schema
    .createTable('metric_value')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_value_pk', ['campaign_id', 'unit_id', 'name'])
    .execute();

  // 申诉 raised during publicity and the office's answer.
  await db.schema
    .createTable('objection')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.references('account.id'))
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('account.id'))
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('objection_campaign_idx').on('objection').column('campaign_id').execute();

  // Published results: an immutable snapshot per version, with the case it was computed
  // from (so a version's traces can be rebuilt) and, after the first, the correction reason.
  await db.schema
    .createTable('result_version')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('case_json', 'text', (c) => c.notNull())
    .addColumn('table_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_version_pk', ['campaign_id', 'version'])
    .execute();
}
