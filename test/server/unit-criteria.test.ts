import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign } from '../support/campaign-factories';
import type { District } from '../support/factories';
import { districtWithPeople, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Criteria {
  category: string;
  categoryName: string;
  scale: number;
  notApplicableMode: string;
  items: { id: string; parentId: string | null; points: number; leaf: boolean; method: { type: string; label: string; perOccurrence?: number } | null; description: string | null }[];
}

describe('criteria of one assessed unit API', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let liaison: Client;
  let assessor: Client;
  let otherAssessor: Client;
  let otherAdmin: Client;
  let id: string;

  beforeAll(async () => {
    ({ d, clients: { admin, liaison, assessor, townAssessor: otherAssessor, otherAdmin } } = await districtWithPeople(t, ['admin', 'liaison', 'assessor', 'townAssessor', 'otherAdmin']));
    id = (await createTestCampaign(admin, d)).id;
  });

  const get = (who: Client, unitId: string) => who.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${unitId}/criteria` });

  it('lists the items of the unit category with points, methods in Chinese and 评分标准', async () => {
    const res = await get(liaison, d.units.town);
    expect(res.statusCode).toBe(200);
    const body = res.json<Criteria>();
    expect(body).toMatchObject({ category: 'territorial', categoryName: '属地', scale: 100, notApplicableMode: 'normalise' });
    const ids = body.items.map((i) => i.id);
    expect(ids).toContain('5.1');
    expect(ids).not.toContain('5.2');
    expect(body.items.find((i) => i.id === '1')).toMatchObject({ parentId: null, points: 15, leaf: false, method: null });
    const deduction = body.items.find((i) => i.id === '1.1')!;
    expect(deduction).toMatchObject({ parentId: '1', points: 5, leaf: true, method: { type: 'deduction', perOccurrence: 1 } });
    expect(deduction.method!.label).toContain('每次扣 1 分');
    expect(deduction.description).toContain('安委会');
    const top = body.items.filter((i) => i.parentId === null).reduce((s, i) => s + i.points, 0);
    expect(top).toBe(100);

    const dept = (await get(assessor, d.units.dept)).json<Criteria>();
    expect(dept.category).toBe('department');
    expect(dept.items.map((i) => i.id)).toContain('5.2');
    expect((await get(admin, d.units.dept)).statusCode).toBe(200);
  });

  it('is refused without a session and hides units the actor may not see', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.town}/criteria` })).statusCode).toBe(401);
    expect((await get(liaison, d.units.dept)).statusCode).toBe(404);
    expect((await get(assessor, d.units.town)).statusCode).toBe(404);
    expect((await get(otherAssessor, d.units.town)).statusCode).toBe(200);
    expect((await get(otherAdmin, d.units.town)).statusCode).toBe(404);
    expect((await get(admin, d.units.other)).statusCode).toBe(404);
    const missing = await admin.inject({ method: 'GET', url: `/api/campaigns/nosuch/units/${d.units.town}/criteria` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('考核活动');
  });
});
