import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { SpecialCampaignUpdate } from '../../../shared/schemas/special-campaign';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { checkedPlan, planColumns } from './plan-campaign';
import { campaignOf, canOnWholeCampaign, canReadCampaign, toCampaignView } from './presenter';
import { findSpecialCampaign, listProgressReports, replaceCampaignUnits, unitNames, updateSpecialCampaignIfVersion } from './repository';

const stale = () => new AppError('stale_version', '该专项行动已被他人修改，请刷新后重试。');

/**
 * The office changes a campaign's plan (against the version read); the merged plan is checked
 * again. A task a unit has already reported on keeps its unit and cannot be dropped: its reports
 * would lose their task.
 */
export async function updateSpecialCampaign(db: Kysely<DB>, actor: Actor, id: string, input: SpecialCampaignUpdate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findSpecialCampaign(trx, id);
    if (!row || !canReadCampaign(actor, row)) throw notFound('专项行动');
    if (!canOnWholeCampaign(actor, 'specialCampaign.manage', row)) throw forbidden();
    if (row.version !== input.version) throw stale();
    const before = campaignOf(row);
    const name = input.name ?? row.name;
    const phases = input.phases ?? before.phases.map((p) => ({ key: p.key, name: p.nameZh, from: p.from, to: p.to }));
    const tasks = input.tasks ?? before.tasks.map((t) => ({ id: t.id, unitId: t.unitId, phaseKey: t.phaseKey, title: t.titleZh, dueOn: t.dueOn }));
    const plan = await checkedPlan(trx, row.organisation_path, id, name, phases, tasks);
    for (const r of await listProgressReports(trx, id)) {
      const task = plan.tasks.find((t) => t.id === r.task_id);
      const old = before.tasks.find((t) => t.id === r.task_id);
      if (!task) throw new AppError('conflict', `任务“${old?.titleZh ?? r.task_id}”已有进展报告，不能删除。`);
      if (task.unitId !== r.unit_id) throw new AppError('conflict', `任务“${task.titleZh}”已有进展报告，不能改由其他单位承担。`);
    }
    if (!(await updateSpecialCampaignIfVersion(trx, id, input.version, { name, kind: input.kind ?? row.kind, ...planColumns(plan) }, now.toISOString()))) throw stale();
    await replaceCampaignUnits(trx, id, plan.tasks.map((t) => t.unitId));
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'specialCampaign.update', entityType: 'special_campaign', entityId: id,
      organisationPath: row.organisation_path, unitId: null, before: { kind: row.kind, ...before }, after: { kind: input.kind ?? row.kind, ...plan },
    }, now);
    const after = (await findSpecialCampaign(trx, id))!;
    return toCampaignView(after, await unitNames(trx, plan.tasks.map((t) => t.unitId)), actor);
  });
}
