import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { hazardsFromInspection } from '../../../domain/ledgers/hazard/hazard-sources';
import { chinaDateOf, isLocalDate } from '../../../domain/ledgers/shared/dates';
import type { InspectionRecordInput } from '../../../shared/schemas/inspection';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { recordHazardIn } from '../hazards/record-hazard';
import { staleInspection } from './draw-inspection-experts';
import { inspectionToChange, inspectionViews } from './get-inspection';
import { findInspection, insertFindings, updateInspectionIfVersion } from './repository';

const field = (name: string, why: string) => new AppError('validation_failed', `请求体字段“${name}”：${why}`);

/**
 * 检查记录: the day, the inspectors and each checklist item's result. Every non-compliant finding
 * becomes its hazard card (一隐患一卡, found by 执法检查 or 专家检查; hazard-sources.ts) in the same
 * transaction, so a record never exists without its cards or the cards without it. An inspection
 * is recorded once; an expert check needs its experts drawn first.
 */
export async function recordInspection(db: Kysely<DB>, actor: Actor, id: string, input: InspectionRecordInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await inspectionToChange(trx, actor, id);
    if (row.version !== input.version) throw staleInspection();
    if (row.inspected_on !== null) throw new AppError('conflict', `该检查已于${row.inspected_on}登记检查记录，不能重复登记。`);
    if (row.kind === 'expertCheck' && row.drawn_experts_json === null) throw new AppError('conflict', '专家查隐患须先随机抽取专家，再登记检查记录。');
    const today = chinaDateOf(now);
    if (!isLocalDate(input.inspectedOn)) throw field('inspectedOn', `“${input.inspectedOn}”不是有效日期。`);
    if (input.inspectedOn > today) throw field('inspectedOn', `检查日期不能晚于今天（${today}）。`);
    const at = now.toISOString();
    const documentNumbers = input.documentNumbers ?? [];
    if (!(await updateInspectionIfVersion(trx, id, input.version, {
      inspected_on: input.inspectedOn, inspectors_json: JSON.stringify(input.inspectors), document_numbers_json: JSON.stringify(documentNumbers),
      recorded_by: actor.accountId, recorded_at: at,
    }, at))) throw staleInspection();
    const way = row.kind === 'expertCheck' ? 'expertCheck' as const : 'inspection' as const;
    const newHazards = hazardsFromInspection({
      id, enterpriseId: row.enterprise_id, territorialUnitId: row.territorial_unit_id, regulatingUnitId: row.regulating_unit_id,
      sector: row.checklist_sector, inspectedOn: input.inspectedOn, way, inspectors: input.inspectors, documentNumbers,
    }, input.findings.map((f) => ({ itemCode: f.item, compliant: f.compliant, place: f.place ?? f.item, description: f.description })));
    // hazardsFromInspection keeps the findings' order, so the n-th card is the n-th non-compliant finding.
    const hazardIds: string[] = [];
    for (const h of newHazards) {
      const card = await recordHazardIn(trx, actor, {
        enterpriseId: h.enterpriseId, foundOn: h.foundOn, foundWay: h.foundWay, foundBy: h.foundBy, place: h.place,
        description: h.description, photosBefore: [], enforcementDocumentNumbers: [...(h.enforcementDocumentNumbers ?? [])],
      }, now);
      hazardIds.push(card.id);
    }
    let n = 0;
    await insertFindings(trx, input.findings.map((f, i) => ({
      id: randomUUID(), inspection_id: id, seq: i + 1, item: f.item, compliant: f.compliant ? 1 : 0, place: f.place ?? null,
      description: f.description, hazard_id: f.compliant ? null : hazardIds[n++]!,
    })));
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'inspection.record', entityType: 'inspection', entityId: id, organisationPath: row.organisation_path,
      unitId: row.territorial_unit_id, before: { inspectedOn: null, version: row.version },
      after: {
        inspectedOn: input.inspectedOn, inspectors: input.inspectors, documentNumbers, findings: input.findings.length,
        nonCompliant: hazardIds.length, hazardIds, version: row.version + 1,
      },
    }, now);
    return (await inspectionViews(trx, [(await findInspection(trx, id))!]))[0]!;
  });
}
