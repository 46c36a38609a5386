import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { unitCategoryLabels, type UnitContacts } from '../../../shared/schemas/unit';
import type { ImportIssueView } from '../../../shared/schemas/document';
import { forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { parseUnitRegistry, type UnitRegistryRow } from '../../documents/xlsx-import';
import { appendAudit } from '../audit/repository';
import { importTree, type UnitInput } from '../organisations/import-tree';
import { findOrganisation } from '../organisations/repository';
import { listAllUnitIds, listUnitIdentities } from './repository';

const categoryByLabel = new Map(Object.entries(unitCategoryLabels).map(([id, label]) => [label, id as UnitInput['category']]));
/** Unit ids go into paths matched with LIKE (import-tree.ts): lower-case letters, digits and hyphens. */
const idPattern = /^[a-z0-9][a-z0-9-]{0,99}$/;

export type UnitImportOutcome = { ok: true; created: number } | { ok: false; issues: ImportIssueView[] };

/** The sheet's 主要负责人, 分管负责人, 联系人 and 联系电话 as the unit's people. */
function contactsOf(row: UnitRegistryRow): UnitContacts {
  return {
    ...(row.principal ? { principal: { name: row.principal } } : {}),
    ...(row.deputy ? { deputy: { name: row.deputy } } : {}),
    ...(row.contact || row.phone ? { contact: { ...(row.contact ? { name: row.contact } : {}), ...(row.phone ? { phone: row.phone } : {}) } } : {}),
  };
}

/**
 * 被考核单位名册 from Excel into an organisation: new units only (a name or code already there is
 * refused on its cell), all created in one transaction with their `unit.create` records and one
 * record for the import, or none.
 */
export async function importUnits(db: Kysely<DB>, actor: Actor, organisationId: string, fileName: string, buffer: Buffer, now: Date): Promise<UnitImportOutcome> {
  const organisation = await findOrganisation(db, organisationId);
  if (!organisation || !can(actor, 'organisation.read', { organisationPath: organisation.path })) throw notFound('组织');
  if (!can(actor, 'unit.update', { organisationPath: organisation.path }) || actor.role === 'leader') throw forbidden();
  const existing = await listUnitIdentities(db, organisationId);
  const names = new Set(existing.map((u) => u.name));
  const ids = await listAllUnitIds(db);
  const seenIds = new Set<string>();
  const parsed = await parseUnitRegistry(buffer, {
    categories: new Set(categoryByLabel.keys()),
    checkRow: (row) => {
      if (names.has(row.name)) return { column: 'name', message: `单位“${row.name}”已在${organisation.name}的名册中` };
      if (row.code !== null) {
        const id = row.code.toLowerCase();
        if (seenIds.has(id)) return { column: 'code', message: `单位编码“${row.code}”与上面的行重复` };
        seenIds.add(id);
        if (!idPattern.test(id)) return { column: 'code', message: `单位编码“${row.code}”只能包含字母、数字和连字符` };
        if (ids.has(id)) return { column: 'code', message: `单位编码“${row.code}”已被其他单位使用` };
      }
      return null;
    },
  });
  if (!parsed.ok) return { ok: false, issues: parsed.errors };
  const units: UnitInput[] = parsed.rows.map((row) => ({
    id: row.code?.toLowerCase() ?? `u-${randomBytes(6).toString('hex')}`,
    name: row.name,
    category: categoryByLabel.get(row.category)!,
    sectors: [],
    areaOrganisationId: null,
    contacts: contactsOf(row),
  }));
  await db.transaction().execute(async (trx) => {
    await importTree(trx, { organisations: [], ownerId: organisationId, units }, actor.accountId, now);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'import.units', entityType: 'organisation', entityId: organisationId,
      organisationPath: organisation.path, unitId: null, before: null, after: { fileName, units: units.length },
    }, now);
  });
  return { ok: true, created: units.length };
}
