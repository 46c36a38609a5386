import type { MeasureType, StepKey } from '../../../domain/ledgers/enforcement/procedures';
import { disposalOutcomeLabels } from '../../../shared/schemas/enforcement';

/**
 * The fields of each procedure step's form, as data, so one form renders every step and the
 * request body is built the same way each time. They mirror enforcementStepSchema (the server
 * checks again); which decision fields apply depends on the measure's type (record-step.ts).
 */
export type FieldKind = 'text' | 'longText' | 'bool' | 'date' | 'days' | 'officers' | 'items' | 'choice';

export interface StepField {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly choices?: readonly { value: string | boolean; label: string }[];
  /** Shown under the field: the rule it serves. */
  readonly help?: string;
  /** Asked only when another field has this value (the witness when the party is absent). */
  readonly when?: { readonly field: string; readonly equals: unknown };
}

const number = (label = '文书编号'): StepField => ({ name: 'documentNumber', label, kind: 'text', required: true });
const yes = (name: string, label: string, help?: string): StepField => ({ name, label, kind: 'bool', ...(help ? { help } : {}) });

const sealOrSeize = (t: MeasureType) => t === 'seal' || t === 'seize';
const suspension = (t: MeasureType) => t === 'suspendProduction' || t === 'suspendConstruction' || t === 'suspendUse';

function decisionFields(type: MeasureType): StepField[] {
  const fields: StepField[] = [number('决定书文书编号')];
  if (sealOrSeize(type)) {
    fields.push({ name: 'items', label: '查封、扣押清单（每行一项）', kind: 'items', required: true, help: '行政强制法第二十四条：决定书和清单当场交付当事人' });
    fields.push({ name: 'periodDays', label: '期限（日）', kind: 'days', help: '不超过30日；不填为30日（行政强制法第二十五条）' });
  }
  if (suspension(type)) {
    fields.push({ name: 'periodEndsOn', label: '期限截止日', kind: 'date', required: true, help: '一般不超过6个月（安监总局令第15号第十四条）' });
    fields.push({ name: 'exceptionBasis', label: '超过6个月的法律、行政法规依据', kind: 'text' });
  }
  if (type === 'orderRectification') fields.push({ name: 'rectifyBy', label: '整改期限', kind: 'date', required: true });
  if (type === 'demolition') fields.push({ name: 'selfDemolitionBy', label: '自行拆除期限', kind: 'date', required: true, help: '期满后方可强制拆除（行政强制法第四十四条）' });
  return fields;
}

export function stepFields(step: StepKey, type: MeasureType): readonly StepField[] {
  switch (step) {
    case 'precondition':
      return [
        { name: 'priorDecisionNumber', label: '此前停产停业等决定的文书编号', kind: 'text', required: true },
        yes('refusedToComply', '生产经营单位拒不执行该决定'),
        yes('realDanger', '有发生生产安全事故的现实危险'),
        yes('safetyEnsured', '在保证安全的前提下实施', '安全生产法（2021）第七十条：三项条件同时具备方可停止供电'),
      ];
    case 'approval':
      return [
        { name: 'approverName', label: '批准的负责人', kind: 'text', required: true },
        ...(type === 'powerCut' || type === 'explosivesSupplyStop' ? [yes('approverIsPrincipal', '批准人为本部门主要负责人', '安全生产法（2021）第七十条')] : []),
        { name: 'approved', label: '批准结果', kind: 'choice', required: true, choices: [{ value: true, label: '批准' }, { value: false, label: '不批准' }] },
      ];
    case 'onSite':
      return [
        { name: 'officers', label: '执法人员（两名以上，持执法证件）', kind: 'officers', required: true, help: '行政强制法第十八条' },
        yes('partyNotified', '已当场告知理由、依据以及当事人的权利和救济途径'),
        yes('partyHeard', '已听取当事人的陈述和申辩'),
        {
          name: 'recordSignedBy', label: '现场笔录签名', kind: 'choice', required: true,
          choices: [{ value: 'party', label: '当事人签名' }, { value: 'partyRefused', label: '当事人拒绝签名（已注明）' }, { value: 'witness', label: '当事人不到场，见证人签名' }],
        },
        { name: 'witnessName', label: '见证人', kind: 'text', required: true, when: { field: 'recordSignedBy', equals: 'witness' } },
      ];
    case 'decision':
      return decisionFields(type);
    case 'extension':
      return [
        { name: 'extraDays', label: '延长天数', kind: 'days', required: true, help: '只能延长一次，不超过30日（行政强制法第二十五条）' },
        { name: 'approverName', label: '批准的负责人', kind: 'text', required: true },
        { name: 'reason', label: '延长理由', kind: 'longText', required: true },
        yes('notifiedInWriting', '已书面告知当事人'),
      ];
    case 'disposal':
      return [
        number('处理决定文书编号'),
        { name: 'outcome', label: '处理结果', kind: 'choice', required: true, choices: Object.entries(disposalOutcomeLabels).map(([value, label]) => ({ value, label })) },
      ];
    case 'supplierNotice':
      return [
        { name: 'supplierName', label: '供应单位', kind: 'text', required: true },
        number('通知文书编号'),
        yes('inWriting', '以书面形式通知'),
      ];
    case 'partyNotice':
      return [number('通知文书编号')];
    case 'publicNotice':
      return [number('公告文书编号')];
    case 'execution':
      return type === 'demolition' ? [yes('remedyPeriodElapsed', '当事人在法定期限内未申请行政复议或提起行政诉讼，又不拆除')] : [];
    case 'resumptionApplication':
      return [];
    case 'resumptionReview':
      return [{ name: 'approved', label: '审查结果', kind: 'choice', required: true, choices: [{ value: true, label: '同意恢复生产' }, { value: false, label: '不同意' }] }];
    case 'review':
      return [{ name: 'rectified', label: '复查结果', kind: 'choice', required: true, choices: [{ value: true, label: '已整改到位' }, { value: false, label: '未整改到位' }] }];
    case 'lift':
      return [{ name: 'reason', label: '解除理由', kind: 'longText', required: true }];
  }
}

export type StepValues = Record<string, unknown>;

/**
 * The request body of a step from the form's values: text trimmed and blanks left out, a list
 * typed one item per line split, check boxes false when not ticked.
 */
export function stepBody(step: StepKey, type: MeasureType, values: StepValues, version: number, at?: string): Record<string, unknown> {
  const body: Record<string, unknown> = { step, version };
  if (at) body.at = at;
  for (const field of stepFields(step, type)) {
    if (field.when && values[field.when.field] !== field.when.equals) continue;
    const value = values[field.name];
    if (field.kind === 'bool') { body[field.name] = value === true; continue; }
    if (field.kind === 'items') {
      const items = String(value ?? '').split('\n').map((s) => s.trim()).filter((s) => s.length > 0);
      if (items.length > 0) body[field.name] = items;
      continue;
    }
    if (field.kind === 'officers') {
      const officers = (Array.isArray(value) ? value : []) as { name?: string; certificateNumber?: string }[];
      body[field.name] = officers
        .map((o) => ({ name: (o?.name ?? '').trim(), certificateNumber: (o?.certificateNumber ?? '').trim() }))
        .filter((o) => o.name !== '' || o.certificateNumber !== '');
      continue;
    }
    if (typeof value === 'string') {
      if (value.trim() !== '') body[field.name] = value.trim();
      continue;
    }
    if (value !== undefined && value !== null) body[field.name] = value;
  }
  return body;
}

/**
 * What a recorded step said, in words, from its stored data and the same field list: each
 * answered field as “label：value”, ticked boxes by their label, choices by their label.
 */
export function stepDetailText(step: StepKey, type: MeasureType, detail: StepValues): string {
  const parts: string[] = [];
  for (const field of stepFields(step, type)) {
    const value = detail[field.kind === 'longText' && step === 'lift' ? 'reasonZh' : field.name];
    if (value === undefined || value === null || value === '') continue;
    if (field.kind === 'bool') { if (value === true) parts.push(field.label); continue; }
    if (field.kind === 'choice') { parts.push(`${field.label}：${field.choices?.find((c) => c.value === value)?.label ?? String(value)}`); continue; }
    if (field.kind === 'officers') {
      parts.push(`执法人员：${(value as { name: string; certificateNumber: string }[]).map((o) => `${o.name}（${o.certificateNumber}）`).join('、')}`);
      continue;
    }
    if (field.kind === 'items') { parts.push(`清单：${(value as string[]).join('、')}`); continue; }
    parts.push(`${field.label}：${String(value)}${field.kind === 'days' ? '日' : ''}`);
  }
  return parts.join('；');
}
