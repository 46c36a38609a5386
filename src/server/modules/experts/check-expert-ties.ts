import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { ExpertCreate } from '../../../shared/schemas/expert';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { canOnEnterprise } from '../enterprises/presenter';
import { findEnterprise } from '../enterprises/repository';

/**
 * The enterprises an expert is tied to must be ledger enterprises the office can see: recusal
 * (回避) compares these ids with the inspected enterprise's, so a mistyped id would silently
 * let a tied expert be drawn.
 */
export async function checkExpertTies(db: Kysely<DB>, actor: Actor, input: Partial<ExpertCreate>): Promise<void> {
  const refs: [string, string][] = [
    ...(input.employerEnterpriseId ? [['employerEnterpriseId', input.employerEnterpriseId] as [string, string]] : []),
    ...(input.formerEmployers ?? []).map((f, i) => [`formerEmployers.${i}.enterpriseId`, f.enterpriseId] as [string, string]),
    ...(input.declaredTies ?? []).map((t, i) => [`declaredTies.${i}.enterpriseId`, t.enterpriseId] as [string, string]),
  ];
  for (const [field, id] of refs) {
    const enterprise = await findEnterprise(db, id);
    if (!enterprise || !canOnEnterprise(actor, 'enterprise.read', enterprise)) {
      throw new AppError('validation_failed', `请求体字段“${field}”：生产经营单位“${id}”不存在或无权查看。`);
    }
  }
}
