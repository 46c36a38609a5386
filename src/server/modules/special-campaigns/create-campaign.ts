import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { SpecialCampaignCreate } from '../../../shared/schemas/special-campaign';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findOrganisation } from '../organisations/repository';
import { checkedPlan, planColumns } from './plan-campaign';
import { canOnWholeCampaign, toCampaignView } from './presenter';
import { findSpecialCampaign, insertSpecialCampaign, replaceCampaignUnits, unitNames } from './repository';

/** 部署专项行动: the office plans the phases and gives each unit its tasks. */
export async function createSpecialCampaign(db: Kysely<DB>, actor: Actor, input: SpecialCampaignCreate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const org = await findOrganisation(trx, input.organisationId);
    if (!org) throw new AppError('validation_failed', `请求体字段“organisationId”：组织“${input.organisationId}”不存在。`);
    if (!canOnWholeCampaign(actor, 'specialCampaign.manage', { organisation_path: org.path })) throw forbidden();
    const id = randomUUID();
    const plan = await checkedPlan(trx, org.path, id, input.name, input.phases, input.tasks);
    const at = now.toISOString();
    await insertSpecialCampaign(trx, {
      id, organisation_id: org.id, name: input.name, kind: input.kind, ...planColumns(plan), created_by: actor.accountId, created_at: at, updated_at: at,
    });
    await replaceCampaignUnits(trx, id, plan.tasks.map((t) => t.unitId));
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'specialCampaign.create', entityType: 'special_campaign', entityId: id,
      organisationPath: org.path, unitId: null, before: null, after: { kind: input.kind, ...plan },
    }, now);
    const row = (await findSpecialCampaign(trx, id))!;
    return toCampaignView(row, await unitNames(trx, plan.tasks.map((t) => t.unitId)), actor);
  });
}
