import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { advance, fullScores, zhoucunSchemeText } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { addTown, createEnterprise } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Metric { name: string; value: number; sources: string[]; detail: string }

/**
 * 执法检查次数 and 检查覆盖企业数 computed from the inspections recorded last year and fed to a
 * formula item: 6.1 becomes "执法检查不少于4次，每少1次扣2分". Only recorded 执法检查 count: a plan
 * not carried out and an expert check (专家查隐患) do not.
 */
describe('inspections feeding the assessment (执法检查次数、检查覆盖企业数)', { timeout: 120_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let year: number;
  let campaignId: string;
  let townName: string;
  const names: Record<string, string> = {};
  const enterprises: Record<string, { id: string; name: string }> = {};

  beforeAll(async () => {
    const db = t.database.db;
    year = Number(new Date(t.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
    d = await createDistrict(db, t.now());
    const town2 = await addTown(db, d, t.now());
    [admin] = await loginAll(t.app, [await createUser(db, 'committeeAdmin', { organisationId: d.districtId })] as const);
    townName = (await db.selectFrom('unit').select('name').where('id', '=', d.units.town).executeTakeFirstOrThrow()).name;
    for (const [key, extra] of [['E1', {}], ['E2', {}], ['E3', { territorialUnitId: town2 }]] as const) {
      const id = (await createEnterprise(admin, d, extra)).id;
      enterprises[key] = { id, name: (await db.selectFrom('enterprise').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name };
    }

    const plain = zhoucunSchemeText.replace('year: 2014', `year: ${year}`);
    const scheme = plain
      .replace('scale: 100\n', 'scale: 100\nmetrics:\n  inspections: { name: 执法检查次数, unit: 次 }\n')
      .replace(
        '        name: 应急救援体系\n        points: 10\n        method: { type: manual }',
        '        name: 执法检查\n        points: 10\n        method:\n          type: formula\n          metric: inspections\n          rule: { kind: perUnitShortfall, direction: atLeast, target: 4, perUnit: 2, unit: 1, partial: exact }',
      );
    expect(scheme).toContain('metric: inspections');
    const res = await admin.inject({ method: 'POST', url: '/api/campaigns', payload: { organisationId: d.districtId, scheme: plain, units: [{ unitId: d.units.town }, { unitId: d.units.dept }] } });
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().id;
    await db.insertInto('campaign_scheme').values({
      campaign_id: campaignId, version: 2, scheme_json: JSON.stringify(parseYaml(scheme)), note: '6.1 按检查台账计分', created_by: null, created_at: t.now().toISOString(),
    }).execute();
    await db.updateTable('campaign').set({ scheme_version: 2 }).where('id', '=', campaignId).execute();
    await advance(admin, campaignId, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    const items = fullScores('territorial');
    delete items['6.1'];
    const put = await admin.inject({ method: 'PUT', url: `/api/campaigns/${campaignId}/units/${d.units.town}/scores/team`, payload: { items } });
    expect(put.statusCode, put.body).toBe(200);
    // One expert in the pool, so an expert check can be drawn and recorded.
    const expert = await admin.inject({ method: 'POST', url: '/api/experts', payload: { name: '王工', specialties: ['建筑施工'], level: 'city' } });
    expect(expert.statusCode, expert.body).toBe(201);
  });

  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await admin.inject({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: string; version: number };
  };
  /** An inspection of `enterprise` planned for `on` and, unless `planOnly`, recorded that day. */
  async function inspection(label: string, enterprise: string, on: string, opts: { kind?: 'inspection' | 'expertCheck'; planOnly?: boolean } = {}) {
    const kind = opts.kind ?? 'inspection';
    let v = await post('/api/inspections', { enterpriseId: enterprises[enterprise]!.id, kind, plannedOn: on });
    names[label] = `${on}对${enterprises[enterprise]!.name}的执法检查（${v.id.slice(0, 8)}）`;
    if (kind === 'expertCheck') v = await post(`/api/inspections/${v.id}/draw`, { version: v.version, slots: [{ specialty: '建筑施工', count: 1 }] });
    if (!opts.planOnly) await post(`/api/inspections/${v.id}/record`, { version: v.version, inspectedOn: on, inspectors: ['张检查'], findings: [{ item: '消防器材', compliant: true, description: '合格' }] });
  }

  it('counts the recorded 执法检查 of the year and the enterprises they covered, as by hand, and the score and trace follow', async () => {
    await inspection('A', 'E1', `${year}-03-01`);
    await inspection('B', 'E1', `${year}-05-01`);
    await inspection('C', 'E2', `${year}-06-01`);
    await inspection('D', 'E2', `${year}-07-01`, { kind: 'expertCheck' }); // an expert check: not 执法检查
    await inspection('E', 'E1', `${year}-08-01`, { planOnly: true }); // never carried out
    await inspection('F', 'E3', `${year}-09-01`); // another town's enterprise, regulated by the same department
    await inspection('G', 'E1', `${year - 1}-10-01`); // the year before

    const metricsOf = async (unitId: string) => {
      const res = await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${unitId}/ledger-metrics` });
      expect(res.statusCode, res.body).toBe(200);
      return Object.fromEntries(res.json<{ metrics: Metric[] }>().metrics.map((m) => [m.name, m])) as Record<string, Metric>;
    };
    // By hand, the town: A B C → 3 inspections of 2 enterprises (E1, E2).
    const town = await metricsOf(d.units.town);
    expect(town.inspections!.value).toBe(3);
    expect([...town.inspections!.sources].sort()).toEqual([names.A, names.B, names.C].sort());
    expect(town.enterprisesCovered!.value).toBe(2);
    expect(town.enterprisesCovered!.detail).toContain('覆盖不同企业2家');
    // The department regulates all three enterprises: A B C F → 4 inspections of 3 enterprises.
    const dept = await metricsOf(d.units.dept);
    expect(dept.inspections!.value).toBe(4);
    expect(dept.enterprisesCovered!.value).toBe(3);

    // 6.1: 10 − (4 − 3) × 2 = 8 → the town's score drops by 2 from 100.
    const rows = (await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/results` })).json<{ rows: { unit: string; score: number | null }[] }>().rows;
    expect(rows.find((r) => r.unit === townName)!.score).toBeCloseTo(98, 2);
    const trace = JSON.stringify((await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/trace` })).json());
    for (const label of ['A', 'B', 'C']) expect(trace).toContain(names[label]);
    for (const label of ['D', 'E', 'F', 'G']) expect(trace).not.toContain(names[label]);
  });
});
