import type { Generated } from 'kysely';
import type { AgreementTables } from './schema-agreements';
import type { TeamTables } from './schema-teams';
import type { DocumentTables } from './schema-documents';
import type { EnforcementTables } from './schema-enforcement';
import type { InspectionTables } from './schema-inspections';
import type { LedgerTables } from './schema-ledgers';
import type { TipTables } from './schema-tips';
import type { TrainingTables } from './schema-training';
import type { WorkflowTables } from './schema-workflow';

/**
 * Table types for Kysely. Columns use only types that behave the same on SQLite and
 * PostgreSQL: text, integer (0/1 for flags), timestamps as ISO-8601 UTC text.
 */
export interface OrganisationTable {
  id: string;
  parent_id: string | null;
  name: string;
  /** province | city | county | town | body */
  kind: string;
  division_code: string | null;
  /** Materialised path of ids, '/370000/370300/370306/', so a subtree is one prefix match. */
  path: string;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UnitTable {
  id: string;
  /** The organisation whose committee assesses the unit (e.g. 周村区). */
  organisation_id: string;
  /** For territorial units: the town or street node of the tree that is the unit's area. */
  area_organisation_id: string | null;
  name: string;
  /** territorial | department | stationed */
  category: string;
  /** JSON array of sector names the unit regulates. */
  sectors: Generated<string>;
  sort_order: Generated<number>;
  /** JSON UnitContacts: 主要负责人, 分管负责人 (name and post), 联系人 (name and phone). */
  contacts_json: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AccountTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  organisation_id: string;
  unit_id: string | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled: Generated<number>;
  /** 1 after an administrator set the password: only a password change is allowed until then. */
  must_change_password: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AccountUnitTable {
  account_id: string;
  unit_id: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked table does not yield usable cookies. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

export interface AuditRecordTable {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** Path of the organisation the entity belongs to, so lists can be scoped by subtree. */
  organisation_path: string | null;
  unit_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface StoredFileTable {
  id: string;
  unit_id: string;
  sha256: string;
  size: number;
  media_type: string;
  original_name: string;
  uploaded_by: string;
  created_at: string;
}

export interface DB extends WorkflowTables, AgreementTables, TeamTables, DocumentTables, LedgerTables, TipTables, EnforcementTables, InspectionTables, TrainingTables {
  organisation: OrganisationTable;
  unit: UnitTable;
  account: AccountTable;
  account_unit: AccountUnitTable;
  session: SessionTable;
  audit_record: AuditRecordTable;
  audit_head: AuditHeadTable;
  stored_file: StoredFileTable;
}
