import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { auditHash, genesisHash } from './audit-hash';
import { auditBatch, auditHead } from './repository';

export interface AuditProblem {
  seq: number;
  kind: 'edited' | 'deleted' | 'relinked';
  message: string;
}

export interface AuditVerification {
  checked: number;
  problems: AuditProblem[];
}

/**
 * Walks the whole chain. An edited record no longer matches its hash; a deleted record
 * leaves a gap in the sequence (or, at the end, a head pointing past the last record);
 * a record re-hashed to hide an edit breaks the link from its successor.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let checked = 0;
  for (;;) {
    const batch = await auditBatch(db, expectedSeq - 1, 2000);
    if (batch.length === 0) break;
    for (const record of batch) {
      if (record.seq !== expectedSeq) {
        const range = record.seq - 1 === expectedSeq ? `#${expectedSeq}` : `#${expectedSeq}–#${record.seq - 1}`;
        problems.push({ seq: expectedSeq, kind: 'deleted', message: `审计记录 ${range} 已被删除。` });
      } else if (record.prev_hash !== prevHash) {
        problems.push({ seq: record.seq, kind: 'relinked', message: `审计记录 #${record.seq} 与前一条记录的链接不符（前一条记录被修改或删除后重算过）。` });
      }
      if (auditHash(record) !== record.hash) {
        problems.push({ seq: record.seq, kind: 'edited', message: `审计记录 #${record.seq}（${record.action} ${record.entity_type} ${record.entity_id}）的内容被修改。` });
      }
      prevHash = record.hash;
      expectedSeq = record.seq + 1;
      checked += 1;
    }
  }
  const head = await auditHead(db);
  if (head.seq >= expectedSeq) {
    const range = head.seq === expectedSeq ? `#${expectedSeq}` : `#${expectedSeq}–#${head.seq}`;
    problems.push({ seq: expectedSeq, kind: 'deleted', message: `审计记录 ${range}（链尾）已被删除。` });
  } else if (head.hash !== prevHash) {
    problems.push({ seq: head.seq, kind: 'edited', message: `审计链头与最后一条记录 #${head.seq} 不符。` });
  }
  return { checked, problems };
}
