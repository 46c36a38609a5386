import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { advance, fullScores, zhoucunSchemeText } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { addTown, createEnterprise } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const DAY = 86_400_000;

interface Row { unit: string; score: number | null }
interface Metric { name: string; value: number; sources: string[]; detail: string }

/**
 * Hazard metrics computed from stored cards (hand-computed below) and fed to a formula item of
 * the scheme: 6.1 becomes "隐患按期整改销号率 ≥ 95% 得满分，每低1个百分点扣0.1分".
 */
describe('ledger metrics feeding the assessment', { timeout: 120_000 }, () => {
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let admin: Client;
  let town: Client;
  let dept: Client;
  let town2Liaison: Client;
  let leader: Client;
  let townName: string;
  let year: number;
  let campaignId: string;
  const numbers: Record<string, string> = {};

  const chinaToday = (n = 0) => new Date(t.now().getTime() + 8 * 3_600_000 + n * DAY).toISOString().slice(0, 10);

  beforeAll(async () => {
    // Every card below is found and closed within the campaign's year: start no later than 30 December.
    if (chinaToday().endsWith('-12-31')) t.advance(DAY);
    year = Number(chinaToday().slice(0, 4));
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const town2 = await addTown(db, d, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.dept }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: town2 }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
    ] as const;
    [admin, town, dept, town2Liaison, leader] = await loginAll(t.app, users);
    townName = (await db.selectFrom('unit').select('name').where('id', '=', d.units.town).executeTakeFirstOrThrow()).name;

    const scheme = zhoucunSchemeText
      .replace('year: 2014', `year: ${year}`)
      .replace('scale: 100\n', 'scale: 100\nmetrics:\n  hazardOnTimeClosureRate: { name: 隐患按期整改销号率, unit: "%" }\n')
      .replace(
        '        name: 应急救援体系\n        points: 10\n        method: { type: manual }',
        '        name: 隐患按期整改销号率\n        points: 10\n        method:\n          type: formula\n          metric: hazardOnTimeClosureRate\n          rule: { kind: perUnitShortfall, direction: atLeast, target: 95, perUnit: 0.1, unit: 1, partial: exact }',
      );
    expect(scheme).toContain('metric: hazardOnTimeClosureRate');
    // Creating a campaign validates its scheme against no facts, and the engine refuses a formula
    // item without its metric value; so the campaign is created on the plain scheme of the year
    // and the formula scheme stored as its next version.
    const plain = zhoucunSchemeText.replace('year: 2014', `year: ${year}`);
    const res = await admin.inject({ method: 'POST', url: '/api/campaigns', payload: { organisationId: d.districtId, scheme: plain, units: [{ unitId: d.units.town }, { unitId: d.units.dept }] } });
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().id;
    await db.insertInto('campaign_scheme').values({
      campaign_id: campaignId, version: 2, scheme_json: JSON.stringify(parseYaml(scheme)), note: '6.1 按台账指标计分', created_by: null, created_at: t.now().toISOString(),
    }).execute();
    await db.updateTable('campaign').set({ scheme_version: 2 }).where('id', '=', campaignId).execute();
    await advance(admin, campaignId, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    for (const [unit, category] of [[d.units.town, 'territorial'], [d.units.dept, 'department']] as const) {
      const items = fullScores(category);
      delete items['6.1'];
      const put = await admin.inject({ method: 'PUT', url: `/api/campaigns/${campaignId}/units/${unit}/scores/team`, payload: { items } });
      expect(put.statusCode, put.body).toBe(200);
    }
  });

  const results = async () => (await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/results` })).json<{ rows: Row[] }>().rows.find((r) => r.unit === townName)!;
  const metrics = async (unitId: string, who: Client = admin) => {
    const res = await who.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${unitId}/ledger-metrics` });
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries(res.json<{ metrics: Metric[] }>().metrics.map((m) => [m.name, m])) as Record<string, Metric>;
  };
  const step = async (who: Client, id: string, body: Record<string, unknown>) => {
    const { version } = (await admin.inject({ method: 'GET', url: `/api/hazards/${id}` })).json();
    const res = await who.inject({ method: 'POST', url: `/api/hazards/${id}/steps`, payload: { version, ...body } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const hazard = async (label: string, enterpriseId: string, who: Client = town) => {
    const res = await who.inject({ method: 'POST', url: '/api/hazards', payload: { enterpriseId, foundOn: chinaToday(), foundWay: 'inspection', foundBy: '王五', place: '车间', description: `隐患${label}` } });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    numbers[label] = `YH-${year}-${label}-${id.slice(0, 4)}`;
    await step(who, id, { action: 'register', number: numbers[label] });
    return id;
  };
  const five = { measures: true, funds: true, deadline: true, person: true, emergencyPlan: true };
  const finish = async (id: string, who: Client = town) => {
    await step(who, id, { action: 'applyForAcceptance', summary: '已整改' });
    await step(who, id, { action: 'accept', conclusion: '合格', reviewer: '王五' });
    await step(who, id, { action: 'close' });
  };

  it('with no cards the rate has no denominator (100%) and the formula item gives full points', async () => {
    const m = await metrics(d.units.town);
    expect(m.hazardOnTimeClosureRate).toMatchObject({ value: 100, sources: [] });
    expect(m.hazardOnTimeClosureRate!.detail).toContain('分母为0');
    expect((await results()).score).toBe(100);
  });

  it('computes each metric from the stored cards as by hand, and the unit\'s score and trace follow', async () => {
    const e = (await createEnterprise(admin, d)).id;
    // A: 一般, deadline in 5 days, rectified and closed today → on time.
    const a = await hazard('A', e);
    await step(town, a, { action: 'grade', grade: 'general' });
    await step(town, a, { action: 'startRectification', measures: '整改', responsiblePerson: '张三', deadline: chinaToday(5) });
    await finish(a);
    // E: 重大 (by the department), plan and 五到位, closed today → on time.
    const eMajor = await hazard('E', e, dept);
    await step(dept, eMajor, { action: 'grade', grade: 'major', legalBasis: '判定标准第三条' });
    const plan = { goal: '消除隐患', measures: '更换', funds: { amountYuan: 1000, source: '自筹' }, responsibleBody: '设备部', responsiblePerson: '张三', deadline: chinaToday(5), safetyAndEmergencyMeasures: '警戒' };
    await step(dept, eMajor, { action: 'startRectification', measures: '更换', responsiblePerson: '张三', deadline: chinaToday(5), plan, fiveInPlace: five });
    await finish(eMajor, dept);
    // B and C: deadline today; D: found, never graded (no deadline).
    const b = await hazard('B', e);
    await step(town, b, { action: 'grade', grade: 'general' });
    await step(town, b, { action: 'startRectification', measures: '整改', responsiblePerson: '张三', deadline: chinaToday() });
    const c = await hazard('C', e);
    await step(town, c, { action: 'grade', grade: 'general' });
    await step(town, c, { action: 'startRectification', measures: '整改', responsiblePerson: '张三', deadline: chinaToday() });
    await hazard('D', e);
    t.advance(DAY);
    // B is rectified a day late, then accepted and closed; C stays overdue.
    await finish(b);

    // By hand, over the year to its end: found A B C D E = 5; 重大 E = 1; closed A B E → 3/5 = 60%;
    // due or closed: A B C E (D has no deadline) = 4, on time A E → 2/4 = 50%; overdue at year end: C.
    const m = await metrics(d.units.town);
    expect(m.hazardsFound!.value).toBe(5);
    expect(m.majorHazards).toMatchObject({ value: 1, sources: [numbers.E] });
    expect(m.hazardClosureRate!.value).toBe(60);
    expect(m.hazardOnTimeClosureRate!.value).toBe(50);
    expect([...m.hazardOnTimeClosureRate!.sources].sort()).toEqual([numbers.A, numbers.B, numbers.C, numbers.E].sort());
    expect(m.hazardOnTimeClosureRate!.detail).toContain('2÷4=50.00%');
    expect(m.overdueHazards).toMatchObject({ value: 1, sources: [numbers.C] });
    expect(m.overdueMajorHazards!.value).toBe(0);
    // The department regulates the same enterprise: the same cards count for it.
    expect((await metrics(d.units.dept, dept)).hazardsFound!.value).toBe(5);

    // 6.1: 10 − (95 − 50) × 0.1 = 5.5 points → 95.5.
    expect((await results()).score).toBe(95.5);
    const trace = JSON.stringify((await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/trace` })).json());
    expect(trace).toContain('台账自动计算');
    for (const label of ['A', 'B', 'C', 'E']) expect(trace).toContain(numbers[label]);
    expect(trace).not.toContain(numbers.D);
  });

  it('a value typed by the office wins over the ledger for that unit', async () => {
    const put = await admin.inject({ method: 'PUT', url: `/api/campaigns/${campaignId}/units/${d.units.town}/metrics`, payload: { values: { hazardOnTimeClosureRate: 90 } } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await results()).score).toBe(99.5); // 10 − 5 × 0.1 = 9.5
  });

  it('is read only by those who may read the unit\'s results: 401, another town\'s liaison 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/ledger-metrics` })).statusCode).toBe(401);
    expect((await town2Liaison.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/ledger-metrics` })).statusCode).toBe(404);
    expect((await leader.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/ledger-metrics` })).statusCode).toBe(200);
    expect((await town.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/ledger-metrics` })).statusCode).toBe(200);
  });
});
