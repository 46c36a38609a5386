import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { StepInput } from '../../../domain/ledgers/enforcement/record-step';
import { recordEnforcementStep } from '../../../domain/ledgers/enforcement/record-step';
import type { EnforcementStepBody } from '../../../shared/schemas/enforcement';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { enforcementRefusalError } from './enforcement-error';
import { canOnMeasure, measureColumns, measureOf, toEnforcementDetail } from './presenter';
import { findMeasure, insertMeasureStep, listMeasureSteps, updateMeasureIfVersion } from './repository';

const stale = () => new AppError('stale_version', '该执法措施已被他人记录，请刷新后重试。');

/** The request's step as the domain's StepInput: the body names `reason` where the domain says reasonZh. */
function stepInput(body: EnforcementStepBody): StepInput {
  const { version: _v, at: _at, ...rest } = body;
  if (rest.step === 'lift') return { step: 'lift', reasonZh: rest.reason };
  return rest as StepInput;
}

/** When the step was taken: the body's time (never after now), or now. */
function stepTime(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const when = new Date(at);
  if (when.getTime() > now.getTime()) throw new AppError('validation_failed', '请求体字段“at”：实施时间不能晚于当前时间。');
  return when;
}

/**
 * Records one step of a measure in the order the law requires (record-step.ts): out of order,
 * after the end, missing its data or, where the law forbids acting before a moment, too early —
 * refused and nothing written. A step after its deadline is recorded with its flag. The step, the
 * measure and the audit record are written in one transaction, against the measure's version.
 */
export async function recordMeasureStep(db: Kysely<DB>, actor: Actor, id: string, body: EnforcementStepBody, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await findMeasure(trx, id);
    if (!row || !canOnMeasure(actor, 'enforcement.read', row)) throw notFound('执法措施');
    if (!canOnMeasure(actor, 'enforcement.manage', row)) throw forbidden();
    if (row.version !== body.version) throw stale();
    const before = measureOf(row);
    const result = recordEnforcementStep(before, stepInput(body), actor.accountId, stepTime(body.at, now));
    if (!result.ok) throw enforcementRefusalError(result);
    const recordedAt = now.toISOString();
    if (!(await updateMeasureIfVersion(trx, id, body.version, measureColumns(result.measure, now), recordedAt))) throw stale();
    await insertMeasureStep(trx, result.measure.steps.length, result.event, recordedAt);
    await appendAudit(trx, {
      actorId: actor.accountId, action: `enforcement.${body.step}`, entityType: 'enforcement_measure', entityId: id,
      organisationPath: row.organisation_path, unitId: row.territorial_unit_id,
      before: { lastStep: row.last_step, version: row.version }, after: { ...result.event, input: result.measure.steps.at(-1)!.input },
    }, now);
    return toEnforcementDetail((await findMeasure(trx, id))!, await listMeasureSteps(trx, id), now);
  });
}
