import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { passwordProblem } from '../../../domain/access/password-policy';
import { isRole, roleLabels } from '../../../domain/access/roles';
import type { Role } from '../../../domain/access/roles';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { hashPassword } from '../auth/password';
import { findOrganisation } from '../organisations/repository';
import { insertAccount, insertAssignments, unitsOf, usernameTaken } from './repository';

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: string;
  organisationId: string;
  /** unitLiaison: the unit it speaks for. */
  unitId?: string | null;
  /** assessor: the units it assesses. */
  assignedUnitIds?: readonly string[];
}

/** Creates an account (used by `anke user create`, the demo seed and tests). */
export async function createAccount(
  db: Kysely<DB>,
  input: NewAccount,
  actorId: string | null,
  now: Date,
): Promise<{ id: string; role: Role }> {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.-]{3,64}$/.test(username)) {
    throw new AppError('validation_failed', '用户名须为 3–64 个字母、数字或 _ . -。');
  }
  if (!isRole(input.role)) {
    throw new AppError('validation_failed', `角色“${input.role}”无效，可选：${Object.entries(roleLabels).map(([k, v]) => `${k}（${v}）`).join('、')}。`);
  }
  const role = input.role;
  const problem = passwordProblem(input.password, username);
  if (problem) throw new AppError('validation_failed', problem);
  const unitId = input.unitId ?? null;
  const assigned = [...new Set(input.assignedUnitIds ?? [])];
  if (role === 'unitLiaison' && !unitId) throw new AppError('validation_failed', '单位联络员必须指定所属被考核单位。');
  if (role !== 'unitLiaison' && unitId) throw new AppError('validation_failed', '只有单位联络员属于某个被考核单位。');
  if (role !== 'assessor' && assigned.length > 0) throw new AppError('validation_failed', '只有考核组成员可以分配被考核单位。');
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const organisation = await findOrganisation(trx, input.organisationId);
    if (!organisation) throw new AppError('not_found', `组织“${input.organisationId}”不存在。`);
    if (await usernameTaken(trx, username)) throw new AppError('conflict', `用户名“${username}”已被使用。`);
    const units = await unitsOf(trx, unitId ? [unitId, ...assigned] : assigned);
    const known = new Set(units.map((u) => u.id));
    const missing = [...(unitId ? [unitId] : []), ...assigned].find((u) => !known.has(u));
    if (missing) throw new AppError('not_found', `被考核单位“${missing}”不存在。`);
    const outside = units.find((u) => !u.organisation_path.startsWith(organisation.path));
    if (outside) throw new AppError('validation_failed', `被考核单位“${outside.id}”不在组织“${organisation.name}”的辖区内。`);
    const at = now.toISOString();
    await insertAccount(trx, {
      id, username, display_name: input.displayName.trim() || username, password_hash: passwordHash, role,
      organisation_id: organisation.id, unit_id: unitId, created_at: at, updated_at: at,
    });
    await insertAssignments(trx, id, assigned);
    await appendAudit(trx, {
      actorId, action: 'account.create', entityType: 'account', entityId: id,
      organisationPath: organisation.path, unitId,
      before: null, after: { username, displayName: input.displayName, role, organisationId: organisation.id, unitId, assignedUnitIds: assigned },
    }, now);
  });
  return { id, role };
}
