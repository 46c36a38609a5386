import type { Generated } from 'kysely';

/**
 * 专家库 and 检查 (docs/ledgers.md §5). Lists the domain reads as a whole (specialties, former
 * employers, declared ties, unavailable periods, drawn experts, recusals) are JSON text; dates are
 * China-time days (YYYY-MM-DD).
 */
export interface ExpertTable {
  id: string;
  /** The organisation whose pool the expert is in (the district's committee office keeps it). */
  organisation_id: string;
  name: string;
  /** JSON array of specialty names. */
  specialties: string;
  /** domain/ledgers/expert/draw-experts.ts ExpertLevel */
  level: string;
  title: string | null;
  /** Current employer when the expert works for an enterprise of the ledger. */
  employer_enterprise_id: string | null;
  employer_name: string | null;
  /** JSON [{ enterpriseId, until }] */
  former_employers_json: Generated<string>;
  /** JSON [{ enterpriseId, relationZh }] */
  declared_ties_json: Generated<string>;
  active: Generated<number>;
  /** JSON [{ from, to }] */
  unavailable_json: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionTable {
  id: string;
  organisation_id: string;
  enterprise_id: string;
  /** Copied from the enterprise when planned, like a hazard card's: who reads it and whose metric it is. */
  territorial_unit_id: string;
  regulating_unit_id: string;
  /** inspection (执法检查) | expertCheck (专家查隐患) */
  kind: string;
  /** The sector whose checklist (检查表) the findings answer. */
  checklist_sector: string;
  planned_on: string;
  /** NULL while the inspection is a plan. */
  inspected_on: string | null;
  /** JSON array of inspector or expert names, set when recorded. */
  inspectors_json: Generated<string>;
  /** JSON array of 执法文书 numbers issued at the inspection. */
  document_numbers_json: Generated<string>;
  /** The latest drawing: JSON slots asked, experts drawn, recusals with reasons, and the seed. */
  draw_slots_json: string | null;
  drawn_experts_json: string | null;
  draw_recusals_json: string | null;
  draw_seed: number | null;
  drawn_at: string | null;
  drawn_by: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionFindingTable {
  id: string;
  inspection_id: string;
  /** Order on the record, from 1. */
  seq: number;
  /** The checklist item the finding answers. */
  item: string;
  compliant: number;
  place: string | null;
  description: string;
  /** The hazard card a non-compliant finding became. */
  hazard_id: string | null;
}

export interface InspectionReportTable {
  id: string;
  organisation_id: string;
  enterprise_id: string;
  /** NULL for a report about the enterprise outside any inspection (诊断检查 by an agency). */
  inspection_id: string | null;
  /** expert (专家) | agency (安全生产服务机构) */
  author_kind: string;
  author_name: string;
  title: string;
  file_id: string | null;
  summary: string;
  reported_on: string;
  created_by: string | null;
  created_at: string;
}

export interface InspectionTables {
  expert: ExpertTable;
  inspection: InspectionTable;
  inspection_finding: InspectionFindingTable;
  inspection_report: InspectionReportTable;
}
