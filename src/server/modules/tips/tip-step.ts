import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';
import type { Refusal } from '../../../domain/ledgers/shared/result';
import type { Updateable } from 'kysely';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import type { TipTable } from '../../db/schema-tips';
import { appendAudit } from '../audit/repository';
import { canOnTip, isTipOffice, toTipView } from './presenter';
import { findTip, updateTipIfVersion } from './repository';
import type { TipRow } from './repository';

export const staleTip = () => new AppError('stale_version', '该举报已被他人办理，请刷新后重试。');

/** Order and time-order refusals of tip-handling.ts are conflicts with the tip's state (409). */
export function tipRefusalError(r: Refusal): AppError {
  return new AppError(r.code === 'tip.wrongOrder' || r.code === 'tip.timeOrder' ? 'conflict' : 'validation_failed', r.messageZh);
}

/** A day the request names (default today, China time); never after today. */
export function dayOf(field: string, day: string | undefined, now: Date): string {
  const today = chinaDateOf(now);
  if (day === undefined) return today;
  if (day > today) throw new AppError('validation_failed', `请求体字段“${field}”：日期不能晚于今天（${today}）。`);
  return day;
}

export interface TipStep {
  /** Audit action, e.g. 'tip.verify'. */
  readonly action: string;
  /** Only the committee office may take it (批准延期, 核定奖励); otherwise also the assigned unit. */
  readonly officeOnly: boolean;
}

/**
 * Loads a tip for one handling step inside `trx`: 404 outside the reader's scope, 403 for a role
 * that may not take the step, 409 for a stale version. `apply` checks the rule and returns the
 * columns to write; they are written against the version and audited with before and after.
 */
export async function takeTipStep(
  trx: Kysely<DB>, actor: Actor, id: string, version: number, step: TipStep, now: Date,
  apply: (row: TipRow) => Promise<Updateable<TipTable>> | Updateable<TipTable>,
) {
  const row = await findTip(trx, id);
  if (!row || !canOnTip(actor, 'tip.read', row)) throw notFound('举报');
  const allowed = step.officeOnly ? isTipOffice(actor, row.organisation_path) : canOnTip(actor, 'tip.manage', row);
  if (!allowed) throw forbidden();
  if (row.version !== version) throw staleTip();
  const set = await apply(row);
  if (!(await updateTipIfVersion(trx, id, version, set, now.toISOString()))) throw staleTip();
  // The audit log is read more widely than tips: no reporter identity goes into it.
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, row[k as keyof TipRow] ?? null]));
  await appendAudit(trx, {
    actorId: actor.accountId, action: step.action, entityType: 'tip', entityId: id, organisationPath: row.organisation_path,
    unitId: row.assigned_unit_id, before: { ...before, version: row.version }, after: { ...set, version: row.version + 1 },
  }, now);
  return toTipView((await findTip(trx, id))!, actor, now);
}
