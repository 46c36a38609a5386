import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canGrantAccount } from '../../../domain/access/account-admin';
import type { Actor } from '../../../domain/access/can';
import { passwordProblem } from '../../../domain/access/password-policy';
import { isRole, roleLabels } from '../../../domain/access/roles';
import type { Role } from '../../../domain/access/roles';
import type { AccountCreate, ManagedAccountView } from '../../../shared/schemas/account';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { generatePassword, hashPassword } from '../auth/password';
import { findOrganisation } from '../organisations/repository';
import { fieldMessage, toManagedAccountView } from './presenter';
import { findAccount, insertAccount, insertAssignments, unitsOf, usernameTaken } from './repository';

export interface CreateOptions {
  /** Throws when the actor may not give the role at the organisation with this path. */
  authorize?: (organisationPath: string, role: Role) => void;
  fromApi?: boolean;
}

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
  /** The password was chosen by someone else (an administrator): the user changes it first. */
  mustChangePassword?: boolean;
}

/**
 * Creates an account (used by `anke user create`, the demo seed and tests, which are trusted;
 * the API goes through `createAccountBy`, which checks who may give which role where).
 */
export async function createAccount(
  db: Kysely<DB>,
  input: NewAccount,
  actorId: string | null,
  now: Date,
  options: CreateOptions = {},
): Promise<{ id: string; role: Role }> {
  const { authorize, fromApi = false } = options;
  // Through the API a reference that does not exist is bad input (400) naming its field;
  // on the command line it is the thing the operator asked for that is missing.
  const missingRef = (field: string, message: string) =>
    fromApi ? new AppError('validation_failed', fieldMessage(field, message)) : new AppError('not_found', message);
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
  const mustChangePassword = input.mustChangePassword ?? false;
  await db.transaction().execute(async (trx) => {
    const organisation = await findOrganisation(trx, input.organisationId);
    if (!organisation) throw missingRef('organisationId', `组织“${input.organisationId}”不存在。`);
    authorize?.(organisation.path, role);
    if (await usernameTaken(trx, username)) throw new AppError('conflict', `用户名“${username}”已被使用。`);
    const units = await unitsOf(trx, unitId ? [unitId, ...assigned] : assigned);
    const known = new Set(units.map((u) => u.id));
    if (unitId && !known.has(unitId)) throw missingRef('unitId', `被考核单位“${unitId}”不存在。`);
    const missing = assigned.find((u) => !known.has(u));
    if (missing) throw missingRef('assignedUnitIds', `被考核单位“${missing}”不存在。`);
    const outside = units.find((u) => !u.organisation_path.startsWith(organisation.path));
    if (outside) throw new AppError('validation_failed', `被考核单位“${outside.id}”不在组织“${organisation.name}”的辖区内。`);
    const at = now.toISOString();
    await insertAccount(trx, {
      id, username, display_name: input.displayName.trim() || username, password_hash: passwordHash, role,
      organisation_id: organisation.id, unit_id: unitId, created_at: at, updated_at: at,
      must_change_password: mustChangePassword ? 1 : 0,
    });
    await insertAssignments(trx, id, assigned);
    // Never the password or its hash in the audit trail.
    await appendAudit(trx, {
      actorId, action: 'account.create', entityType: 'account', entityId: id,
      organisationPath: organisation.path, unitId,
      before: null,
      after: { username, displayName: input.displayName, role, organisationId: organisation.id, unitId, assignedUnitIds: assigned, mustChangePassword },
    }, now);
  });
  return { id, role };
}

/** A password no one chose: generated until it meets the strength rule for this user name. */
export function temporaryPasswordFor(username: string): string {
  for (;;) {
    const password = generatePassword();
    if (!passwordProblem(password, username)) return password;
  }
}

/**
 * Creates an account through the API: the actor must be allowed to give the role at that
 * place in the tree (src/domain/access/account-admin.ts). The user changes the password at
 * first login, since the administrator knows it; a generated one is returned only here.
 */
export async function createAccountBy(
  db: Kysely<DB>,
  actor: Actor,
  input: AccountCreate,
  now: Date,
): Promise<{ account: ManagedAccountView; initialPassword: string | null }> {
  const initialPassword = input.password ? null : temporaryPasswordFor(input.username);
  const { id } = await createAccount(db, {
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    organisationId: input.organisationId,
    unitId: input.unitId ?? null,
    assignedUnitIds: input.assignedUnitIds ?? [],
    password: input.password || initialPassword!,
    mustChangePassword: true,
  }, actor.accountId, now, {
    fromApi: true,
    authorize: (organisationPath, role) => {
      if (!canGrantAccount(actor, { role, organisationPath })) throw forbidden();
    },
  });
  const row = (await findAccount(db, id))!;
  return { account: toManagedAccountView(row, input.assignedUnitIds ?? []), initialPassword };
}
