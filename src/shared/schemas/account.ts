import { z } from 'zod';
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
});
export type AccountView = z.infer<typeof accountSchema>;

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
  q: z.string().trim().max(50).optional().describe('用户名或姓名包含'),
});

export const accountListSchema = pageOf(accountSchema);
