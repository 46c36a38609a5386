import type { Selectable } from 'kysely';
import type { Action, Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { ExpertLevel } from '../../../domain/ledgers/expert/draw-experts';
import { EXPERT_LEVEL_ZH } from '../../../domain/ledgers/expert/draw-experts';
import { sectorLabel } from '../../../domain/sectors';
import type { InspectionReportView, InspectionView } from '../../../shared/schemas/inspection';
import { inspectionKindLabels, inspectionStateLabels, reportAuthorKindLabels } from '../../../shared/schemas/inspection';
import type { InspectionFindingTable, InspectionReportTable } from '../../db/schema-inspections';
import type { InspectionRow } from './repository';

/** An inspection belongs, like its enterprise, to its territorial town and its regulating department. */
export function canOnInspection(actor: Actor, action: Action, row: { organisation_path: string; territorial_unit_id: string; regulating_unit_id: string }): boolean {
  return can(actor, action, { organisationPath: row.organisation_path, unitId: row.territorial_unit_id })
    || can(actor, action, { organisationPath: row.organisation_path, unitId: row.regulating_unit_id });
}

/** What a drawing stores: the slots asked, the experts drawn with their names, the recusals. */
export interface StoredDrawing {
  slots: { specialty: string; count: number; levels: ExpertLevel[] }[];
  experts: { expertId: string; name: string; specialty: string; level: ExpertLevel }[];
  recusals: { expertId: string; name: string; reasons: string[] }[];
}

export function toReportView(r: Selectable<InspectionReportTable>): InspectionReportView {
  const authorKind = r.author_kind as InspectionReportView['authorKind'];
  return {
    id: r.id, enterpriseId: r.enterprise_id, inspectionId: r.inspection_id, authorKind, authorKindLabel: reportAuthorKindLabels[authorKind],
    authorName: r.author_name, title: r.title, fileId: r.file_id, summary: r.summary, reportedOn: r.reported_on,
  };
}

function drawingOf(row: InspectionRow): InspectionView['drawing'] {
  if (row.draw_seed === null || row.drawn_at === null || row.draw_slots_json === null) return null;
  const experts = JSON.parse(row.drawn_experts_json ?? '[]') as StoredDrawing['experts'];
  return {
    seed: row.draw_seed,
    drawnAt: row.drawn_at,
    slots: JSON.parse(row.draw_slots_json) as StoredDrawing['slots'],
    experts: experts.map((e) => ({ ...e, levelLabel: EXPERT_LEVEL_ZH[e.level] })),
    recusals: JSON.parse(row.draw_recusals_json ?? '[]') as StoredDrawing['recusals'],
  };
}

export function toInspectionView(
  row: InspectionRow, findings: readonly Selectable<InspectionFindingTable>[], reports: readonly Selectable<InspectionReportTable>[],
): InspectionView {
  const kind = row.kind as InspectionView['kind'];
  const state = row.inspected_on === null ? 'planned' : 'recorded';
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    territorialUnitId: row.territorial_unit_id,
    regulatingUnitId: row.regulating_unit_id,
    kind,
    kindLabel: inspectionKindLabels[kind],
    checklistSector: row.checklist_sector,
    checklistSectorLabel: sectorLabel(row.checklist_sector),
    plannedOn: row.planned_on,
    inspectedOn: row.inspected_on,
    state,
    stateLabel: inspectionStateLabels[state],
    inspectors: JSON.parse(row.inspectors_json) as string[],
    documentNumbers: JSON.parse(row.document_numbers_json) as string[],
    drawing: drawingOf(row),
    findings: findings.filter((f) => f.inspection_id === row.id).map((f) => ({
      seq: f.seq, item: f.item, compliant: f.compliant === 1, place: f.place, description: f.description, hazardId: f.hazard_id,
    })),
    reports: reports.filter((r) => r.inspection_id === row.id).map(toReportView),
    version: row.version,
  };
}
