import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { accidentGradeLabels } from '../../../domain/accidents/grade';
import type { ControlIndicator } from '../../../domain/indicators/control-indicator';
import type { AssessmentCase } from '../../../domain/assessment/case';
import type { AgreementView } from '../../../shared/schemas/agreement';
import type { UnitContacts } from '../../../shared/schemas/unit';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignResource } from '../campaigns/presenter';
import { loadCaseParts, validateCase } from '../results/load-case';
import { listUnitContacts } from '../units/repository';
import { assertAgreementsOpen, visibleCampaign } from './agreement-for';
import { auditedAgreement, toAgreementView } from './presenter';
import { findAgreement, insertAgreements, listAgreementUnitIds } from './repository';

type CaseUnit = AssessmentCase['units'][number];

/**
 * Control indicators a new agreement starts from: the unit's own indicators in the campaign
 * (as copied from last year or entered with the units); otherwise one indicator per accident
 * veto rule of the scheme that applies to the unit and counts accidents of a grade (较大事故
 * vetoes → 较大及以上事故起数 ≤ 0), because breaking such a line vetoes the year anyway.
 */
export function prefilledIndicators(input: AssessmentCase, unit: CaseUnit): ControlIndicator[] {
  if (unit.controlIndicators && unit.controlIndicators.length > 0) return unit.controlIndicators.map((i) => ({ ...i }));
  const indicators: ControlIndicator[] = [];
  for (const rule of input.compiled.vetoRules) {
    if (rule.type !== 'accident' || !rule.minGrade) continue;
    if (rule.appliesTo && !rule.appliesTo.includes(unit.category)) continue;
    indicators.push({
      kind: 'accidents', minGrade: rule.minGrade, ceiling: rule.minCount - 1,
      ...(rule.liabilityOnly ? { liabilityOnly: true } : {}),
      ...(rule.sectors?.length === 1 ? { sector: rule.sectors[0] } : {}),
    });
  }
  return indicators;
}

function prefilledTargets(input: AssessmentCase, unit: CaseUnit, indicators: readonly ControlIndicator[]): string[] {
  const targets = ['落实安全生产“党政同责、一岗双责、齐抓共管、失职追责”，健全本单位安全生产责任体系'];
  const worst = indicators.find((i) => i.kind === 'accidents' && i.minGrade && i.minGrade !== 'general' && i.ceiling === 0);
  if (worst?.minGrade) targets.push(`杜绝${accidentGradeLabels[worst.minGrade]}及以上生产安全事故，各项控制指标不突破`);
  else targets.push('各项安全生产控制指标不突破');
  const category = input.compiled.categoryById.get(unit.category);
  targets.push(`${input.scheme.campaign.year}年度安全生产目标管理考核${category ? `（${category.name}类）` : ''}达到合格以上`);
  return targets;
}

/** Key tasks: the scheme's top-level criteria that apply to the unit's category, by name. */
function prefilledKeyTasks(input: AssessmentCase, unit: CaseUnit): string[] {
  return input.scheme.criteria
    .filter((c) => !c.appliesTo || c.appliesTo.includes(unit.category))
    .map((c) => c.name);
}

/**
 * Who signs for the unit: the person the campaign's unit facts name for the role, else the one
 * the unit registry (单位与组织) keeps.
 */
function personOf(unit: CaseUnit, role: '主要负责人' | '分管负责人', registry: UnitContacts | undefined): string | null {
  const inCampaign = unit.persons?.find((p) => p.role.includes(role))?.name;
  if (inCampaign) return inCampaign;
  return (role === '主要负责人' ? registry?.principal?.name : registry?.deputy?.name) ?? null;
}

/**
 * Drafts an agreement for every assessed unit of the campaign that has none yet (or for the
 * units named), prefilled from the campaign's units and scheme, each with its audit record.
 */
export async function draftAgreements(
  db: Kysely<DB>, actor: Actor, id: string, unitIds: readonly string[] | undefined, now: Date,
): Promise<{ created: number; items: AgreementView[] }> {
  return db.transaction().execute(async (trx) => {
    const campaign = await visibleCampaign(trx, actor, id);
    if (!can(actor, 'campaign.manage', campaignResource(campaign))) throw forbidden();
    assertAgreementsOpen(campaign);
    const input = validateCase(await loadCaseParts(trx, campaign, now));
    const assessed = new Map(input.units.map((u) => [u.id, u]));
    const unknown = (unitIds ?? []).filter((u) => !assessed.has(u));
    if (unknown.length > 0) {
      throw new AppError('validation_failed', `请求体字段“unitIds”：${unknown.slice(0, 5).join('、')} 不是本考核活动的被考核单位。`);
    }
    const existing = await listAgreementUnitIds(trx, id);
    const wanted = unitIds ? new Set(unitIds) : null;
    const units = input.units.filter((u) => !existing.has(u.id) && (!wanted || wanted.has(u.id)));
    const at = now.toISOString();
    const contacts = await listUnitContacts(trx, units.map((u) => u.id));
    const rows = units.map((unit) => {
      const indicators = prefilledIndicators(input, unit);
      return {
        campaign_id: id, unit_id: unit.id, state: 'drafted',
        targets_json: JSON.stringify(prefilledTargets(input, unit, indicators)),
        control_indicators_json: JSON.stringify(indicators),
        key_tasks_json: JSON.stringify(prefilledKeyTasks(input, unit)),
        unit_principal: personOf(unit, '主要负责人', contacts.get(unit.id)), unit_deputy: personOf(unit, '分管负责人', contacts.get(unit.id)),
        government_signatory: null,
        signed_on: null, scanned_file_id: null, created_at: at, updated_at: at,
      };
    });
    await insertAgreements(trx, rows);
    const items: AgreementView[] = [];
    for (const unit of units) {
      const view = toAgreementView((await findAgreement(trx, id, unit.id))!);
      items.push(view);
      await appendAudit(trx, {
        actorId: actor.accountId, action: 'agreement.draft', entityType: 'agreement', entityId: `${id}/${unit.id}`,
        organisationPath: campaign.organisation_path, unitId: unit.id, before: null, after: auditedAgreement(view),
      }, now);
    }
    return { created: items.length, items };
  });
}
