import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Row { unit: string; score: number | null; rank: number | null; vetoed: boolean; remark: string }
interface Results { rows: Row[] }
interface WhatIf { before: Results; after: Results; diff: { rows: { unit: string; changes: { field: string }[] }[] } }

describe('campaign scheme and what-if on scores, accidents and vetoes', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let liaison: Client;
  let otherAdmin: Client;
  let id: string;
  let townName: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    [admin, leader, liaison, otherAdmin] = await loginAll(t.app, [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const);
    id = (await createTestCampaign(admin, d)).id;
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: fullScores('territorial', 1) } });
    await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.dept}/scores/team`, payload: { items: fullScores('department', 0) } });
    townName = (await db.selectFrom('unit').select('name').where('id', '=', d.units.town).executeTakeFirstOrThrow()).name;
  });

  const whatIf = (who: Client, changes: unknown[]) => who.inject({ method: 'POST', url: `/api/campaigns/${id}/what-if`, payload: { changes } });
  const count = async () => Number((await t.database.db.selectFrom('audit_record').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('gives the current scheme to everyone who may read the campaign, and hides it from another district', async () => {
    const res = await leader.inject({ method: 'GET', url: `/api/campaigns/${id}/scheme` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ version: number; scheme: { campaign: { year: number }; categories: { id: string }[] } }>();
    expect(body.version).toBe(1);
    expect(body.scheme.campaign.year).toBe(2014);
    expect(body.scheme.categories.map((c) => c.id)).toEqual(['territorial', 'department']);
    expect((await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/scheme` })).statusCode).toBe(200);
    expect((await otherAdmin.inject({ method: 'GET', url: `/api/campaigns/${id}/scheme` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}/scheme` })).statusCode).toBe(401);
    expect((await admin.inject({ method: 'GET', url: '/api/campaigns/nope/scheme' })).statusCode).toBe(404);
  });

  it('changes a unit’s item score in a copy: score and rank move, the real results and the audit do not', async () => {
    const real = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<Results>();
    const audit = await count();
    const res = await whatIf(admin, [{ kind: 'itemScore', unit: d.units.town, criterion: '1.2', input: 5 }]);
    expect(res.statusCode).toBe(200);
    const body = res.json<WhatIf>();
    expect(body.before.rows.find((r) => r.unit === townName)!.score).toBe(99);
    expect(body.after.rows.find((r) => r.unit === townName)!.score).toBe(100);
    // The table is ordered by score, so the town moves up a line and the department down.
    expect(body.diff.rows.find((r) => r.unit === townName)!.changes.map((c) => c.field)).toEqual(['score', 'reward', 'seq']);
    expect(body.diff.rows.filter((r) => r.unit !== townName).flatMap((r) => r.changes.map((c) => c.field))).toEqual(['seq']);
    expect((await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<Results>()).toEqual(real);
    expect(await count()).toBe(audit);
  });

  it('adds and removes an accident and proposes a veto', async () => {
    const added = await whatIf(admin, [{ kind: 'addAccident', accident: { id: 'WI-1', occurredAt: '2014-06-01', territorialUnit: d.units.town, deaths: 3 } }]);
    expect(added.statusCode).toBe(200);
    expect(added.json<WhatIf>().after.rows.find((r) => r.unit === townName)).toMatchObject({ vetoed: true, score: null });
    const removed = await whatIf(admin, [{ kind: 'removeAccident', accident: 'WI-1' }]);
    expect(removed.statusCode).toBe(400);
    expect(removed.json().message).toContain('没有编号为“WI-1”的事故');
    // 周村's veto rules are all decided by the facts, so a manual veto is refused by name.
    const veto = await whatIf(admin, [{ kind: 'addVeto', unit: d.units.town, rule: 'area-larger-accident', reason: '安委会决定' }]);
    expect(veto.statusCode).toBe(400);
    expect(veto.json().message).toContain('不是人工否决规则');
  });

  it('refuses an input that does not suit the item, bad shapes, and other roles', async () => {
    const tooMany = await whatIf(admin, [{ kind: 'itemScore', unit: d.units.town, criterion: '1.2', input: 50 }]);
    expect(tooMany.statusCode).toBe(400);
    expect((await whatIf(admin, [{ kind: 'itemScore', unit: d.units.town, criterion: '1.2', input: 'x' }])).statusCode).toBe(400);
    expect((await whatIf(admin, [{ kind: 'addAccident', accident: { id: 'A', occurredAt: '六月', deaths: 1 } }])).statusCode).toBe(400);
    expect((await whatIf(leader, [{ kind: 'removeAccident', accident: 'A' }])).statusCode).toBe(403);
    expect((await whatIf(liaison, [{ kind: 'removeAccident', accident: 'A' }])).statusCode).toBe(403);
    expect((await whatIf(otherAdmin, [{ kind: 'removeAccident', accident: 'A' }])).statusCode).toBe(404);
  });
});
