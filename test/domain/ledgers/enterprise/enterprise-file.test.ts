import { describe, expect, it } from 'vitest';
import type { EnterpriseInput } from '../../../../src/domain/ledgers/enterprise/enterprise-file.ts';
import { enterpriseTimeline, licenceStatus, validateEnterprise, validateEnterpriseImport } from '../../../../src/domain/ledgers/enterprise/enterprise-file.ts';

const good: EnterpriseInput = {
  name: ' 周村某化工有限公司 ',
  creditCode: '91350100m000100y43',
  address: '周村区某路1号',
  legalRepresentative: '张三',
  sector: '危险化学品',
  size: 'small',
  territorialUnitId: 'T1',
  regulatingUnitId: 'D1',
  standardisationLevel: 'level3',
  licences: [{ kind: '危险化学品经营许可证', number: '鲁淄危化经字〔2014〕001号', validFrom: '2014-01-01', validTo: '2017-01-01' }],
};

const ctx = { territorialUnitIds: new Set(['T1']), regulatingUnitIds: new Set(['D1']), sectors: new Set(['危险化学品']) };

describe('validateEnterprise', () => {
  it('normalises a valid enterprise', () => {
    const r = validateEnterprise(good, ctx);
    expect(r.ok && [r.enterprise.name, r.enterprise.creditCode]).toEqual(['周村某化工有限公司', '91350100M000100Y43']);
  });

  it('reports every error at once', () => {
    const r = validateEnterprise(
      {
        ...good,
        name: '',
        creditCode: '91350100M000100Y44',
        size: 'huge' as never,
        territorialUnitId: 'T9',
        sector: '游乐',
        licences: [{ kind: '', number: 'x', validFrom: '2020-01-01', validTo: '2019-01-01' }],
      },
      ctx,
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'name', messageZh: '单位名称不能为空。' },
        { field: 'creditCode', messageZh: '统一社会信用代码校验码错误：第18位为“4”，按 GB 32100-2015 由前17位计算应为“3”，请核对代码是否录入有误。' },
        { field: 'size', messageZh: '企业规模应为大型、中型、小型或微型。' },
        { field: 'territorialUnitId', messageZh: '所属镇（街道）“T9”不存在。' },
        { field: 'sector', messageZh: '行业领域“游乐”不在行业领域目录中。' },
        { field: 'licences.0', messageZh: '第1个许可证须写明名称和编号。' },
        { field: 'licences.0', messageZh: '第1个许可证的有效期止日2019-01-01早于起日2020-01-01。' },
      ],
    });
  });

  it('refuses a credit code already registered', () => {
    const r = validateEnterprise(good, { existingCreditCodes: new Set(['91350100M000100Y43']) });
    expect(r.ok || r.errors).toEqual([{ field: 'creditCode', messageZh: '统一社会信用代码91350100M000100Y43已登记，不能重复登记。' }]);
  });
});

describe('validateEnterpriseImport (whole or nothing)', () => {
  const other: EnterpriseInput = { ...good, name: '另一家', creditCode: '123703030043123450' };

  it('accepts all rows when all are valid', () => {
    const r = validateEnterpriseImport([{ rowNumber: 2, input: good }, { rowNumber: 3, input: other }], ctx);
    expect(r.ok && r.enterprises.length).toBe(2);
  });

  it('accepts nothing when one row is wrong, and names every wrong row', () => {
    const r = validateEnterpriseImport(
      [
        { rowNumber: 2, input: good },
        { rowNumber: 3, input: { ...other, legalRepresentative: ' ' } },
        { rowNumber: 4, input: { ...good, name: '重复' } },
      ],
      ctx,
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        { rowNumber: 3, field: 'legalRepresentative', messageZh: '第3行：法定代表人不能为空。' },
        { rowNumber: 4, field: 'creditCode', messageZh: '第4行：统一社会信用代码91350100M000100Y43与第2行重复。' },
      ],
    });
  });

  it('refuses an empty file', () => {
    expect(validateEnterpriseImport([], ctx).ok).toBe(false);
  });
});

describe('licenceStatus', () => {
  const licence = { kind: 'k', number: 'n', validFrom: '2014-01-01', validTo: '2017-01-01' };
  it.each([
    ['2013-12-31', 'notYetValid'],
    ['2014-01-01', 'valid'],
    ['2016-10-02', 'valid'],
    ['2016-10-03', 'expiringSoon'], // 10-03 + 90 days = 2017-01-01
    ['2017-01-01', 'expiringSoon'],
    ['2017-01-02', 'expired'],
  ])('%s → %s', (today, status) => {
    expect(licenceStatus(licence, today)).toBe(status);
  });
});

describe('enterpriseTimeline', () => {
  it('puts everything on one timeline, newest first; a day sorts at its start in China time', () => {
    const t = enterpriseTimeline([
      { kind: 'hazard', id: 'h1', at: '2024-03-01', titleZh: '发现隐患' },
      { kind: 'enforcement', id: 'm1', at: '2024-03-01T02:00:00Z', titleZh: '查封' },
      { kind: 'inspection', id: 'i1', at: '2024-03-01', titleZh: '执法检查' },
      { kind: 'tip', id: 't1', at: '2024-02-28T20:00:00Z', titleZh: '举报' }, // 2024-02-29 04:00 in China
      { kind: 'accident', id: 'a1', at: '2023-12-01', titleZh: '事故' },
    ]);
    expect(t.map((e) => e.id)).toEqual(['m1', 'h1', 'i1', 't1', 'a1']);
  });
});
