import type { Kysely } from 'kysely';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import type { UnitContacts } from '../../../shared/schemas/unit';
import { appendAudit } from '../audit/repository';

export interface OrganisationInput {
  id: string;
  parentId: string | null;
  name: string;
  kind: 'province' | 'city' | 'county' | 'town' | 'body';
  divisionCode: string | null;
}

export interface UnitInput {
  id: string;
  name: string;
  category: 'territorial' | 'department' | 'stationed';
  sectors: readonly string[];
  areaOrganisationId: string | null;
  /** The registry's people of the unit (单位与组织), when the sheet names them. */
  contacts?: UnitContacts;
}

const idPattern = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Inserts organisations (parents before children) and the units one organisation
 * assesses, with one audit record per row, in the caller's transaction.
 */
export async function importTree(
  trx: Kysely<DB>,
  input: { organisations: readonly OrganisationInput[]; ownerId: string; units: readonly UnitInput[] },
  actorId: string | null,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const paths = new Map<string, string>();
  for (const o of input.organisations) {
    // Ids go into materialised paths matched with LIKE: no wildcards, no separators.
    if (!idPattern.test(o.id)) throw new AppError('validation_failed', `组织编号“${o.id}”只能包含小写字母、数字和连字符。`);
    let parentPath = '/';
    if (o.parentId) {
      const known = paths.get(o.parentId) ?? (await trx.selectFrom('organisation').select('path').where('id', '=', o.parentId).executeTakeFirst())?.path;
      if (!known) throw new AppError('not_found', `上级组织“${o.parentId}”不存在。`);
      parentPath = known;
    }
    const path = `${parentPath}${o.id}/`;
    paths.set(o.id, path);
    await trx.insertInto('organisation').values({
      id: o.id, parent_id: o.parentId, name: o.name, kind: o.kind, division_code: o.divisionCode, path,
      sort_order: paths.size, created_at: at, updated_at: at,
    }).execute();
    await appendAudit(trx, {
      actorId, action: 'organisation.create', entityType: 'organisation', entityId: o.id,
      organisationPath: path, unitId: null, before: null, after: o,
    }, now);
  }
  const ownerPath = paths.get(input.ownerId)
    ?? (await trx.selectFrom('organisation').select('path').where('id', '=', input.ownerId).executeTakeFirst())?.path;
  if (!ownerPath) throw new AppError('not_found', `组织“${input.ownerId}”不存在。`);
  let order = 0;
  for (const u of input.units) {
    if (!idPattern.test(u.id)) throw new AppError('validation_failed', `单位编号“${u.id}”只能包含小写字母、数字和连字符。`);
    order += 1;
    await trx.insertInto('unit').values({
      id: u.id, organisation_id: input.ownerId, area_organisation_id: u.areaOrganisationId, name: u.name,
      category: u.category, sectors: JSON.stringify(u.sectors), sort_order: order, contacts_json: JSON.stringify(u.contacts ?? {}),
      created_at: at, updated_at: at,
    }).execute();
    await appendAudit(trx, {
      actorId, action: 'unit.create', entityType: 'unit', entityId: u.id,
      organisationPath: ownerPath, unitId: u.id, before: null, after: u,
    }, now);
  }
}
