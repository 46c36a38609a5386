import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { advance, fullScores, zhoucunSchemeText } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Metric { name: string; value: number; sources: string[]; detail: string }

/**
 * 举报按期答复率 computed from the stored tips of last year (a closed period, so every reply
 * deadline has passed) and fed to a formula item: 6.1 becomes "举报按期答复率100%得满分，每低1个
 * 百分点扣0.1分". Deadlines by 安监总财〔2012〕63号: reply within 10 days of verification, at the
 * latest 60 days after receipt.
 */
describe('tips feeding the assessment (举报按期答复率)', { timeout: 120_000 }, () => {
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let admin: Client;
  let town: Client;
  let year: number;
  let campaignId: string;
  let townName: string;
  const tips: Record<string, string> = {};

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
      .replace('scale: 100\n', 'scale: 100\nmetrics:\n  tipsAnsweredOnTimeRate: { name: 举报按期答复率, unit: "%" }\n')
      .replace(
        '        name: 应急救援体系\n        points: 10\n        method: { type: manual }',
        '        name: 举报按期答复率\n        points: 10\n        method:\n          type: formula\n          metric: tipsAnsweredOnTimeRate\n          rule: { kind: perUnitShortfall, direction: atLeast, target: 100, perUnit: 0.1, unit: 1, partial: exact }',
      );
    expect(scheme).toContain('metric: tipsAnsweredOnTimeRate');
    // As in ledger-metrics.test.ts: created on the plain scheme, the formula scheme stored as version 2.
    const res = await admin.inject({ method: 'POST', url: '/api/campaigns', payload: { organisationId: d.districtId, scheme: plain, units: [{ unitId: d.units.town }, { unitId: d.units.dept }] } });
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().id;
    await db.insertInto('campaign_scheme').values({
      campaign_id: campaignId, version: 2, scheme_json: JSON.stringify(parseYaml(scheme)), note: '6.1 按举报台账计分', created_by: null, created_at: t.now().toISOString(),
    }).execute();
    await db.updateTable('campaign').set({ scheme_version: 2 }).where('id', '=', campaignId).execute();
    await advance(admin, campaignId, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    const items = fullScores('territorial');
    delete items['6.1'];
    const put = await admin.inject({ method: 'PUT', url: `/api/campaigns/${campaignId}/units/${d.units.town}/scores/team`, payload: { items } });
    expect(put.statusCode, put.body).toBe(200);
  });

  const post = async (who: Client, url: string, payload: Record<string, unknown>) => {
    const res = await who.inject({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: string; version: number };
  };
  /** A tip received on `on` (last year), assigned to the town, optionally verified and answered. */
  async function tip(label: string, on: string, steps: { verifiedOn?: string; repliedOn?: string; anonymous?: boolean } = {}) {
    const reporter = steps.anonymous ? { anonymous: true } : { anonymous: false, reporterName: '李四', reporterContact: '13800000000' };
    let v = await post(admin, '/api/tips', { channel: 'phoneLine', ...reporter, subject: 'illegalProduction', description: `举报${label}`, receivedAt: `${year}-${on}T09:00:00+08:00` });
    tips[label] = `${year}-${on}受理的举报（${v.id.slice(0, 8)}）`;
    v = await post(admin, `/api/tips/${v.id}/assignment`, { version: v.version, unitId: d.units.town });
    if (steps.verifiedOn) v = await post(town, `/api/tips/${v.id}/verification`, { version: v.version, verified: false, findings: '查无此事', verifiedOn: `${year}-${steps.verifiedOn}` });
    if (steps.repliedOn) await post(town, `/api/tips/${v.id}/reply`, { version: v.version, text: '经核查不属实。', repliedOn: `${year}-${steps.repliedOn}` });
  }

  it('counts the tips whose reply was due or given in the year, as by hand, and the score and trace follow', async () => {
    await tip('A', '03-01', { verifiedOn: '03-05', repliedOn: '03-15' }); // due 03-15: on time, on the last day
    await tip('B', '03-01', { verifiedOn: '03-05', repliedOn: '03-16' }); // due 03-15: a day late
    await tip('C', '06-01'); // never handled: due 07-31, unanswered
    await tip('D', '12-20'); // due next February: not yet counted
    await tip('E', '04-01', { anonymous: true }); // no reporter to answer

    // By hand: counted A B C; on time A → 1 ÷ 3 = 33.33%.
    const res = await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/ledger-metrics` });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<{ metrics: Metric[] }>().metrics.find((x) => x.name === 'tipsAnsweredOnTimeRate')!;
    expect(m.value).toBeCloseTo(33.33, 2);
    expect([...m.sources].sort()).toEqual([tips.A, tips.B, tips.C].sort());
    expect(m.detail).toContain('1÷3');
    expect(m.detail).toContain(tips.B);

    // 6.1: 10 − (100 − 33.33) × 0.1 = 3.333 → the unit's score drops by 6.67 from 100.
    const rows = (await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/results` })).json<{ rows: { unit: string; score: number | null }[] }>().rows;
    expect(rows.find((r) => r.unit === townName)!.score).toBeCloseTo(93.33, 2);
    const trace = JSON.stringify((await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/trace` })).json());
    for (const label of ['A', 'B', 'C']) expect(trace).toContain(tips[label]);
    expect(trace).not.toContain(tips.D);
  });
});
