import type { Generated } from 'kysely';

/**
 * Supervision ledgers (docs/ledgers.md): 一企一档 and 一隐患一卡. Values the domain treats as a
 * whole (licences, safety staff, the card itself) are JSON text; the columns the ledger filters,
 * sorts and counts on are copied out of the card and indexed.
 */
export interface EnterpriseTable {
  id: string;
  /** The organisation of the enterprise's territorial unit (for subtree scopes). */
  organisation_id: string;
  name: string;
  /** 统一社会信用代码 (GB 32100-2015), upper-case, unique. */
  credit_code: string;
  address: string;
  legal_representative: string;
  /** Sector code (src/domain/sectors.ts) or a sector name typed in Chinese. */
  sector: string;
  /** large | medium | small | micro */
  size: string;
  territorial_unit_id: string;
  regulating_unit_id: string;
  /** level1 | level2 | level3 | none, or null when not assessed. */
  standardisation_level: string | null;
  /** JSON: Licence[] (kind, number, validFrom, validTo). */
  licences_json: string;
  /** JSON: { name, role, certificate? }[] 安全管理人员. */
  safety_staff_json: string;
  /** JSON: { name, level?, note? }[] 重大危险源. */
  major_hazard_sources_json: string;
  /** JSON: { title, approvedOn?, drills: { on, note? }[] }[] 应急预案及演练. */
  emergency_plans_json: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface HazardTable {
  id: string;
  organisation_id: string;
  enterprise_id: string;
  /** 隐患编号, given at registration; unique within the organisation. */
  number: string | null;
  territorial_unit_id: string;
  regulating_unit_id: string;
  sector: string;
  found_on: string;
  found_way: string;
  description: string;
  /** domain/ledgers/hazard/hazard-card.ts HazardState */
  state: string;
  grade: string | null;
  rectification_deadline: string | null;
  acceptance_applied_on: string | null;
  acceptance_due_on: string | null;
  accepted_on: string | null;
  late_acceptance: Generated<number>;
  closed_on: string | null;
  return_count: Generated<number>;
  /** The domain's HazardCard as JSON: the source of truth for every step. */
  card_json: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One step of a card (the domain's HazardEvent), in order. */
export interface HazardEventTable {
  hazard_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  at: string;
  /** The account that recorded the step. */
  account_id: string | null;
  /** The domain role the step was taken in (enterprise, townOfficer, inspector, committeeOffice). */
  actor_role: string;
  reason: string | null;
  flags_json: string;
  summary: string;
}

/** Photos of a card: before (found) and after (rectified), as stored file ids. */
export interface HazardPhotoTable {
  hazard_id: string;
  file_id: string;
  /** before | after */
  kind: string;
  added_at: string;
}

export interface LedgerTables {
  enterprise: EnterpriseTable;
  hazard: HazardTable;
  hazard_event: HazardEventTable;
  hazard_photo: HazardPhotoTable;
}
