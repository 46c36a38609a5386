import { roleLabels } from '../access/roles';
import type { Role } from '../access/roles';
import { checkTransition, refuse, type TransitionOutcome, type TransitionRule } from './transition';

/** 安全生产目标管理责任书: drafted by the office, issued to the unit, signed by both sides, archived. */
export const agreementStates = ['drafted', 'issued', 'signed', 'archived'] as const;
export type AgreementState = (typeof agreementStates)[number];

export const agreementStateLabels: Record<AgreementState, string> = {
  drafted: '起草',
  issued: '已下达',
  signed: '已签订',
  archived: '已归档',
};

export type AgreementAction = 'issue' | 'sign' | 'withdraw' | 'archive';

export const agreementTransitions: Record<AgreementAction, TransitionRule<AgreementState>> = {
  issue: { from: ['drafted'], to: 'issued', roles: ['committeeAdmin'], label: '下达责任书' },
  // The signed copy comes back from the unit; either its liaison or the office records it.
  sign: { from: ['issued'], to: 'signed', roles: ['committeeAdmin', 'unitLiaison'], label: '登记签订' },
  withdraw: { from: ['issued'], to: 'drafted', roles: ['committeeAdmin'], label: '撤回修改' },
  archive: { from: ['signed'], to: 'archived', roles: ['committeeAdmin'], label: '归档' },
};

export interface AgreementSigning {
  signedOn?: string | undefined;
  /** 主要负责人 and 分管负责人 of the unit, and the government side */
  unitPrincipal?: string | undefined;
  unitDeputy?: string | undefined;
  governmentSignatory?: string | undefined;
  scannedFileId?: string | undefined;
}

export function transitionAgreement(
  state: AgreementState,
  action: AgreementAction,
  role: Role,
  signing: AgreementSigning = {},
  year?: number,
): TransitionOutcome<AgreementState> {
  const base = checkTransition(agreementTransitions, agreementStateLabels, roleLabels, state, action, role);
  if (!base.ok || action !== 'sign') return base;
  const missing: string[] = [];
  if (!signing.signedOn) missing.push('签订日期');
  if (!signing.unitPrincipal?.trim()) missing.push('单位主要负责人');
  if (!signing.unitDeputy?.trim()) missing.push('单位分管负责人');
  if (!signing.governmentSignatory?.trim()) missing.push('政府方签订人');
  if (!signing.scannedFileId) missing.push('签订文本扫描件');
  if (missing.length > 0) return refuse('precondition', `登记签订还缺少：${missing.join('、')}`);
  if (year !== undefined && signing.signedOn!.slice(0, 4) !== String(year) && signing.signedOn!.slice(0, 4) !== String(year - 1)) {
    return refuse('precondition', `签订日期 ${signing.signedOn} 与考核年度 ${year} 年不符`);
  }
  return base;
}
