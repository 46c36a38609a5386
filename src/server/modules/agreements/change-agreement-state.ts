import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { transitionAgreement, type AgreementState } from '../../../domain/workflow/agreement-state';
import type { AgreementTransition } from '../../../shared/schemas/agreement';
import { AppError, forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { campaignResource, campaignUnitResource } from '../campaigns/presenter';
import { agreementFor, assertAgreementsOpen, staleAgreement } from './agreement-for';
import { auditedAgreement, parseIndicators, cleanIndicator, toAgreementView } from './presenter';
import { findAgreement, findFileOfUnit, setCampaignUnitIndicators, updateAgreementIfVersion, type AgreementChanges } from './repository';

/** A scanned copy is a PDF or an image (files module: type sniffed from the content). */
const scanTypes = (mediaType: string) => mediaType === 'application/pdf' || mediaType.startsWith('image/');

/**
 * Moves an agreement: the office issues it to the unit (下达), withdraws it for changes or
 * archives it once signed; the signed copy is recorded (登记签订) by the unit's liaison or the
 * office with the signing date, the signatories and the scanned copy (domain
 * agreement-state.ts decides order, role and what signing needs). On signing, the agreed
 * control indicators become the unit's indicators in the campaign, so the indicator report
 * and the indicator vetoes count against what was signed.
 */
export async function changeAgreementState(db: Kysely<DB>, actor: Actor, id: string, unitId: string, input: AgreementTransition, now: Date) {
  return db.transaction().execute(async (trx) => {
    const { campaign, row } = await agreementFor(trx, actor, id, unitId);
    if (row.version !== input.version) throw staleAgreement();
    const signing = input.action === 'sign'
      ? {
        signedOn: input.signedOn ?? row.signed_on ?? undefined,
        unitPrincipal: input.unitPrincipal ?? row.unit_principal ?? undefined,
        unitDeputy: input.unitDeputy ?? row.unit_deputy ?? undefined,
        governmentSignatory: input.governmentSignatory ?? row.government_signatory ?? undefined,
        scannedFileId: input.scannedFileId ?? row.scanned_file_id ?? undefined,
      }
      : {};
    const outcome = transitionAgreement(row.state as AgreementState, input.action, actor.role, signing, campaign.year);
    if (!outcome.ok) {
      const code = outcome.code === 'forbidden' ? 'forbidden' : outcome.code === 'precondition' ? 'validation_failed' : 'conflict';
      throw new AppError(code, `${outcome.message}。`);
    }
    // Signing is the unit's act (its liaison) or the office's; the other steps are the office's.
    const allowed = input.action === 'sign'
      ? can(actor, 'report.submit', campaignUnitResource(campaign, unitId))
      : can(actor, 'campaign.manage', campaignResource(campaign));
    if (!allowed) throw forbidden();
    assertAgreementsOpen(campaign);
    const changes: AgreementChanges = { state: outcome.to };
    if (input.action === 'sign') {
      const file = await findFileOfUnit(trx, signing.scannedFileId!);
      if (!file || file.unit_id !== unitId || !can(actor, 'file.read', campaignUnitResource(campaign, unitId))) {
        throw new AppError('validation_failed', '签订文本扫描件：文件不存在，或不是本单位上传的文件。');
      }
      if (!scanTypes(file.media_type)) {
        throw new AppError('validation_failed', `签订文本扫描件：“${file.original_name}”不是 PDF 或图片。`);
      }
      Object.assign(changes, {
        signed_on: signing.signedOn!, unit_principal: signing.unitPrincipal!.trim(), unit_deputy: signing.unitDeputy!.trim(),
        government_signatory: signing.governmentSignatory!.trim(), scanned_file_id: file.id,
      });
      await setCampaignUnitIndicators(trx, id, unitId, parseIndicators(row.control_indicators_json).map(cleanIndicator));
    }
    const before = toAgreementView(row);
    if (!(await updateAgreementIfVersion(trx, id, unitId, row.version, changes, now.toISOString()))) throw staleAgreement();
    const after = toAgreementView((await findAgreement(trx, id, unitId))!);
    await appendAudit(trx, {
      actorId: actor.accountId, action: `agreement.${input.action}`, entityType: 'agreement', entityId: `${id}/${unitId}`,
      organisationPath: campaign.organisation_path, unitId, before: auditedAgreement(before), after: auditedAgreement(after),
    }, now);
    return after;
  });
}
