import type { Kysely } from 'kysely';

// Assessment teams (考核组) of a campaign: members, the units each team assesses (a unit in
// at most one team per campaign), each member's own item scores when a team has several
// members, the leader's confirmation of the team score, and evidence files on item scores.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_team')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('leader_id', 'text', (c) => c.references('account.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_team_campaign_idx').on('assessment_team').columns(['campaign_id', 'name']).unique().execute();

  await db.schema
    .createTable('assessment_team_member')
    .addColumn('team_id', 'text', (c) => c.notNull().references('assessment_team.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addPrimaryKeyConstraint('assessment_team_member_pk', ['team_id', 'account_id'])
    .execute();
  await db.schema.createIndex('assessment_team_member_account_idx').on('assessment_team_member').column('account_id').execute();

  // The primary key on (campaign, unit) keeps a unit in at most one team per campaign.
  await db.schema
    .createTable('assessment_team_unit')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('assessment_team.id'))
    .addPrimaryKeyConstraint('assessment_team_unit_pk', ['campaign_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('assessment_team_unit_team_idx').on('assessment_team_unit').column('team_id').execute();

  // One member's input for one criterion, kept apart until the leader confirms the team score.
  await db.schema
    .createTable('member_item_score')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_item_score_pk', ['campaign_id', 'unit_id', 'account_id', 'criterion_id'])
    .execute();

  // The leader's confirmation of a unit's team score; reasons_json: criterion id → why the
  // confirmed score differs from the members' mean.
  await db.schema
    .createTable('team_score_confirmation')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('assessment_team.id'))
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.references('account.id'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('team_score_confirmation_pk', ['campaign_id', 'unit_id'])
    .execute();

  // Uploaded files attached as evidence to one criterion's self or team score.
  await db.schema
    .createTable('item_evidence')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_file.id'))
    .addColumn('attached_by', 'text', (c) => c.references('account.id'))
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_evidence_pk', ['campaign_id', 'unit_id', 'kind', 'criterion_id', 'file_id'])
    .execute();
}
