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
 * Metrics of last year (a closed period, so every deadline has passed) computed from the stored
 * tips and enforcement measures and fed to formula items: 6.1 becomes "举报按期答复率100%得满分，
 * 每低1个百分点扣0.1分" (deadlines by 安监总财〔2012〕63号: reply within 10 days of verification, at
 * the latest 60 days after receipt), 3.1 "采取执法措施不少于3起，每少1起扣2分".
 */
describe('tips and enforcement measures feeding the assessment', { timeout: 120_000 }, () => {
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
      .replace('scale: 100\n', 'scale: 100\nmetrics:\n  tipsAnsweredOnTimeRate: { name: 举报按期答复率, unit: "%" }\n  enforcementMeasures: { name: 执法措施数, unit: 起 }\n')
      .replace(
        '        name: “六打六治”打非治违专项行动\n        points: 10\n        method: { type: manual }',
        '        name: “六打六治”打非治违专项行动\n        points: 10\n        method:\n          type: formula\n          metric: enforcementMeasures\n          rule: { kind: perUnitShortfall, direction: atLeast, target: 3, perUnit: 2, unit: 1, partial: exact }',
      )
      .replace(
        '        name: 应急救援体系\n        points: 10\n        method: { type: manual }',
        '        name: 举报按期答复率\n        points: 10\n        method:\n          type: formula\n          metric: tipsAnsweredOnTimeRate\n          rule: { kind: perUnitShortfall, direction: atLeast, target: 100, perUnit: 0.1, unit: 1, partial: exact }',
      );
    expect(scheme).toContain('metric: tipsAnsweredOnTimeRate');
    expect(scheme).toContain('metric: enforcementMeasures');
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
    delete items['3.1'];
    const put = await admin.inject({ method: 'PUT', url: `/api/campaigns/${campaignId}/units/${d.units.town}/scores/team`, payload: { items } });
    expect(put.statusCode, put.body).toBe(200);
  });

  const score = async () => (await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/results` }))
    .json<{ rows: { unit: string; score: number | null }[] }>().rows.find((r) => r.unit === townName)!.score;
  const metric = async (name: string) => {
    const res = await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/ledger-metrics` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ metrics: Metric[] }>().metrics.find((x) => x.name === name)!;
  };
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
    const m = await metric('tipsAnsweredOnTimeRate');
    expect(m.value).toBeCloseTo(33.33, 2);
    expect([...m.sources].sort()).toEqual([tips.A, tips.B, tips.C].sort());
    expect(m.detail).toContain('1÷3');
    expect(m.detail).toContain(tips.B);

    // 6.1: 10 − (100 − 33.33) × 0.1 = 3.333 → −6.67; 3.1 with no measure yet: 10 − 3 × 2 = 4 → −6.
    expect(await score()).toBeCloseTo(87.33, 2);
    const trace = JSON.stringify((await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/units/${d.units.town}/trace` })).json());
    for (const label of ['A', 'B', 'C']) expect(trace).toContain(tips[label]);
    expect(trace).not.toContain(tips.D);
  });

  it('counts the measures of the town\'s enterprises taken in the year, named by their decision, and 3.1 follows', async () => {
    const e = await post(admin, '/api/enterprises', enterpriseBody(d));
    const officers = [{ name: '张三', certificateNumber: 'ZF-001' }, { name: '李四', certificateNumber: 'ZF-002' }];
    const onSite = { step: 'onSite', officers, partyNotified: true, partyHeard: true, recordSignedBy: 'party' };
    /** A 责令限期整改 taken on site on `on` ('now': today; null: opened, never taken), decided that day when a number is given. */
    async function measure(on: string | null, number?: string) {
      let m = await post(town, '/api/enforcement-measures', { enterpriseId: e.id, type: 'orderRectification' });
      if (on === null) return m;
      m = await post(town, `/api/enforcement-measures/${m.id}/steps`, { version: m.version, ...onSite, ...(on === 'now' ? {} : { at: `${on}T10:00:00+08:00` }) });
      if (number) await post(town, `/api/enforcement-measures/${m.id}/steps`, { version: m.version, step: 'decision', documentNumber: number, rectifyBy: on, at: `${on}T11:00:00+08:00` });
      return m;
    }
    await measure(`${year}-04-02`, '（周）应急改〔A〕1号');
    const unnumbered = await measure(`${year}-11-30`);
    await measure(null);
    const thisYear = await measure('now');

    // By hand: taken in the year, 04-02 and 11-30 → 2; the one never taken and next year's are not counted.
    const m = await metric('enforcementMeasures');
    expect(m.value).toBe(2);
    expect([...m.sources].sort()).toEqual(['（周）应急改〔A〕1号', `责令限期整改（${unnumbered.id.slice(0, 8)}）`].sort());
    expect(m.detail).toContain('责令限期整改2起');
    expect(m.sources.join()).not.toContain(thisYear.id.slice(0, 8));
    // 3.1: 10 − (3 − 2) × 2 = 8 → 87.33 + 4.
    expect(await score()).toBeCloseTo(91.33, 2);
  });
});
