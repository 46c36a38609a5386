import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import type { TipAssign } from '../../../shared/schemas/tip';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findLedgerUnit } from '../enterprises/repository';
import { canOnTip, isTipOffice, toTipView } from './presenter';
import { findTip, updateTipIfVersion } from './repository';

const stale = () => new AppError('stale_version', '该举报已被他人办理，请刷新后重试。');

/** The office assigns a tip to the unit responsible for verifying it (against the tip's version). */
export async function assignTip(db: Kysely<DB>, actor: Actor, id: string, input: TipAssign, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findTip(trx, id);
    if (!row || !canOnTip(actor, 'tip.read', row)) throw notFound('举报');
    if (!isTipOffice(actor, row.organisation_path)) throw forbidden();
    if (row.version !== input.version) throw stale();
    // Once the unit has reported its verification, the tip stays with it: the result is its own.
    if (row.verified_on !== null) throw new AppError('conflict', `该举报已于${row.verified_on}核查完毕，不能改派。`);
    const unit = await findLedgerUnit(trx, input.unitId);
    if (!unit || !unit.organisation_path.startsWith(row.organisation_path)) {
      throw new AppError('validation_failed', `请求体字段“unitId”：单位“${input.unitId}”不存在或不属于本地区。`);
    }
    const at = now.toISOString();
    if (!(await updateTipIfVersion(trx, id, input.version, { assigned_unit_id: unit.id, assigned_on: chinaDateOf(now) }, at))) throw stale();
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'tip.assign', entityType: 'tip', entityId: id, organisationPath: row.organisation_path, unitId: unit.id,
      before: { assignedUnitId: row.assigned_unit_id, version: row.version }, after: { assignedUnitId: unit.id, version: row.version + 1 },
    }, now);
    return toTipView((await findTip(trx, id))!, actor, now);
  });
}
