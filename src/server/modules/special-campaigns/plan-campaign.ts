import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CampaignTask, SpecialCampaign } from '../../../domain/ledgers/training/campaign-progress';
import { validateCampaign } from '../../../domain/ledgers/training/campaign-progress';
import type { SpecialCampaignCreate } from '../../../shared/schemas/special-campaign';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { findLedgerUnit } from '../enterprises/repository';

type Phases = SpecialCampaignCreate['phases'];
type Tasks = SpecialCampaignCreate['tasks'];

/**
 * The domain's plan from the request, checked as a whole (validateCampaign: phases in order
 * without overlap, each task due inside its phase) and every task's unit a unit of the
 * campaign's organisation. Each refusal names the field.
 */
export async function checkedPlan(db: Kysely<DB>, organisationPath: string, id: string, name: string, phases: Phases, tasks: Tasks): Promise<SpecialCampaign> {
  const plan: SpecialCampaign = {
    id, nameZh: name,
    phases: phases.map((p) => ({ key: p.key, nameZh: p.name, from: p.from, to: p.to })),
    tasks: tasks.map((t): CampaignTask => ({ id: t.id ?? randomUUID().slice(0, 8), unitId: t.unitId, phaseKey: t.phaseKey, titleZh: t.title, dueOn: t.dueOn })),
  };
  const errors = validateCampaign(plan);
  if (errors.length > 0) throw new AppError('validation_failed', `请求体字段“phases”“tasks”：${errors.join('')}`);
  const checked = new Set<string>();
  for (const [i, t] of plan.tasks.entries()) {
    if (checked.has(t.unitId)) continue;
    const unit = await findLedgerUnit(db, t.unitId);
    if (!unit || !unit.organisation_path.startsWith(organisationPath)) {
      throw new AppError('validation_failed', `请求体字段“tasks.${i}.unitId”：单位“${t.unitId}”不存在或不属于本地区。`);
    }
    checked.add(t.unitId);
  }
  return plan;
}

/** The columns copied from the plan: its first and last day. */
export function planColumns(plan: SpecialCampaign) {
  return {
    starts_on: plan.phases[0]!.from, ends_on: plan.phases[plan.phases.length - 1]!.to,
    phases_json: JSON.stringify(plan.phases), tasks_json: JSON.stringify(plan.tasks),
  };
}
