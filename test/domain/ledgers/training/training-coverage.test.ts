import { describe, expect, it } from 'vitest';
import type { Certificate, TrainedPerson, TrainingEnterprise } from '../../../../src/domain/ledgers/training/training-coverage.ts';
import { certificateStatus, trainingCoverageByEnterprise, trainingCoverageByUnit } from '../../../../src/domain/ledgers/training/training-coverage.ts';

const enterprises: TrainingEnterprise[] = [
  { id: 'E1', territorialUnitId: 'T1', regulatingUnitId: 'D1' },
  { id: 'E2', territorialUnitId: 'T1', regulatingUnitId: 'D2' },
  { id: 'E3', territorialUnitId: 'T2', regulatingUnitId: 'D1' },
  { id: 'E4', territorialUnitId: 'T3', regulatingUnitId: 'D2' },
];

const persons: TrainedPerson[] = [
  { id: 'p1', enterpriseId: 'E1', role: 'principal', name: '甲' },
  { id: 'p2', enterpriseId: 'E1', role: 'safetyManager', name: '乙' },
  { id: 'p3', enterpriseId: 'E1', role: 'specialOperation', name: '丙', operationType: '电工作业' },
  { id: 'p4', enterpriseId: 'E2', role: 'principal', name: '丁' },
  { id: 'p5', enterpriseId: 'E2', role: 'specialOperation', name: '戊', operationType: '焊接与热切割作业' },
  { id: 'p6', enterpriseId: 'E3', role: 'safetyManager', name: '己' },
  { id: 'p7', enterpriseId: 'E3', role: 'safetyManager', name: '庚' },
];

const certificates: Certificate[] = [
  { id: 'c1', personId: 'p1', role: 'principal', number: 'A-1', issuedOn: '2022-01-01', expiresOn: '2025-01-01' },
  { id: 'c2', personId: 'p2', role: 'safetyManager', number: 'A-2', issuedOn: '2021-01-01', expiresOn: '2024-06-30' }, // expires on asOf's day + 0: still valid on 06-30
  { id: 'c3', personId: 'p3', role: 'specialOperation', operationType: '焊接与热切割作业', number: 'T-3', issuedOn: '2020-01-01', expiresOn: '2026-01-01' }, // wrong operation type
  { id: 'c4', personId: 'p4', role: 'principal', number: 'A-4', issuedOn: '2018-01-01', expiresOn: '2021-01-01' }, // expired
  { id: 'c5', personId: 'p5', role: 'specialOperation', operationType: '焊接与热切割作业', number: 'T-5', issuedOn: '2020-01-01', expiresOn: '2026-01-01' },
  { id: 'c6', personId: 'p6', role: 'safetyManager', number: 'A-6', issuedOn: '2023-01-01', expiresOn: '2026-01-01', revoked: true },
  { id: 'c7', personId: 'p7', role: 'safetyManager', number: 'A-7', issuedOn: '2024-07-01', expiresOn: '2027-07-01' }, // not yet valid
  { id: 'c8', personId: 'p7', role: 'safetyManager', number: 'A-8', issuedOn: '2021-07-01', expiresOn: '2024-06-30' },
];

const asOf = '2024-06-30';

describe('training coverage per enterprise', () => {
  const by = trainingCoverageByEnterprise(enterprises, persons, certificates, asOf);

  it('E1: 2 of 3 (66.67%) — the electrician holds a welding certificate only', () => {
    expect(by.get('E1')).toEqual({
      required: 3,
      covered: 2,
      rateHundredths: 6667,
      byRole: { principal: { required: 1, covered: 1 }, safetyManager: { required: 1, covered: 1 }, specialOperation: { required: 1, covered: 0 } },
      uncovered: [{ personId: 'p3', role: 'specialOperation', reasonZh: '丙无电工作业特种作业操作证' }],
      expiringSoon: [{ personId: 'p2', certificateId: 'c2', expiresOn: '2024-06-30' }],
      personIds: ['p1', 'p2', 'p3'],
      coveringCertificateIds: ['c1', 'c2'],
    });
  });

  it('E2: 1 of 2 (50.00%) — the principal’s certificate expired', () => {
    expect(by.get('E2')).toMatchObject({
      required: 2,
      covered: 1,
      rateHundredths: 5000,
      uncovered: [{ personId: 'p4', role: 'principal', reasonZh: '丁的证书A-4已于2021-01-01过期' }],
    });
  });

  it('E3: 1 of 2 — a revoked certificate does not count; a second valid one does', () => {
    expect(by.get('E3')).toMatchObject({
      required: 2,
      covered: 1,
      rateHundredths: 5000,
      uncovered: [{ personId: 'p6', role: 'safetyManager', reasonZh: '己的证书已被撤销' }],
      coveringCertificateIds: ['c8'],
    });
  });

  it('E4: nobody required → rate null, not 0 or 100', () => {
    expect(by.get('E4')).toMatchObject({ required: 0, covered: 0, rateHundredths: null });
  });

  it('a day later, certificates expiring on 06-30 no longer count', () => {
    const next = trainingCoverageByEnterprise(enterprises, persons, certificates, '2024-07-01');
    expect(next.get('E1')).toMatchObject({ covered: 1 });
    expect(next.get('E3')).toMatchObject({ covered: 1, coveringCertificateIds: ['c7'] });
  });

  it('warns about certificates expiring within the window', () => {
    const r = trainingCoverageByEnterprise(enterprises, persons, certificates, '2024-06-01', { expiringWithinDays: 28 });
    // 06-01 + 28 = 06-29: c2 (06-30) is outside; + 29 = 06-30: inside
    expect(r.get('E1')?.expiringSoon).toEqual([]);
    const r30 = trainingCoverageByEnterprise(enterprises, persons, certificates, '2024-06-01', { expiringWithinDays: 29 });
    expect(r30.get('E1')?.expiringSoon).toEqual([{ personId: 'p2', certificateId: 'c2', expiresOn: '2024-06-30' }]);
  });
});

describe('training coverage per unit', () => {
  it('per town: T1 = E1 + E2 = 3 of 5 (60.00%), T2 = 1 of 2, T3 = none required', () => {
    const by = trainingCoverageByUnit(enterprises, persons, certificates, asOf, 'territorial');
    expect(by.get('T1')).toMatchObject({ required: 5, covered: 3, rateHundredths: 6000 });
    expect(by.get('T2')).toMatchObject({ required: 2, covered: 1, rateHundredths: 5000 });
    expect(by.get('T3')).toMatchObject({ required: 0, rateHundredths: null });
  });

  it('per department: D1 = E1 + E3 = 3 of 5, D2 = E2 + E4 = 1 of 2', () => {
    const by = trainingCoverageByUnit(enterprises, persons, certificates, asOf, 'sectoral');
    expect(by.get('D1')).toMatchObject({ required: 5, covered: 3, rateHundredths: 6000 });
    expect(by.get('D2')).toMatchObject({ required: 2, covered: 1, rateHundredths: 5000 });
  });
});

describe('certificateStatus', () => {
  const cert = { issuedOn: '2025-01-10', expiresOn: '2026-01-09' };
  it.each([
    ['2025-01-09', 'notYetValid'],
    ['2025-01-10', 'valid'],
    ['2025-12-09', 'valid'],
    ['2025-12-10', 'expiringSoon'],
    ['2026-01-09', 'expiringSoon'],
    ['2026-01-10', 'expired'],
  ] as const)('on %s: %s', (asOf, status) => {
    expect(certificateStatus(cert, asOf)).toBe(status);
  });
  it('a revoked certificate is revoked whatever the day', () => {
    expect(certificateStatus({ ...cert, revoked: true }, '2025-06-01')).toBe('revoked');
  });
});
