import { describe, expect, it } from 'vitest';
import type { InspectionForHazards, VerifiedTip } from '../../../../src/domain/ledgers/hazard/hazard-sources.ts';
import { hazardFromTip, hazardsFromInspection } from '../../../../src/domain/ledgers/hazard/hazard-sources.ts';
import { createHazardCard } from '../../../../src/domain/ledgers/hazard/transition-hazard.ts';

const inspection: InspectionForHazards = {
  id: 'ins-7',
  enterpriseId: 'E1',
  territorialUnitId: 'T1',
  regulatingUnitId: 'D1',
  sector: '工贸',
  inspectedOn: '2024-04-02',
  way: 'expertCheck',
  inspectors: ['专家甲', ' 专家乙 '],
  documentNumbers: ['检查记录〔2024〕7号'],
};

describe('hazardsFromInspection', () => {
  it('makes one card input per non-compliant finding, numbered from 1', () => {
    const h = hazardsFromInspection(inspection, [
      { itemCode: 'GM-3', compliant: true, place: '车间', description: '—' },
      { itemCode: 'GM-11', compliant: false, place: '除尘系统', description: '铝粉除尘系统未设置泄爆装置', photos: ['p1'] },
      { compliant: false, place: '有限空间', description: '未设置警示标志' },
    ]);
    expect(h).toEqual([
      {
        id: 'ins-7-1',
        enterpriseId: 'E1',
        territorialUnitId: 'T1',
        regulatingUnitId: 'D1',
        sector: '工贸',
        foundOn: '2024-04-02',
        foundWay: 'expertCheck',
        foundBy: '专家甲、专家乙',
        place: '除尘系统',
        description: '铝粉除尘系统未设置泄爆装置（检查项GM-11）',
        photosBefore: ['p1'],
        enforcementDocumentNumbers: ['检查记录〔2024〕7号'],
      },
      expect.objectContaining({ id: 'ins-7-2', place: '有限空间', description: '未设置警示标志', photosBefore: [] }),
    ]);
  });

  it('the inputs are accepted by createHazardCard for the department’s inspector', () => {
    const [first] = hazardsFromInspection(inspection, [{ compliant: false, place: 'p', description: 'd' }]);
    const r = createHazardCard(first!, { id: 'u', role: 'inspector', unitId: 'D1' }, '2024-04-02T08:00:00Z');
    expect(r.ok && r.card.foundWay).toBe('expertCheck');
  });
});

describe('hazardFromTip', () => {
  const tip: VerifiedTip = {
    id: 'tip-3',
    subject: 'majorHazard',
    verified: true,
    verifiedOn: '2024-05-06',
    verifiedBy: '王五',
    enterpriseId: 'E2',
    territorialUnitId: 'T1',
    regulatingUnitId: 'D2',
    sector: '建筑施工',
    place: '3号楼',
    description: '深基坑无支护',
  };

  it('builds a card found by 举报 on the verification day', () => {
    expect(hazardFromTip(tip)).toEqual({
      ok: true,
      hazard: {
        id: 'tip-3-hazard',
        enterpriseId: 'E2',
        territorialUnitId: 'T1',
        regulatingUnitId: 'D2',
        sector: '建筑施工',
        foundOn: '2024-05-06',
        foundWay: 'tip',
        foundBy: '王五',
        place: '3号楼',
        description: '深基坑无支护',
      },
    });
  });

  it.each([
    [{ subject: 'concealedAccident' as const }, 'tip.notHazard'],
    [{ verified: false }, 'tip.notVerified'],
    [{ verifiedOn: undefined }, 'tip.notVerified'],
    [{ place: undefined, regulatingUnitId: undefined }, 'tip.missingData'],
  ])('refuses %j', (over, code) => {
    expect(hazardFromTip({ ...tip, ...over })).toMatchObject({ ok: false, code });
  });
});
