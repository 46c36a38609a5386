import { z } from 'zod';
import { passwordProblem } from '../../domain/access/password-policy';
import { pageOf, pageQuery } from './list';

export const roleSchema = z.enum(['systemAdmin', 'committeeAdmin', 'assessor', 'unitLiaison', 'leader']).describe('角色');

/** An account as it may leave the server: no password hash, no lockout counters. */
export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  organisationId: z.string(),
  unitId: z.string().nullable(),
  disabled: z.boolean().describe('已停用：不能登录'),
  mustChangePassword: z.boolean().describe('管理员设置了密码：用户须先修改密码'),
  version: z.number().int().describe('乐观并发版本号：修改时原样带回'),
});
export type AccountView = z.infer<typeof accountSchema>;

/** An account in the management list: with the units an assessor is assigned to. */
export const managedAccountSchema = accountSchema.extend({
  assignedUnitIds: z.array(z.string()).describe('考核组成员负责的被考核单位'),
  createdAt: z.string(),
});
export type ManagedAccountView = z.infer<typeof managedAccountSchema>;

export const loginBodySchema = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(256).describe('密码'),
});

export const sessionSchema = z.object({
  account: accountSchema,
  csrfToken: z.string().describe('以 Cookie 会话发出写请求时放在 X-CSRF-Token 请求头中'),
});

export const accountListQuerySchema = z.object({
  ...pageQuery,
  sort: z.enum(['username', 'displayName', 'role', 'createdAt']).default('username').describe('排序字段'),
  role: roleSchema.optional(),
  organisationId: z.string().max(100).optional(),
  status: z.enum(['enabled', 'disabled']).optional().describe('enabled 启用中 / disabled 已停用'),
  q: z.string().trim().max(50).optional().describe('用户名或姓名包含'),
});

export const accountListSchema = pageOf(managedAccountSchema);

export const accountParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,64}$/, '用户名须为 3–64 个字母、数字或 _ . -')
  .describe('用户名');
export const displayNameSchema = z.string().trim().min(1, '请输入姓名').max(50, '姓名最多 50 个字').describe('姓名');
/** A new password: the strength rule (src/domain/access/password-policy.ts) is checked with the user name. */
export const newPasswordSchema = z.string().min(1, '请输入密码').max(256, '密码最多 256 个字符').describe('密码');
const unitIdsSchema = z.array(z.string().min(1).max(100)).max(500).describe('考核组成员负责的被考核单位');

/** The first problem of a password for this user name, as a zod issue on `path`. */
function checkStrength(password: string | undefined, username: string, path: string, ctx: z.RefinementCtx): void {
  if (password === undefined || password === '') return;
  const problem = passwordProblem(password, username);
  if (problem) ctx.addIssue({ code: 'custom', path: [path], message: problem });
}

export const accountCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    organisationId: z.string().min(1, '请选择所属组织').max(100).describe('所属组织'),
    unitId: z.string().min(1).max(100).nullable().optional().describe('单位联络员所属的被考核单位'),
    assignedUnitIds: unitIdsSchema.optional(),
    password: newPasswordSchema.optional().describe('初始密码；不填时由系统生成并只显示一次'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.role === 'unitLiaison' && !value.unitId) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: '单位联络员必须指定所属被考核单位' });
    }
    checkStrength(value.password, value.username, 'password', ctx);
  });
export type AccountCreate = z.infer<typeof accountCreateSchema>;

export const accountCreatedSchema = z.object({
  account: managedAccountSchema,
  initialPassword: z.string().nullable().describe('系统生成的初始密码，只在此返回一次；自行设定时为空'),
});

export const accountPatchSchema = z
  .object({
    version: z.number().int().min(1).describe('读取时的版本号'),
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    organisationId: z.string().min(1).max(100).optional().describe('所属组织'),
    unitId: z.string().min(1).max(100).nullable().optional().describe('单位联络员所属的被考核单位'),
    assignedUnitIds: unitIdsSchema.optional(),
  })
  .strict();
export type AccountPatch = z.infer<typeof accountPatchSchema>;

export const accountVersionSchema = z.object({ version: z.number().int().min(1).describe('读取时的版本号') }).strict();

export const passwordResetSchema = z
  .object({
    version: z.number().int().min(1).describe('读取时的版本号'),
    password: newPasswordSchema.optional().describe('新的临时密码；不填时由系统生成并只显示一次'),
  })
  .strict();

export const passwordResetResultSchema = z.object({
  account: managedAccountSchema,
  temporaryPassword: z.string().nullable().describe('系统生成的临时密码，只在此返回一次；自行设定时为空'),
});

/** The signed-in user's own password change. */
export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(256).describe('当前密码'),
    newPassword: newPasswordSchema.describe('新密码'),
  })
  .strict();

export const passwordChangeResultSchema = z.object({ account: accountSchema });
