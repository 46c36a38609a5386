import type { UnitContacts, UnitView } from '../../../shared/schemas/unit';
import type { UnitRow } from './repository';

export function toUnitView(row: UnitRow): UnitView {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    areaOrganisationId: row.area_organisation_id,
    name: row.name,
    category: row.category as UnitView['category'],
    sectors: JSON.parse(row.sectors) as string[],
    sortOrder: row.sort_order,
    contacts: JSON.parse(row.contacts_json) as UnitContacts,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
