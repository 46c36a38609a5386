import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { advance, fullScores, zhoucunSchemeText } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import { enterpriseBody } from '../support/ledger-factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Metric { name: string; value: number; sources: string[]; detail: string }

/**
 * 持证培训覆盖率 of last year (a closed period: taken on its last day) from the stored training
 * register, fed to 6.1 as "覆盖率100%得满分，每低1个百分点扣0.1分".
 */
describe('training coverage feeding the assessment', { timeout: 120_000 }, () => {
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let admin: Client;
  let town: Client;
  let year: number;
  let campaignId: string;
  let townName: string;

  beforeAll(async () => {
    const db = t.database.db;
    year = Number(new Date(t.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
    d = await createDistrict(db, t.now());
    [admin, town] = await loginAll(t.app, [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
    ] as const);
    townName = (await db.selectFrom('unit').select('name').where('id', '=', d.units.town).executeTakeFirstOrThrow()).name;
    const plain = zhoucunSchemeText.replace('year: 2014', `year: ${year}`);
    const scheme = plain
      .replace('scale: 100\n', 'scale: 100\nmetrics:\n  trainingCoverageRate: { name: 持证培训覆盖率, unit: "%" }\n')
      .replace(
        '        name: 应急救援体系\n        points: 10\n        method: { type: manual }',
        '        name: 持证培训覆盖率\n        points: 10\n        method:\n          type: formula\n          metric: trainingCoverageRate\n          rule: { kind: perUnitShortfall, direction: atLeast, target: 100, perUnit: 0.1, unit: 1, partial: exact }',
      );
    expect(scheme).toContain('metric: trainingCoverageRate');
    const res = await admin.inject({ method: 'POST', url: '/api/campaigns', payload: { organisationId: d.districtId, scheme: plain, units: [{ unitId: d.units.town }, { unitId: d.units.dept }] } });
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().id;
    await db.insertInto('campaign_scheme').values({
      campaign_id: campaignId, version: 2, scheme_json: JSON.stringify(parseYaml(scheme)), note: '6.1 按培训台账计分', created_by: null, created_at: t.now().toISOString(),
    }).execute();
    await db.updateTable('campaign').set({ scheme_version: 2 }).where('id', '=', campaignId).execute();
    await advance(admin, campaignId, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    const items = fullScores('territorial');
    delete items['6.1'];
    const put = await admin.inject({ method: 'PUT', url: `/api/campaigns/${campaignId}/units/${d.units.town}/scores/team`, payload: { items } });
    expect(put.statusCode, put.body).toBe(200);
  });

  const score = async () => (await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/results` }))
    .json<{ rows: { unit: string; score: number | null }[] }>().rows.find((r) => r.unit === townName)!.score;
  const metric = async () => {
    const res = await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/ledger-metrics` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ metrics: Metric[] }>().metrics.find((x) => x.name === 'trainingCoverageRate')!;
  };
  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await town.inject({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };

  it('with nobody listed the rate has no denominator and counts as 100%', async () => {
    const m = await metric();
    expect(m.value).toBe(100);
    expect(m.detail).toContain('分母为0');
    expect(await score()).toBeCloseTo(100, 2);
  });

  it('counts the people in post on the year\'s last day, as by hand, and the score and trace follow', async () => {
    const e = await admin.inject({ method: 'POST', url: '/api/enterprises', payload: enterpriseBody(d, { name: '周村培训测试有限公司' }) });
    expect(e.statusCode, e.body).toBe(201);
    const enterpriseId = e.json().id as string;
    const today = new Date(t.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const principal = await post('/api/training/persons', { enterpriseId, name: '王主任', role: 'principal' });
    const manager = await post('/api/training/persons', { enterpriseId, name: '赵安全', role: 'safetyManager' });
    const welder = await post('/api/training/persons', { enterpriseId, name: '孙焊工', role: 'specialOperation', operationType: '焊接与热切割作业' });
    const gone = await post('/api/training/persons', { enterpriseId, name: '周离职', role: 'safetyManager' });
    await post('/api/training/certificates', { personId: principal.id, number: 'ZY-1', issuedOn: `${year}-01-01`, validUntil: `${year + 3}-01-01` });
    await post('/api/training/certificates', { personId: manager.id, number: 'AQ-2', issuedOn: `${year - 3}-01-01`, validUntil: `${year}-12-30` });
    await post('/api/training/certificates', { personId: welder.id, number: 'TZ-3', issuedOn: today, validUntil: `${year + 6}-01-01` });
    const left = await town.inject({ method: 'PATCH', url: `/api/training/persons/${gone.id}`, payload: { version: gone.version, active: false } });
    expect(left.statusCode, left.body).toBe(200);

    // By hand on ${year}-12-31: principal covered; manager's expired 12-30; welder's issued after
    // the year; the one who left is not counted → 1 ÷ 3 = 33.33%.
    const m = await metric();
    expect(m.value).toBeCloseTo(33.33, 2);
    const name = (id: string, role: string, who: string) => `周村培训测试有限公司${role}${who}（${id.slice(0, 8)}）`;
    expect([...m.sources].sort()).toEqual([
      name(principal.id, '主要负责人', '王主任'), name(manager.id, '安全生产管理人员', '赵安全'), name(welder.id, '特种作业人员', '孙焊工'),
    ].sort());
    expect(m.detail).toContain('1÷3');
    expect(m.detail).toContain(`周村培训测试有限公司赵安全的证书AQ-2已于${year}-12-30过期`);
    expect(m.detail).toContain('周村培训测试有限公司孙焊工的证书尚未生效');
    expect(m.detail).not.toContain('周离职');

    // 6.1: 10 − (100 − 33.33) × 0.1 = 3.33 → 100 − 6.67.
    expect(await score()).toBeCloseTo(93.33, 2);
    const trace = JSON.stringify((await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/trace` })).json());
    expect(trace).toContain(name(principal.id, '主要负责人', '王主任'));
    expect(trace).toContain(name(welder.id, '特种作业人员', '孙焊工'));
    expect(trace).not.toContain(gone.id.slice(0, 8));
  });
});
