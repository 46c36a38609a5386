import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { CampaignCopy } from '../../../shared/schemas/campaign';
import { forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { validateCase } from '../results/load-case';
import { campaignUnitRecords, engineUnitsOf } from './create-campaign';
import { campaignResource, toCampaignView } from './presenter';
import {
  findCampaign, findScheme, insertCampaign, insertCampaignUnits, insertScheme, listCampaignUnits, type CampaignUnitRecord,
} from './repository';

/**
 * A new campaign from last year's: the current scheme with the new year (and name), the
 * same units in the same order with their fields, minus those removed, plus those added.
 * Scores, events and decisions belong to the old year and are not copied.
 */
export async function copyCampaign(db: Kysely<DB>, actor: Actor, sourceId: string, input: CampaignCopy, now: Date) {
  return db.transaction().execute(async (trx) => {
    const source = await findCampaign(trx, sourceId);
    if (!source || !can(actor, 'campaign.read', campaignResource(source))) throw notFound('考核活动');
    if (!can(actor, 'campaign.manage', campaignResource(source))) throw forbidden();
    const scheme = structuredClone(await findScheme(trx, sourceId, source.scheme_version)) as { campaign?: Record<string, unknown> };
    const name = input.name ?? source.name.replaceAll(String(source.year), String(input.year));
    scheme.campaign = { ...scheme.campaign, year: input.year, name };
    const removed = new Set(input.removeUnitIds ?? []);
    const kept: CampaignUnitRecord[] = (await listCampaignUnits(trx, sourceId))
      .filter((u) => !removed.has(u.unit_id))
      .map((u, i) => ({ unitId: u.unit_id, sortOrder: i + 1, fields: JSON.parse(u.unit_json) as Record<string, unknown> }));
    const added = await campaignUnitRecords(trx, source.organisation_path, [
      ...kept.map((k) => ({ unitId: k.unitId, category: String(k.fields.category) })),
      ...(input.addUnits ?? []),
    ]);
    const records = [...kept, ...added.slice(kept.length)].map((r, i) => ({ ...r, sortOrder: i + 1 }));
    const parsed = validateCase({ scheme, units: { units: await engineUnitsOf(trx, records) } });
    const id = randomUUID();
    const at = now.toISOString();
    await insertCampaign(trx, {
      id, organisation_id: source.organisation_id, name: parsed.scheme.campaign.name, year: input.year, period: source.period,
      state: 'preparation', scheme_version: 1, agreement_due: input.dates?.agreementDue ?? null,
      self_assessment_due: input.dates?.selfAssessmentDue ?? null, assessment_ends: input.dates?.assessmentEnds ?? null,
      publicity_days: null, publicity_ends_at: null, approval_meeting: null, created_at: at, updated_at: at,
    });
    await insertScheme(trx, { campaignId: id, version: 1, scheme, note: `复制自“${source.name}”`, createdBy: actor.accountId, at });
    await insertCampaignUnits(trx, id, records);
    const view = toCampaignView((await findCampaign(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'campaign.copy', entityType: 'campaign', entityId: id,
      organisationPath: source.organisation_path, unitId: null, before: { copiedFrom: sourceId }, after: { ...view, units: records.length },
    }, now);
    return view;
  });
}
