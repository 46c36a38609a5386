import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createTestCampaign } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Month { month: number; status: string; statusLabel: string; submittedOn: string | null; figures: Record<string, number> | null; derived: { accidents: number; deaths: number; seriousInjuries: number } }
interface UnitReports { unitId: string; months: Month[] }

describe('monthly indicator reports API', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let assessor: Client;
  let liaison: Client;
  let otherAdmin: Client;
  let id: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    [admin, assessor, liaison, otherAdmin] = await loginAll(t.app, users);
    id = (await createTestCampaign(admin, d)).id;
  });

  const put = (who: Client, unitId: string, month: number, figures: Record<string, unknown>) =>
    who.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${unitId}/monthly-reports/${month}`, payload: { figures } });
  const overview = async (who: Client) => (await who.inject({ method: 'GET', url: `/api/campaigns/${id}/monthly-reports` })).json<{ items: UnitReports[] }>().items;
  const count = async () => Number((await t.database.db.selectFrom('monthly_report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('flags a late report and the missing ones, and derives accident figures from the register', async () => {
    expect((await put(liaison, d.units.town, 3, { inspections: 12 })).statusCode).toBe(409); // not yet in the year's execution
    await advance(admin, id, ['openSigning', 'startYear']);
    await admin.inject({ method: 'POST', url: '/api/accidents', payload: { organisationId: d.districtId, occurredAt: '2014-03-09', territorialUnitId: d.units.town, deaths: 1, seriousInjuries: 2 } });

    // The 2014 March report sent now is long past its deadline (2014-04-02): late, and kept as late.
    const late = await put(liaison, d.units.town, 3, { inspections: 12, hazardsFound: 30 });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ month: 3, status: 'late', statusLabel: '迟报', deadline: '2014-04-02', figures: { inspections: 12, hazardsFound: 30 } });
    expect(late.json().derived).toEqual({ accidents: 1, deaths: 1, seriousInjuries: 2 });
    const again = await put(liaison, d.units.town, 3, { inspections: 13 });
    expect(again.json()).toMatchObject({ status: 'late', submittedOn: late.json().submittedOn, figures: { inspections: 13 } });

    const [town] = await overview(liaison);
    expect(town!.unitId).toBe(d.units.town);
    expect(town!.months.map((m) => m.status)).toEqual(['missing', 'missing', 'late', ...Array(9).fill('missing')]);
    const all = await overview(admin);
    expect(all.map((u) => u.unitId)).toEqual([d.units.town, d.units.dept]);
  });

  it('gives each control indicator its year-to-date use against the share of the year elapsed', async () => {
    const withIndicators = (await createTestCampaign(admin, d, {
      units: [{ unitId: d.units.town, controlIndicators: [{ kind: 'deaths', ceiling: 2 }, { kind: 'accidents', minGrade: 'larger', ceiling: 0 }] }, { unitId: d.units.dept }],
    })).id;
    const res = (await admin.inject({ method: 'GET', url: `/api/campaigns/${withIndicators}/monthly-reports` })).json<{
      year: number; asOf: string;
      items: { unitId: string; indicators: { label: string; ceiling: number; actual: number; usedBasisPoints: number | null; elapsedBasisPoints: number; aheadOfPace: boolean; breached: boolean }[] }[];
    }>();
    // The 2014 year is over: pace is judged as of its last day, when the whole year has elapsed.
    expect(res.asOf).toBe(`${res.year}-12-31`);
    const town = res.items.find((u) => u.unitId === d.units.town)!;
    // The town's 2014-03-09 accident (1 death) from the register: half the death ceiling, not ahead of a full year.
    expect(town.indicators).toEqual([
      { label: '死亡人数 ≤ 2', ceiling: 2, actual: 1, breached: false, usedBasisPoints: 5000, elapsedBasisPoints: 10_000, aheadOfPace: false },
      { label: '较大及以上事故起数 ≤ 0', ceiling: 0, actual: 0, breached: false, usedBasisPoints: null, elapsedBasisPoints: 10_000, aheadOfPace: false },
    ]);
    expect(res.items.find((u) => u.unitId === d.units.dept)!.indicators).toEqual([]);
  });

  it('refuses typed accident figures, other units and wrong roles, changing nothing', async () => {
    const before = await count();
    const typed = await put(liaison, d.units.town, 4, { deaths: 0, inspections: 3 });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().message).toContain('由事故登记自动统计，不能填报');
    expect((await put(liaison, d.units.town, 4, { inspections: -1 })).statusCode).toBe(400);
    expect((await put(liaison, d.units.town, 13, { inspections: 1 })).statusCode).toBe(400);
    expect((await put(liaison, d.units.dept, 4, { inspections: 1 })).statusCode).toBe(404);
    expect((await put(assessor, d.units.dept, 4, { inspections: 1 })).statusCode).toBe(403);
    expect((await put(otherAdmin, d.units.town, 4, { inspections: 1 })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/monthly-reports/4`, payload: { figures: {} } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}/monthly-reports` })).statusCode).toBe(401);
    expect((await otherAdmin.inject({ method: 'GET', url: `/api/campaigns/${id}/monthly-reports` })).statusCode).toBe(404);
    expect((await overview(assessor)).map((u) => u.unitId)).toEqual([d.units.dept]);
    expect(await count()).toBe(before);
  });
});
