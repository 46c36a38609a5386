import { describe, expect, test } from 'vitest';
import type { HazardCard } from '../../src/domain/ledgers/hazard/hazard-card';
import { hazardRoleOf, openSteps } from '../../src/web/pages/hazards/steps';

const card = (extra: Partial<HazardCard> = {}): HazardCard => ({
  id: 'h1', enterpriseId: 'e1', territorialUnitId: 'wangcun', regulatingUnitId: 'anjian', sector: 'hazardous-chemicals',
  foundOn: '2026-12-01', foundWay: 'inspection', foundBy: '执法二中队', place: '配电室', description: '配电箱未设防护门',
  photosBefore: [], state: 'found', photosAfter: [], enforcementDocumentNumbers: [], returnCount: 0,
  lastActionAt: '2026-12-01T02:00:00.000Z', ...extra,
});

describe('hazardRoleOf', () => {
  test('the office acts as 安委办, a liaison by its unit’s category, readers not at all', () => {
    expect(hazardRoleOf('committeeAdmin', undefined)).toBe('committeeOffice');
    expect(hazardRoleOf('systemAdmin', undefined)).toBe('committeeOffice');
    expect(hazardRoleOf('unitLiaison', 'territorial')).toBe('townOfficer');
    expect(hazardRoleOf('unitLiaison', 'department')).toBe('inspector');
    expect(hazardRoleOf('unitLiaison', undefined)).toBeNull();
    expect(hazardRoleOf('leader', undefined)).toBeNull();
    expect(hazardRoleOf('assessor', 'territorial')).toBeNull();
  });
});

describe('openSteps', () => {
  test('a found card: the town officer registers; the office may not', () => {
    expect(openSteps(card(), 'townOfficer', 'wangcun', 'a').actions).toEqual(['register']);
    expect(openSteps(card(), 'committeeOffice', null, 'a').actions).toEqual([]);
  });

  test('another town’s officer is offered nothing', () => {
    expect(openSteps(card(), 'townOfficer', 'beijiao', 'a').actions).toEqual([]);
  });

  test('grading: a town officer gives 一般 only, the inspector either grade; both may return', () => {
    const registered = card({ state: 'registered', number: 'YH-1' });
    expect(openSteps(registered, 'townOfficer', 'wangcun', 'a')).toEqual({ actions: ['grade', 'return'], grades: ['general'] });
    expect(openSteps(registered, 'inspector', 'anjian', 'a')).toEqual({ actions: ['grade', 'return'], grades: ['general', 'major'] });
  });

  test('rectification and the application are recorded for the enterprise by any officer who keeps the card', () => {
    const graded = card({ state: 'graded', grade: 'general' });
    expect(openSteps(graded, 'townOfficer', 'wangcun', 'a').actions).toEqual(['startRectification', 'return']);
    expect(openSteps(graded, 'committeeOffice', null, 'a').actions).toEqual(['startRectification']);
    expect(openSteps(card({ state: 'rectifying', grade: 'general' }), 'committeeOffice', null, 'a').actions).toEqual(['applyForAcceptance']);
  });

  test('a 重大隐患 is accepted by the inspector, not by the town officer', () => {
    const applied = card({ state: 'acceptanceApplied', grade: 'major' });
    expect(openSteps(applied, 'townOfficer', 'wangcun', 'a').actions).toEqual([]);
    expect(openSteps(applied, 'inspector', 'anjian', 'a').actions).toEqual(['accept', 'return']);
  });

  test('an accepted card: 销号 by the town officer or the office, who may also return it', () => {
    const accepted = card({ state: 'accepted', grade: 'general' });
    expect(openSteps(accepted, 'townOfficer', 'wangcun', 'a').actions).toEqual(['close', 'return']);
    expect(openSteps(accepted, 'committeeOffice', null, 'a').actions).toEqual(['close', 'return']);
  });

  test('a closed card offers nothing; a reader role nothing at all', () => {
    expect(openSteps(card({ state: 'closed', grade: 'general' }), 'inspector', 'anjian', 'a').actions).toEqual([]);
    expect(openSteps(card({ state: 'registered' }), null, null, 'a')).toEqual({ actions: [], grades: [] });
  });
});
