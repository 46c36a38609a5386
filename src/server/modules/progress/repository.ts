import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export async function listSelfAssessments(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('self_assessment').select(['unit_id', 'state', 'submitted_at']).where('campaign_id', '=', campaignId).execute();
}

/** How many criteria each unit has entered, by kind (self / team). */
export async function countItemScores(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('item_score')
    .select(['unit_id', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy(['unit_id', 'kind'])
    .execute();
}

export async function countOpenObjectionsByUnit(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('objection')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', campaignId).where('answer', 'is', null)
    .groupBy('unit_id')
    .execute();
}

/** Each unit's agreement state (责任书), for the signed count. */
export async function listAgreementStatesOf(db: Kysely<DB>, campaignId: string) {
  return db.selectFrom('agreement').select(['unit_id', 'state']).where('campaign_id', '=', campaignId).execute();
}
