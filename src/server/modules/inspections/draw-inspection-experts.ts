import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { drawExperts } from '../../../domain/ledgers/expert/draw-experts';
import { createSeededRandom } from '../../../domain/ledgers/shared/random';
import type { InspectionDraw } from '../../../shared/schemas/inspection';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { canOnEnterprise } from '../enterprises/presenter';
import { findEnterprise } from '../enterprises/repository';
import { expertOf } from '../experts/presenter';
import { listPoolFor } from '../experts/repository';
import { inspectionToChange, inspectionViews } from './get-inspection';
import type { StoredDrawing } from './presenter';
import { findInspection, updateInspectionIfVersion } from './repository';

export const staleInspection = () => new AppError('stale_version', '该检查已被他人修改，请刷新后重试。');

/**
 * 随机抽取专家: drawn from the pool of the inspection's organisation and those above it, for the
 * planned day, with recusal (回避) of experts tied to the enterprise or the related ones named
 * (draw-experts.ts). The seed comes from the server and is stored with the slots, the experts
 * drawn and the recusals, so the drawing can be replayed and audited. A new drawing before the
 * record replaces the last one (both stay in the audit log); after the record there is none.
 */
export async function drawInspectionExperts(db: Kysely<DB>, actor: Actor, id: string, input: InspectionDraw, now: Date, seed: number) {
  return db.transaction().execute(async (trx) => {
    const row = await inspectionToChange(trx, actor, id);
    if (row.version !== input.version) throw staleInspection();
    if (row.inspected_on !== null) throw new AppError('conflict', `该检查已于${row.inspected_on}登记检查记录，不能再抽取专家。`);
    for (const [i, related] of (input.relatedEnterpriseIds ?? []).entries()) {
      const enterprise = await findEnterprise(trx, related);
      if (!enterprise || !canOnEnterprise(actor, 'enterprise.read', enterprise)) {
        throw new AppError('validation_failed', `请求体字段“relatedEnterpriseIds.${i}”：生产经营单位“${related}”不存在或无权查看。`);
      }
    }
    const pool = await listPoolFor(trx, row.organisation_path);
    const byId = new Map(pool.map((e) => [e.id, e]));
    const result = drawExperts(pool.map(expertOf), {
      enterpriseId: row.enterprise_id, relatedEnterpriseIds: input.relatedEnterpriseIds ?? [], inspectionDate: row.planned_on, slots: input.slots,
    }, createSeededRandom(seed));
    if (!result.ok) throw new AppError(result.code === 'expert.notEnough' ? 'conflict' : 'validation_failed', result.messageZh);
    const drawing: StoredDrawing = {
      slots: input.slots.map((s) => ({ specialty: s.specialty, count: s.count, levels: s.levels ?? [] })),
      experts: result.drawn.map((d) => ({ expertId: d.expertId, name: byId.get(d.expertId)!.name, specialty: d.specialty, level: expertOf(byId.get(d.expertId)!).level })),
      recusals: result.recused.map((r) => ({ expertId: r.expertId, name: byId.get(r.expertId)!.name, reasons: [...r.reasonsZh] })),
    };
    const at = now.toISOString();
    const set = {
      draw_slots_json: JSON.stringify(drawing.slots), drawn_experts_json: JSON.stringify(drawing.experts),
      draw_recusals_json: JSON.stringify(drawing.recusals), draw_seed: seed, drawn_at: at, drawn_by: actor.accountId,
    };
    if (!(await updateInspectionIfVersion(trx, id, input.version, set, at))) throw staleInspection();
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'inspection.draw', entityType: 'inspection', entityId: id, organisationPath: row.organisation_path,
      unitId: row.territorial_unit_id,
      before: { seed: row.draw_seed, experts: row.drawn_experts_json === null ? null : JSON.parse(row.drawn_experts_json) as unknown, version: row.version },
      after: { seed, relatedEnterpriseIds: input.relatedEnterpriseIds ?? [], ...drawing, version: row.version + 1 },
    }, now);
    return (await inspectionViews(trx, [(await findInspection(trx, id))!]))[0]!;
  });
}
