import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { CampaignCreate, CampaignUnitInput } from '../../../shared/schemas/campaign';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { defaultGraceDays } from '../../../domain/workflow/monthly-report';
import { appendAudit } from '../audit/repository';
import { validateCase } from '../results/load-case';
import { toCampaignView } from './presenter';
import { readScheme } from './read-scheme';
import {
  findCampaign, findOrganisationPath, findUnitsForCampaign, insertCampaign, insertCampaignUnits, insertScheme,
  type CampaignUnitRecord,
} from './repository';

/**
 * Creates a campaign (考核活动) in preparation from a scheme and the units it assesses.
 * The scheme and the units are validated together by the rules engine, so a campaign that
 * is stored can always be assessed. The 月报报送期限 is the office's or 月末后 2 日内.
 */
export async function createCampaign(db: Kysely<DB>, actor: Actor, input: CampaignCreate, now: Date) {
  const scheme = readScheme(input.scheme);
  return db.transaction().execute(async (trx) => {
    const organisationPath = await findOrganisationPath(trx, input.organisationId);
    if (!organisationPath || !can(actor, 'campaign.read', { organisationPath })) throw notFound('组织');
    if (!can(actor, 'campaign.manage', { organisationPath })) throw forbidden();
    const records = await campaignUnitRecords(trx, organisationPath, input.units);
    const id = randomUUID();
    const engineUnits = await engineUnitsOf(trx, records);
    const parsed = validateCase({ scheme, units: { units: engineUnits } });
    const at = now.toISOString();
    await insertCampaign(trx, {
      id, organisation_id: input.organisationId, name: parsed.scheme.campaign.name, year: parsed.scheme.campaign.year,
      period: input.period ?? parsed.scheme.campaign.period ?? null, state: 'preparation', scheme_version: 1,
      agreement_due: input.dates?.agreementDue ?? null, self_assessment_due: input.dates?.selfAssessmentDue ?? null,
      assessment_ends: input.dates?.assessmentEnds ?? null, publicity_days: null, publicity_ends_at: null,
      approval_meeting: null, monthly_report_grace_days: input.dates?.monthlyReportGraceDays ?? defaultGraceDays, created_at: at, updated_at: at,
    });
    await insertScheme(trx, { campaignId: id, version: 1, scheme, note: null, createdBy: actor.accountId, at });
    await insertCampaignUnits(trx, id, records);
    const view = toCampaignView((await findCampaign(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'campaign.create', entityType: 'campaign', entityId: id,
      organisationPath, unitId: null, before: null, after: { ...view, units: records.length },
    }, now);
    return view;
  });
}

/**
 * Checks the units exist, belong to the organisation's tree and are listed once; returns
 * them in the given order with the engine fields to store.
 */
export async function campaignUnitRecords(
  db: Kysely<DB>,
  organisationPath: string,
  units: readonly CampaignUnitInput[],
): Promise<CampaignUnitRecord[]> {
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.unitId)) throw new AppError('validation_failed', `被考核单位“${u.unitId}”重复列出。`);
    seen.add(u.unitId);
  }
  const found = new Map((await findUnitsForCampaign(db, [...seen])).map((u) => [u.id, u]));
  return units.map((u, i) => {
    const unit = found.get(u.unitId);
    if (!unit || !unit.organisation_path.startsWith(organisationPath)) {
      throw new AppError('validation_failed', `被考核单位“${u.unitId}”不存在或不属于本组织。`);
    }
    const { unitId: _unitId, ...fields } = u;
    return { unitId: u.unitId, sortOrder: i + 1, fields: { ...fields, category: u.category ?? unit.category } };
  });
}

/** The engine's unit entries: id and name from the platform, the rest as stored. */
export async function engineUnitsOf(db: Kysely<DB>, records: readonly CampaignUnitRecord[]) {
  const names = new Map((await findUnitsForCampaign(db, records.map((r) => r.unitId))).map((u) => [u.id, u.name]));
  return records.map((r) => ({ id: r.unitId, name: names.get(r.unitId) ?? r.unitId, ...r.fields }));
}
