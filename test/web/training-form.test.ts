import { describe, expect, it } from 'vitest';
import { certificateCreateSchema, personCreateSchema, personUpdateSchema, sessionCreateSchema } from '../../src/shared/schemas/training';
import type { PersonView } from '../../src/shared/schemas/training';
import { withFieldNames } from '../../src/web/field-errors';
import {
  certificateBody, personCreateBody, personUpdateBody, rateText, sessionBody, trainingFieldLabels,
} from '../../src/web/pages/training/training-form';

const person: PersonView = {
  id: 'p-1', enterpriseId: 'ent-1', enterpriseName: '淄博王村化工有限公司', territorialUnitId: 'wangcun', regulatingUnitId: 'ajj',
  name: '李强', role: 'specialOperation', roleLabel: '特种作业人员', operationType: '电工作业', identifier: '1234', active: true, version: 4,
};

describe('the training page\'s forms', () => {
  it('a new person: text trimmed, blank identifier left out, an operation type only for a 特种作业人员', () => {
    const body = personCreateBody({ enterpriseId: 'ent-1', name: ' 张伟 ', role: 'principal', operationType: '电工作业', identifier: ' ', active: true });
    expect(body).toEqual({ enterpriseId: 'ent-1', name: '张伟', role: 'principal', active: true });
    expect(personCreateSchema.safeParse(body).success).toBe(true);
    expect(personCreateBody({ enterpriseId: 'ent-1', name: '李强', role: 'specialOperation', operationType: ' 焊接与热切割作业 ', identifier: '0042' }))
      .toEqual({ enterpriseId: 'ent-1', name: '李强', role: 'specialOperation', operationType: '焊接与热切割作业', identifier: '0042', active: true });
  });

  it('an edit sends only what changed with the version read; a cleared field is null', () => {
    const unchanged = { name: '李强', role: 'specialOperation' as const, operationType: '电工作业', identifier: '1234', active: true };
    expect(personUpdateBody(person, unchanged)).toEqual({ version: 4 });
    expect(personUpdateBody(person, { ...unchanged, identifier: '', active: false })).toEqual({ version: 4, identifier: null, active: false });
    // Moving to another role drops the operation type, which belongs to special operations only.
    const body = personUpdateBody(person, { ...unchanged, role: 'safetyManager' });
    expect(body).toEqual({ version: 4, role: 'safetyManager', operationType: null });
    expect(personUpdateSchema.safeParse(body).success).toBe(true);
  });

  it('a certificate: blank session left out; a session held by the office names its organisation, by a unit the unit', () => {
    const cert = certificateBody({ personId: 'p-1', number: ' 鲁安特证0001 ', issuedOn: '2026-12-01', validUntil: '2032-11-30', sessionId: '' });
    expect(cert).toEqual({ personId: 'p-1', number: '鲁安特证0001', issuedOn: '2026-12-01', validUntil: '2032-11-30' });
    expect(certificateCreateSchema.safeParse(cert).success).toBe(true);
    const v = { title: ' 主要负责人培训 ', heldOn: '2026-12-05', organiser: '区应急局', hours: 16, roles: ['principal', 'principal', 'safetyManager'] as const };
    const office = sessionBody({ ...v, roles: [...v.roles] }, { organisationId: 'zhoucun', unitId: null });
    expect(office).toEqual({ organisationId: 'zhoucun', title: '主要负责人培训', heldOn: '2026-12-05', organiser: '区应急局', hours: 16, roles: ['principal', 'safetyManager'] });
    expect(sessionCreateSchema.safeParse(office).success).toBe(true);
    expect(sessionBody({ ...v, roles: ['principal'] }, { organisationId: 'zhoucun', unitId: 'wangcun' })).toMatchObject({ unitId: 'wangcun' });
    expect(sessionBody({ ...v, roles: ['principal'] }, { organisationId: 'zhoucun', unitId: 'wangcun' })).not.toHaveProperty('organisationId');
  });

  it('a rate in words, and a refusal naming a field in Chinese', () => {
    expect(rateText(85.714)).toBe('85.71%');
    expect(rateText(100)).toBe('100.00%');
    expect(rateText(null)).toBe('无须持证人员');
    expect(withFieldNames('请求体字段“validUntil”：有效期不能早于发证日期。', trainingFieldLabels)).toBe('有效期至：有效期不能早于发证日期。');
  });
});
