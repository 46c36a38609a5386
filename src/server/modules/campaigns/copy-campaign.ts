import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { CampaignCopy } from '../../../shared/schemas/campaign';
import { forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { validateCase } from '../results/load-case';
import { findAccounts, insertTeam, listTeamMembers, listTeams, listTeamUnits, replaceTeamMembers, replaceTeamUnits } from '../teams/repository';
import { campaignUnitRecords, engineUnitsOf } from './create-campaign';
import { campaignResource, toCampaignView } from './presenter';
import {
  findCampaign, findScheme, insertCampaign, insertCampaignUnits, insertScheme, listCampaignUnits, type CampaignUnitRecord,
} from './repository';

/**
 * A new campaign from last year's: the current scheme with the new year (and name), the
 * same units in the same order with their fields, minus those removed, plus those added.
 * The assessment teams come along: each team with its members and leader (accounts since
 * disabled left out and named in the answer; a disabled leader leaves the team without one)
 * and its units among those copied. Scores, events and decisions belong to the old year and
 * are not copied. The 月报报送期限 is last year's rule as it stood at the end (the months it
 * kept at earlier rules belong to last year), unless the office sets another.
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
      publicity_days: null, publicity_ends_at: null, approval_meeting: null,
      monthly_report_grace_days: input.dates?.monthlyReportGraceDays ?? source.monthly_report_grace_days, created_at: at, updated_at: at,
    });
    await insertScheme(trx, { campaignId: id, version: 1, scheme, note: `复制自“${source.name}”`, createdBy: actor.accountId, at });
    await insertCampaignUnits(trx, id, records);
    const teams = await copyTeams(trx, sourceId, id, new Set(records.map((r) => r.unitId)), at);
    const view = toCampaignView((await findCampaign(trx, id))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'campaign.copy', entityType: 'campaign', entityId: id,
      organisationPath: source.organisation_path, unitId: null, before: { copiedFrom: sourceId }, after: { ...view, units: records.length, teams },
    }, now);
    return { ...view, teams };
  });
}

/** Copies the source campaign's teams into the new one (see copyCampaign). */
async function copyTeams(trx: Kysely<DB>, sourceId: string, targetId: string, copiedUnits: ReadonlySet<string>, at: string) {
  const teams = await listTeams(trx, sourceId);
  const members = await listTeamMembers(trx, teams.map((t) => t.id));
  const disabled = new Set((await findAccounts(trx, [...new Set(members.map((m) => m.account_id))])).filter((a) => a.disabled !== 0).map((a) => a.id));
  const units = await listTeamUnits(trx, sourceId);
  const out = [];
  for (const team of teams) {
    const ofTeam = members.filter((m) => m.team_id === team.id);
    const kept = ofTeam.filter((m) => !disabled.has(m.account_id)).map((m) => m.account_id);
    const unitIds = units.filter((u) => u.team_id === team.id && copiedUnits.has(u.unit_id)).map((u) => u.unit_id);
    const teamId = randomUUID();
    const leaderId = team.leader_id && !disabled.has(team.leader_id) ? team.leader_id : null;
    await insertTeam(trx, { id: teamId, campaignId: targetId, name: team.name, leaderId, at });
    await replaceTeamMembers(trx, teamId, kept);
    await replaceTeamUnits(trx, targetId, teamId, unitIds);
    out.push({
      teamId, name: team.name, memberCount: kept.length, unitCount: unitIds.length,
      leftOutMembers: ofTeam.filter((m) => disabled.has(m.account_id)).map((m) => ({ accountId: m.account_id, displayName: m.display_name })),
    });
  }
  return out;
}
