import type { OrganisationView } from '../../../shared/schemas/organisation';

export function toOrganisationView(row: {
  id: string; parent_id: string | null; name: string; kind: string; division_code: string | null; version: number;
}): OrganisationView {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind as OrganisationView['kind'],
    divisionCode: row.division_code,
    version: row.version,
  };
}
