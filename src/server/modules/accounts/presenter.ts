import type { AccountView, ManagedAccountView } from '../../../shared/schemas/account';

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  organisation_id: string;
  unit_id: string | null;
  disabled: number;
  must_change_password: number;
  version: number;
}

/** Only these fields leave the server; the response schema enforces it as well. */
export function toAccountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as AccountView['role'],
    organisationId: row.organisation_id,
    unitId: row.unit_id,
    disabled: row.disabled !== 0,
    mustChangePassword: row.must_change_password !== 0,
    version: row.version,
  };
}

export function toManagedAccountView(row: AccountRow & { created_at: string }, assignedUnitIds: readonly string[]): ManagedAccountView {
  return { ...toAccountView(row), assignedUnitIds: [...assignedUnitIds], createdAt: row.created_at };
}

/** What the audit record keeps of an account: never the password or its hash. */
export function auditView(view: ManagedAccountView) {
  return {
    username: view.username,
    displayName: view.displayName,
    role: view.role,
    organisationId: view.organisationId,
    unitId: view.unitId,
    assignedUnitIds: view.assignedUnitIds,
    disabled: view.disabled,
    mustChangePassword: view.mustChangePassword,
  };
}

/** The Chinese names of the body fields, for messages people read (the form's own labels). */
export const accountFieldLabels: Record<string, string> = {
  organisationId: '所属组织',
  unitId: '所属被考核单位',
  assignedUnitIds: '负责考核的单位',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
};

/** A 400 that names the field in the words of the form. */
export function fieldMessage(field: string, message: string): string {
  return `“${accountFieldLabels[field] ?? field}”：${message}`;
}
