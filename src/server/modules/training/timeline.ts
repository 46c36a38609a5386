import type { Kysely } from 'kysely';
import type { TimelineEntry } from '../../../domain/ledgers/enterprise/enterprise-file';
import type { TrainingRole } from '../../../domain/ledgers/training/training-coverage';
import { TRAINING_ROLE_ZH } from '../../../domain/ledgers/training/training-coverage';
import type { DB } from '../../db/schema';
import { listEnterpriseCertificates } from './repository';

/**
 * The enterprise's certificates on its file's timeline (一企一档): each on its issue day, and its
 * expiry on the last day it is valid (as licences are shown).
 */
export async function trainingTimeline(db: Kysely<DB>, enterpriseId: string): Promise<TimelineEntry[]> {
  const certs = await listEnterpriseCertificates(db, enterpriseId);
  return certs.flatMap((c) => {
    const kind = c.operation_type ? `${c.operation_type}特种作业操作证` : `${TRAINING_ROLE_ZH[c.role as TrainingRole] ?? ''}证书`;
    return [
      { kind: 'training' as const, id: `${c.id}#issued`, at: c.issued_on, titleZh: `${c.person_name}取得${kind}（${c.number}）` },
      { kind: 'training' as const, id: `${c.id}#expires`, at: c.valid_until, titleZh: `${c.person_name}的${kind}（${c.number}）有效期至${c.valid_until}` },
    ];
  });
}
