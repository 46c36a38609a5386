/** Roles (docs/glossary.md). Chinese labels are what users see. */
export const roles = ['systemAdmin', 'committeeAdmin', 'assessor', 'unitLiaison', 'leader'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  systemAdmin: '系统管理员',
  committeeAdmin: '安委办管理员',
  assessor: '考核组成员',
  unitLiaison: '单位联络员',
  leader: '领导',
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
