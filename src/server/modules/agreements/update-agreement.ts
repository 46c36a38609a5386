import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { agreementStateLabels, type AgreementState } from '../../../domain/workflow/agreement-state';
import type { AgreementUpdate } from '../../../shared/schemas/agreement';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignResource } from '../campaigns/presenter';
import { agreementFor, assertAgreementsOpen, staleAgreement } from './agreement-for';
import { auditedAgreement, cleanIndicator, toAgreementView } from './presenter';
import { findAgreement, updateAgreementIfVersion } from './repository';

/** The office edits an agreement's content while it is drafted (an issued one is withdrawn first). */
export async function updateAgreement(db: Kysely<DB>, actor: Actor, id: string, unitId: string, input: AgreementUpdate, now: Date) {
  return db.transaction().execute(async (trx) => {
    const { campaign, row } = await agreementFor(trx, actor, id, unitId);
    if (!can(actor, 'campaign.manage', campaignResource(campaign))) throw forbidden();
    assertAgreementsOpen(campaign);
    if (row.version !== input.version) throw staleAgreement();
    if (row.state !== 'drafted') {
      throw new AppError('conflict', `责任书当前为“${agreementStateLabels[row.state as AgreementState]}”，只有起草中的责任书可以修改（已下达的请先撤回修改）。`);
    }
    const before = toAgreementView(row);
    const ok = await updateAgreementIfVersion(trx, id, unitId, row.version, {
      targets_json: JSON.stringify(input.targets),
      control_indicators_json: JSON.stringify(input.controlIndicators.map(cleanIndicator)),
      key_tasks_json: JSON.stringify(input.keyTasks),
      ...(input.unitPrincipal !== undefined ? { unit_principal: input.unitPrincipal } : {}),
      ...(input.unitDeputy !== undefined ? { unit_deputy: input.unitDeputy } : {}),
      ...(input.governmentSignatory !== undefined ? { government_signatory: input.governmentSignatory } : {}),
    }, now.toISOString());
    if (!ok) throw staleAgreement();
    const after = toAgreementView((await findAgreement(trx, id, unitId))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'agreement.update', entityType: 'agreement', entityId: `${id}/${unitId}`,
      organisationPath: campaign.organisation_path, unitId, before: auditedAgreement(before), after: auditedAgreement(after),
    }, now);
    return after;
  });
}
