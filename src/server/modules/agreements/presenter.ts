import { describeIndicator, type ControlIndicator } from '../../../domain/indicators/control-indicator';
import { agreementStateLabels, type AgreementState } from '../../../domain/workflow/agreement-state';
import type { AgreementIndicator, AgreementView } from '../../../shared/schemas/agreement';
import type { AgreementRow } from './repository';

export function parseIndicators(json: string): AgreementIndicator[] {
  return JSON.parse(json) as AgreementIndicator[];
}

/** Drops absent optional fields so the stored indicator is exactly the domain's shape. */
export function cleanIndicator(i: AgreementIndicator): ControlIndicator {
  return {
    kind: i.kind, ceiling: i.ceiling,
    ...(i.minGrade ? { minGrade: i.minGrade } : {}),
    ...(i.sector ? { sector: i.sector } : {}),
    ...(i.liabilityOnly ? { liabilityOnly: true } : {}),
  };
}

export function toAgreementView(row: AgreementRow): AgreementView {
  const state = row.state as AgreementState;
  return {
    campaignId: row.campaign_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    sortOrder: row.sort_order,
    state,
    stateLabel: agreementStateLabels[state],
    targets: JSON.parse(row.targets_json) as string[],
    controlIndicators: parseIndicators(row.control_indicators_json).map((i) => ({ ...i, label: describeIndicator(cleanIndicator(i)) })),
    keyTasks: JSON.parse(row.key_tasks_json) as string[],
    unitPrincipal: row.unit_principal,
    unitDeputy: row.unit_deputy,
    governmentSignatory: row.government_signatory,
    signedOn: row.signed_on,
    scannedFile: row.scanned_file_id
      ? { id: row.scanned_file_id, originalName: row.scanned_file_name ?? '', mediaType: row.scanned_file_type ?? '' }
      : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit record keeps of an agreement (the view without joined display fields). */
export function auditedAgreement(view: AgreementView) {
  const { unitName: _name, sortOrder: _order, stateLabel: _label, createdAt: _created, ...rest } = view;
  return { ...rest, controlIndicators: rest.controlIndicators.map(({ label: _l, ...i }) => i) };
}
