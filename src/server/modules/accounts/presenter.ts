import type { AccountView } from '../../../shared/schemas/account';

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  organisation_id: string;
  unit_id: string | null;
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
  };
}
