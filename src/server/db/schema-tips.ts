import type { Generated } from 'kysely';

/**
 * 举报 (docs/ledgers.md §6). An anonymous tip stores no reporter identity: its name and contact
 * columns stay NULL. Dates are China-time days (YYYY-MM-DD); received_at is the instant of intake.
 */
export interface TipTable {
  id: string;
  /** The organisation the tip was received in (the district's committee office). */
  organisation_id: string;
  /** phoneLine (举报电话) | webForm (网上举报) | letter (信件) */
  channel: string;
  anonymous: number;
  reporter_name: string | null;
  reporter_contact: string | null;
  /** Anonymous tips with no way to reach the reporter need no reply (1 = reachable). */
  reporter_reachable: number;
  received_at: string;
  received_on: string;
  /** domain/ledgers/tip/tip-reward.ts TipSubject */
  subject: string;
  enterprise_id: string | null;
  place: string | null;
  description: string;
  /** The responsible unit the office assigned the tip to. */
  assigned_unit_id: string | null;
  assigned_on: string | null;
  extension_approved: Generated<number>;
  /** NULL until verification ends; then 1 (属实) or 0 (不属实). */
  verified: number | null;
  verified_on: string | null;
  verified_by: string | null;
  findings: string | null;
  replied_on: string | null;
  reply: string | null;
  /** Reward inputs and the decided amount (whole yuan). */
  fine_yuan: number | null;
  accident_grade: string | null;
  concealed_deaths: number | null;
  first_valid_reporter: Generated<number>;
  reward_yuan: number | null;
  /** The hazard card a verified tip about a hazard created. */
  hazard_id: string | null;
  /** Copied out of tipDeadlines on every change, for the overdue filter. */
  handling_due_on: string | null;
  reply_due_on: string | null;
  extension_reason: string | null;
  extension_approved_on: string | null;
  replied_by: string | null;
  /** domain/ledgers/tip/tip-reward.ts RewardRegime, and the rule's outcome in Chinese. */
  reward_regime: string | null;
  reward_eligible: number | null;
  reward_detail: string | null;
  reward_decided_on: string | null;
  reward_decided_by: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TipTables {
  tip: TipTable;
}
