/**
 * The generated campaign the workflow and web benchmarks share: a county with the given number of units
 * (bench/engine's generator, 100 criteria each) and accidents, stored through the
 * repositories in the state just before publication (publicity over, nothing to answer), with
 * one office account `bench-admin`.
 */
import { gradeAccident } from '../../src/domain/accidents/grade';
import type { Database } from '../../src/server/db/create-database';
import { createAccount } from '../../src/server/modules/accounts/create-account';
import { insertAccident, insertAccidentVersion } from '../../src/server/modules/accidents/repository';
import { insertItemScores } from '../../src/server/modules/assessments/repository';
import { insertCampaign, insertCampaignUnits, insertMetricValues, insertScheme } from '../../src/server/modules/campaigns/repository';
import { importTree } from '../../src/server/modules/organisations/import-tree';
import { generateCase } from '../engine/generate';

export const benchPassword = 'Bench-Passw0rd!';
export const benchCampaignId = 'bench-campaign';

export async function seedBenchCampaign(db: Database['db'], units: number, accidents: number): Promise<{ campaignId: string; unitIds: string[] }> {
  const parts = generateCase(units, accidents) as {
    scheme: { campaign: { name: string; year: number } };
    units: { units: { id: string; name: string; category: string }[] };
    scores: { scores: Record<string, Record<string, unknown>> };
    accidents: { accidents: { id: string; occurredAt: string; territorialUnit: string; regulatingUnit: string; deaths: number; seriousInjuries: number; directLoss: number; liability: boolean }[] };
    metrics: { metrics: Record<string, Record<string, number>> };
  };
  const now = new Date('2025-01-10T00:00:00Z');
  const at = now.toISOString();
  const unitList = parts.units.units;
  await db.transaction().execute((trx) => importTree(trx, {
    organisations: [
      { id: 'bp', parentId: null, name: '基准省', kind: 'province', divisionCode: null },
      { id: 'bc', parentId: 'bp', name: '基准市', kind: 'city', divisionCode: null },
      { id: 'bd', parentId: 'bc', name: '基准县', kind: 'county', divisionCode: null },
    ],
    ownerId: 'bd',
    units: unitList.map((u) => ({ id: u.id, name: u.name, category: u.category === 'town' ? 'territorial' : 'department', sectors: [], areaOrganisationId: null })),
  }, null, now));
  const { id: adminId } = await createAccount(db, { username: 'bench-admin', displayName: '基准管理员', password: benchPassword, role: 'committeeAdmin', organisationId: 'bd', unitId: null, assignedUnitIds: [] }, null, now);
  const campaignId = benchCampaignId;
  await db.transaction().execute(async (trx) => {
    // Stored in the state just before publication: publicity over, nothing to answer.
    await insertCampaign(trx, {
      id: campaignId, organisation_id: 'bd', name: parts.scheme.campaign.name, year: parts.scheme.campaign.year, period: null,
      state: 'publicity', scheme_version: 1, agreement_due: null, self_assessment_due: null, assessment_ends: null,
      publicity_days: 5, publicity_ends_at: '2025-01-05T00:00:00.000Z', approval_meeting: '基准会议', monthly_report_grace_days: 2,
      created_at: at, updated_at: at,
    });
    await insertScheme(trx, { campaignId, version: 1, scheme: parts.scheme, note: null, createdBy: null, at });
    await insertCampaignUnits(trx, campaignId, unitList.map(({ id, name: _name, ...fields }, i) => ({ unitId: id, sortOrder: i + 1, fields })));
    await insertItemScores(trx, Object.entries(parts.scores.scores).flatMap(([unitId, items]) =>
      Object.entries(items).map(([criterionId, input]) => ({ campaignId, unitId, kind: 'team' as const, criterionId, input, by: null, at }))));
    await insertMetricValues(trx, campaignId, Object.entries(parts.metrics.metrics).flatMap(([unitId, m]) =>
      Object.entries(m).map(([name, value]) => ({ unitId, name, value }))));
    for (const a of parts.accidents.accidents) {
      const { grade } = gradeAccident(a);
      await insertAccident(trx, {
        id: a.id, organisation_id: 'bd', occurred_at: a.occurredAt, place: null, territorial_unit_id: a.territorialUnit, sector: null,
        regulating_unit_id: a.regulatingUnit, enterprise: null, liability: a.liability ? 1 : 0, summary: null, deaths: a.deaths,
        serious_injuries: a.seriousInjuries, direct_loss: a.directLoss, grade, created_by: null, created_at: at, updated_at: at,
      });
      await insertAccidentVersion(trx, {
        accidentId: a.id, version: 1, deaths: a.deaths, seriousInjuries: a.seriousInjuries, directLoss: a.directLoss, grade, late: false, note: null, by: adminId, at,
      });
    }
  });
  return { campaignId, unitIds: unitList.map((u) => u.id) };
}

