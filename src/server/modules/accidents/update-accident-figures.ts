import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { gradeAccident } from '../../../domain/accidents/grade';
import { checkAccidentUpdate } from '../../../domain/workflow/accident-update';
import type { AccidentFiguresChange } from '../../../shared/schemas/accident';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { accidentDetailView } from './get-accident';
import { accidentResource, toAccidentView } from './presenter';
import { findAccident, insertAccidentVersion, nextFiguresVersion, updateFiguresIfVersion } from './repository';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';

/**
 * A change of an accident's figures (补报): kept as a new version with the grade recomputed;
 * a change after the 国务院令第493号第十三条 window (30 days; 7 for road traffic and fire) is
 * accepted but flagged late. A grade raised here raises the levels the accident must be
 * reported to (国务院令第493号第十条); the returned report times are judged at the new grade.
 */
export async function updateAccidentFigures(db: Kysely<DB>, actor: Actor, id: string, input: AccidentFiguresChange, now: Date) {
  return db.transaction().execute(async (trx) => {
    const before = await findAccident(trx, id);
    if (!before || !can(actor, 'accident.read', accidentResource(before))) throw notFound('事故');
    if (!can(actor, 'accident.record', accidentResource(before))) throw forbidden();
    if (before.version !== input.version) throw new AppError('stale_version', '该事故已被他人修改，请刷新后重试。');
    const at = now.toISOString();
    // The window counts China days, as the occurrence is recorded (国务院令第493号第十三条 自事故发生之日起).
    const check = checkAccidentUpdate(before.occurred_at, chinaDateOf(now), before.sector ?? undefined);
    const { grade } = gradeAccident(input);
    const figures = { deaths: input.deaths, serious_injuries: input.seriousInjuries, direct_loss: input.directLoss, grade };
    const figuresVersion = await nextFiguresVersion(trx, id);
    if (!(await updateFiguresIfVersion(trx, id, input.version, figures, at))) throw new AppError('stale_version', '该事故已被他人修改，请刷新后重试。');
    await insertAccidentVersion(trx, {
      accidentId: id, version: figuresVersion, deaths: input.deaths, seriousInjuries: input.seriousInjuries,
      directLoss: input.directLoss, grade, late: check.late, note: input.note, by: actor.accountId, at,
    });
    const after = (await findAccident(trx, id))!;
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'accident.updateFigures', entityType: 'accident', entityId: id,
      organisationPath: before.organisation_path, unitId: before.territorial_unit_id,
      before: toAccidentView(before), after: { ...toAccidentView(after), late: check.late, note: input.note },
    }, now);
    return { ...(await accidentDetailView(trx, after, now)), updateWarning: check.message };
  });
}
