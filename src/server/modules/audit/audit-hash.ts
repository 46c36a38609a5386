import { createHash } from 'node:crypto';

export const genesisHash = '0'.repeat(64);

/** The fields a record's hash covers: everything but the hash itself. */
export interface HashedFields {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  organisation_path: string | null;
  unit_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
}

/** SHA-256 over the previous hash and the record's fields, in a fixed order. */
export function auditHash(r: HashedFields): string {
  const payload = JSON.stringify([
    r.prev_hash, r.seq, r.at, r.actor_id, r.action, r.entity_type, r.entity_id,
    r.organisation_path, r.unit_id, r.before_json, r.after_json,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}
