import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import type { UnitPatch } from '../../../shared/schemas/unit';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { toUnitView } from './presenter';
import { findUnit, updateUnitIfVersion } from './repository';
import type { UnitChanges } from './repository';

/** Edits a unit's master data with optimistic concurrency; the audit record commits with it. */
export async function updateUnit(db: Kysely<DB>, actor: Actor, id: string, patch: UnitPatch, now: Date) {
  return db.transaction().execute(async (trx) => {
    const before = await findUnit(trx, id);
    const resource = before && { organisationPath: before.organisation_path, unitId: before.id };
    if (!before || !resource || !can(actor, 'unit.read', resource)) throw notFound('被考核单位');
    if (!can(actor, 'unit.update', resource)) throw forbidden();
    if (before.version !== patch.version) throw staleUnit();
    const changes: UnitChanges = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.category !== undefined) changes.category = patch.category;
    if (patch.sectors !== undefined) changes.sectors = JSON.stringify(patch.sectors);
    if (patch.sortOrder !== undefined) changes.sort_order = patch.sortOrder;
    if (patch.contacts !== undefined) changes.contacts_json = JSON.stringify(patch.contacts);
    if (!(await updateUnitIfVersion(trx, id, patch.version, changes, now.toISOString()))) throw staleUnit();
    const after = (await findUnit(trx, id))!;
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'unit.update', entityType: 'unit', entityId: id,
      organisationPath: after.organisation_path, unitId: id,
      before: toUnitView(before), after: toUnitView(after),
    }, now);
    return toUnitView(after);
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError('conflict', '同一组织下已有同名的被考核单位。');
    throw error;
  });
}

const staleUnit = () => new AppError('stale_version', '该单位已被他人修改，请刷新后重新编辑。');

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
