import { createHash } from 'node:crypto';
import type { AuditRecordTable } from '../../db/schema';

export const genesisHash = '0'.repeat(64);

/** The fields a record's hash covers: everything but the hash itself. */
export type HashedFields = Omit<AuditRecordTable, 'hash'>;

/** SHA-256 over the previous hash and the record's fields, in a fixed order. */
export function auditHash(r: HashedFields): string {
  const payload = JSON.stringify([
    r.prev_hash, r.seq, r.at, r.actor_id, r.action, r.entity_type, r.entity_id,
    r.organisation_path, r.unit_id, r.before_json, r.after_json,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}
