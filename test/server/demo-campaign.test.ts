import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/server/demo/seed-demo';
import { demoYear } from '../../src/server/demo/seed-campaigns';
import { verifyAuditChain } from '../../src/server/modules/audit/verify-audit-chain';
import { login, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Expected {
  stats: { assessed: number; atOrAbove80: number; passRatePercent: string };
  rows: { seq: number; unit: string; category: string; score: number | null; reward: number | null; remark: string }[];
}
const expected = JSON.parse(readFileSync(new URL('../acceptance/zhoucun-2014-expected.json', import.meta.url), 'utf8')) as Expected;

describe('demo campaigns', { timeout: 180_000 }, () => {
  const t = useTestApp();
  let admin: Client;
  let campaigns: { id: string; year: number; state: string }[];

  beforeAll(async () => {
    expect(await seedDemo(t.database.db, t.now())).toBe(true);
    admin = await login(t.app, 'admin', demoPassword);
    campaigns = (await admin.inject({ method: 'GET', url: '/api/campaigns' })).json<{ items: typeof campaigns }>().items;
  });

  it('publishes the 2014 周村 round with the results of the published notice', async () => {
    const c2014 = campaigns.find((c) => c.year === 2014)!;
    expect(c2014.state).toBe('published');
    const res = await admin.inject({ method: 'GET', url: `/api/campaigns/${c2014.id}/results` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ version: number; stats: { assessed: number; atOrAboveThreshold: number; passRatePercent: string }; rows: Expected['rows'] }>();
    expect(body.version).toBe(1);
    expect(body.stats).toEqual({ assessed: expected.stats.assessed, atOrAboveThreshold: expected.stats.atOrAbove80, passRatePercent: expected.stats.passRatePercent });
    expect(body.rows.map(({ seq, unit, category, score, reward, remark }) => ({ seq, unit, category, score, reward, remark }))).toEqual(expected.rows);
    // The vetoes trace back to the registered accidents, confirmed by the office.
    const proposals = (await admin.inject({ method: 'GET', url: `/api/campaigns/${c2014.id}/veto-proposals` })).json<{ items: { decision: string }[] }>().items;
    expect(proposals).toHaveLength(4);
    expect(proposals.every((p) => p.decision === 'confirmed')).toBe(true);
    const trace = (await admin.inject({ method: 'GET', url: `/api/campaigns/${c2014.id}/units/nanjiao/trace` })).json<{ text: string }>();
    expect(trace.text).toContain('ZC-2014-001');
  });

  it('has this year’s round in progress with a submitted self-assessment and a pending veto proposal', async () => {
    const current = campaigns.find((c) => c.year === demoYear(t.now()))!;
    expect(current.state).toBe('selfAssessment');
    const wangcun = await login(t.app, 'wangcun', demoPassword);
    const self = await wangcun.inject({ method: 'GET', url: `/api/campaigns/${current.id}/units/wangcun/scores` });
    expect(self.json()).toMatchObject({ selfAssessmentState: 'submitted' });
    const proposals = (await admin.inject({ method: 'GET', url: `/api/campaigns/${current.id}/veto-proposals` })).json<{ items: { unitId: string; decision: string }[] }>().items;
    expect(proposals).toContainEqual(expect.objectContaining({ unitId: 'beijiao', decision: 'pending' }));
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(t.database.db)).problems).toEqual([]);
  });
});
