import { beforeAll, describe, expect, it } from 'vitest';
import { advance, fullScores, zhoucunSchemeText } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

// The 周村 scheme with a penalty section and a named metric, so events and metrics can be recorded.
const scheme = `${zhoucunSchemeText}
penalty:
  cap: 10
  items:
    - { id: late-report, name: 事故迟报, mode: perOccurrence, points: 2 }
metrics:
  rectification: { name: 隐患按期整改率, unit: "%" }
`;

describe('bonus and penalty events and metric values API', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let liaison: Client;
  let otherAdmin: Client;
  let id: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    [admin, leader, liaison, otherAdmin] = await loginAll(t.app, [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const);
    const res = await admin.inject({ method: 'POST', url: '/api/campaigns', payload: { organisationId: d.districtId, scheme, units: [{ unitId: d.units.town }, { unitId: d.units.dept }] } });
    expect(res.statusCode).toBe(201);
    id = res.json<{ id: string }>().id;
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: fullScores('territorial') } });
  });

  const post = (who: Client, payload: Record<string, unknown>) => who.inject({ method: 'POST', url: `/api/campaigns/${id}/adjustments`, payload });
  const townScore = async () => (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<{ rows: { unit: string; score: number | null }[] }>().rows[0]!.score;
  const events = async () => Number((await t.database.db.selectFrom('adjustment_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('records a penalty event that the engine applies, and refuses one the scheme does not have', async () => {
    expect(await townScore()).toBe(100);
    const res = await post(admin, { unitId: d.units.town, kind: 'penalty', item: 'late-report', times: 2, note: '区安委办通报〔2014〕3号' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unitId: d.units.town, kind: 'penalty', item: 'late-report', times: 2 });
    expect(await townScore()).toBe(96);
    const listed = (await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/adjustments` })).json<{ items: { unitId: string }[] }>().items;
    expect(listed.map((e) => e.unitId)).toEqual([d.units.town]);

    const before = await events();
    const unknown = await post(admin, { unitId: d.units.town, kind: 'bonus', item: 'award' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('加减分与否决');
    expect((await post(leader, { unitId: d.units.town, kind: 'penalty', item: 'late-report' })).statusCode).toBe(403);
    expect((await post(liaison, { unitId: d.units.town, kind: 'penalty', item: 'late-report' })).statusCode).toBe(403);
    expect((await post(otherAdmin, { unitId: d.units.town, kind: 'penalty', item: 'late-report' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/adjustments`, payload: { unitId: d.units.town, kind: 'penalty', item: 'late-report' } })).statusCode).toBe(401);
    expect(await events()).toBe(before);
  });

  it('records metric values named by the scheme only', async () => {
    const put = (who: Client, values: Record<string, unknown>) => who.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.dept}/metrics`, payload: { values } });
    const ok = await put(admin, { rectification: 96.5 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().values).toEqual({ rectification: 96.5 });
    const bad = await put(admin, { nosuch: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('考核方案中没有指标“nosuch”');
    expect((await put(leader, { rectification: 90 })).statusCode).toBe(403);
    const stored = await t.database.db.selectFrom('metric_value').select(['name', 'value_json']).where('campaign_id', '=', id).execute();
    expect(stored).toEqual([{ name: 'rectification', value_json: '96.5' }]);
  });
});
