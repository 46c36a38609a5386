import { describe, expect, it } from 'vitest';
import { expertCreateSchema, expertUpdateSchema } from '../../src/shared/schemas/expert';
import type { ExpertView } from '../../src/shared/schemas/expert';
import { employerText, expertFields, expertFormValues, expertUpdateBody, periodsText } from '../../src/web/pages/experts/expert-form';

const stored: ExpertView = {
  id: 'e1', organisationId: 'o1', name: '李建国', specialties: ['危险化学品', '消防'], level: 'city', levelLabel: '市级', title: null,
  employerEnterpriseId: 'ent-9', employerName: '淄博王村化工有限公司', formerEmployers: [{ enterpriseId: 'ent-2', until: '2024-06-30' }],
  declaredTies: [], active: true, unavailable: [{ from: '2026-12-01', to: '2026-12-10' }], version: 4,
};

describe('the expert drawer', () => {
  it('starts a new expert empty, in the pool, with no employer', () => {
    expect(expertFormValues()).toEqual({ employerKind: 'none', specialties: [], formerEmployers: [], declaredTies: [], unavailable: [], active: true });
  });

  it('reads a stored expert back: a ledger employer by its id, not its name', () => {
    const v = expertFormValues(stored);
    expect(v.employerKind).toBe('ledger');
    expect(v.employerEnterpriseId).toBe('ent-9');
    expect(v.employerName).toBeUndefined();
    expect(expertFormValues({ ...stored, employerEnterpriseId: null, employerName: '山东理工大学' })).toMatchObject({ employerKind: 'name', employerName: '山东理工大学' });
    expect(expertFormValues({ ...stored, employerEnterpriseId: null, employerName: null }).employerKind).toBe('none');
  });

  it('trims, drops blank rows and repeated specialties, and keeps only the chosen kind of employer', () => {
    const body = expertFields({
      name: ' 王敏 ', specialties: [' 建筑施工', '建筑施工', '  '], level: 'county', title: '  ', employerKind: 'name',
      employerEnterpriseId: 'ent-1', employerName: ' 淄博职业学院 ',
      formerEmployers: [{ enterpriseId: 'ent-3', until: '2025-01-31' }, {}],
      declaredTies: [{ enterpriseId: 'ent-4', relation: ' 配偶任职 ' }, { enterpriseId: ' ', relation: '' }],
      unavailable: [{ from: '2026-12-20', to: '2026-12-31' }, { from: '', to: '' }], active: false,
    });
    expect(body).toEqual({
      name: '王敏', specialties: ['建筑施工'], level: 'county', title: null, employerEnterpriseId: null, employerName: '淄博职业学院',
      formerEmployers: [{ enterpriseId: 'ent-3', until: '2025-01-31' }], declaredTies: [{ enterpriseId: 'ent-4', relation: '配偶任职' }],
      unavailable: [{ from: '2026-12-20', to: '2026-12-31' }], active: false,
    });
    expect(expertCreateSchema.safeParse(body).success).toBe(true);
  });

  it('a change carries the version read and clears the employer when none is chosen', () => {
    const body = expertUpdateBody({ ...expertFormValues(stored), employerKind: 'none' }, 4);
    expect(body).toMatchObject({ version: 4, employerEnterpriseId: null, employerName: null, formerEmployers: [{ enterpriseId: 'ent-2', until: '2024-06-30' }] });
    expect(expertUpdateSchema.safeParse(body).success).toBe(true);
  });

  it('a half-filled row is sent, so the server names the missing field', () => {
    const body = expertFields({ ...expertFormValues(), name: '赵', specialties: ['消防'], level: 'city', unavailable: [{ from: '2026-12-01' }] });
    expect(body.unavailable).toEqual([{ from: '2026-12-01', to: '' }]);
    expect(expertCreateSchema.safeParse(body).success).toBe(false);
  });

  it('shows the employer and the periods in words', () => {
    expect(employerText(stored)).toBe('淄博王村化工有限公司');
    expect(employerText({ employerEnterpriseId: null, employerName: null })).toBe('—');
    expect(periodsText([])).toBe('—');
    expect(periodsText([{ from: '2026-12-01', to: '2026-12-10' }, { from: '2027-01-05', to: '2027-01-05' }])).toBe('2026-12-01至2026-12-10、2027-01-05');
  });
});
