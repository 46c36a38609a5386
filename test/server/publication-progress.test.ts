import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { freezePhaseOrder, freezePhases, progressStreamLineSchema, type ProgressStreamLine } from '../../src/shared/schemas/progress-stream';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import type { District } from '../support/factories';
import { districtWithPeople, useTestApp } from '../support/test-app';
import type { Client, DistrictWithPeople } from '../support/test-app';

const ndjson = { accept: 'application/x-ndjson' };

/** The lines of a progress stream, each checked against the shared schema. */
function linesOf(res: LightMyRequestResponse): ProgressStreamLine[] {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
  expect(res.body.endsWith('\n')).toBe(true);
  return res.body.trimEnd().split('\n').map((line) => progressStreamLineSchema.parse(JSON.parse(line)));
}

/** Phases in the order given, `done` never falling within one, every total the campaign's units, each phase ending complete. */
function expectOrderlyProgress(lines: readonly ProgressStreamLine[], units: number): void {
  const progress = lines.filter((l) => l.type === 'progress');
  const phases = progress.map((l) => l.phase).filter((p, i, all) => i === 0 || all[i - 1] !== p);
  expect(phases).toEqual(freezePhaseOrder);
  for (const phase of freezePhaseOrder) {
    const own = progress.filter((l) => l.phase === phase);
    expect(own.every((l) => l.label === freezePhases[phase] && l.total === units)).toBe(true);
    expect(own.map((l) => l.done)).toEqual([...own.map((l) => l.done)].sort((a, b) => a - b));
    expect(own.at(-1)!.done).toBe(units);
  }
  expect(progress.find((l) => l.phase === 'trace')!.done).toBe(0);
}

describe('progress of publication and correction (进度流)', { timeout: 90_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let liaison: Client;
  let leader: Client;
  let people: DistrictWithPeople<'admin' | 'liaison' | 'leader'>;

  beforeAll(async () => {
    people = await districtWithPeople(t, ['admin', 'liaison', 'leader']);
    ({ d, clients: { admin, liaison, leader } } = people);
  });

  const db = () => t.database.db;
  const storedVersions = async (id: string) => (await db().selectFrom('result_version').select('version').where('campaign_id', '=', id).execute()).map((r) => r.version);
  const storedTraces = async (id: string) => (await db().selectFrom('result_trace').select('unit_id').where('campaign_id', '=', id).execute()).length;
  const publishAudits = async (id: string) => (await db().selectFrom('audit_record').select('action').where('entity_id', '=', id).where('action', '=', 'campaign.publish').execute()).length;
  const campaign = async (id: string) => (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}` })).json<{ version: number; state: string }>();
  const publish = (id: string, version: number, headers: Record<string, string> = {}) =>
    admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'publish', version }, headers });

  /** Campaigns of both units, scored by the office (the department 2 points short) and approved into one day of publicity. */
  async function inPublicity(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { id } = await createTestCampaign(admin, d);
      await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
      for (const [unitId, category, less] of [[d.units.town, 'territorial', 1], [d.units.dept, 'department', 2]] as const) {
        expect((await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${unitId}/scores/team`, payload: { items: fullScores(category, less) } })).statusCode).toBe(200);
      }
      await advance(admin, id, ['submitForReview', 'submitForApproval', { action: 'approve', meeting: '区安委会2015年第1次会议', publicityDays: 1 }]);
      ids.push(id);
    }
    return ids;
  }
  const endPublicity = async () => {
    t.advance(86_400_000 + 1000);
    ({ admin, liaison, leader } = await people.logInAgain());
  };

  let plainId: string;
  let streamedId: string;
  let refusedId: string;
  let racedId: string;
  beforeAll(async () => {
    [plainId, streamedId, refusedId, racedId] = (await inPublicity(4)) as [string, string, string, string];
    // 申诉 during publicity on one of them, still unanswered when the term ends.
    expect((await liaison.inject({ method: 'POST', url: `/api/campaigns/${refusedId}/objections`, payload: { unitId: d.units.town, content: '1.2项扣1分依据不足，请复核' } })).statusCode).toBe(201);
    await endPublicity();
  });

  it('publishes with a stream of progress ending in the answer the plain request gives', async () => {
    const plain = await publish(plainId, (await campaign(plainId)).version);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);

    const res = await publish(streamedId, (await campaign(streamedId)).version, ndjson);
    const lines = linesOf(res);
    expectOrderlyProgress(lines, 2);
    const last = lines.at(-1)!;
    expect(lines.filter((l) => l.type !== 'progress')).toEqual([last]);
    expect(last).toMatchObject({ type: 'result', status: 200, body: { state: 'published', stateLabel: '已发布' } });
    // The body is the campaign as it now reads, and the plain answer of an identical campaign but for its own id and times.
    const body = (last as { body: Record<string, unknown> }).body;
    expect(body).toEqual((await admin.inject({ method: 'GET', url: `/api/campaigns/${streamedId}` })).json());
    expect({ ...body, id: plainId, updatedAt: null, publicityEndsAt: null })
      .toEqual({ ...plain.json<Record<string, unknown>>(), updatedAt: null, publicityEndsAt: null });

    // The same results and traces are frozen as by the plain request.
    const results = async (id: string) => (await leader.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<{ version: number; rows: unknown[] }>();
    expect(await results(streamedId)).toEqual(await results(plainId));
    expect((await results(streamedId)).version).toBe(1);
    expect(await storedTraces(streamedId)).toBe(2);
    const trace = async (id: string) => (await leader.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.dept}/trace` })).json<{ text: string }>().text;
    expect(await trace(streamedId)).toBe(await trace(plainId));
    expect(await publishAudits(streamedId)).toBe(1);
  });

  it('streams a correction, ending in the 201 answer with the new version and its differences', async () => {
    expect((await admin.inject({ method: 'PUT', url: `/api/campaigns/${streamedId}/units/${d.units.dept}/scores/team`, payload: { items: { '1.2': 5 } } })).statusCode).toBe(200);
    const res = await admin.inject({ method: 'POST', url: `/api/campaigns/${streamedId}/result-versions`, payload: { reason: '区住建局1.2项复核后更正' }, headers: ndjson });
    const lines = linesOf(res);
    expectOrderlyProgress(lines, 2);
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ type: 'result', status: 201, body: { version: 2, reason: '区住建局1.2项复核后更正' } });
    const diff = (await admin.inject({ method: 'GET', url: `/api/campaigns/${streamedId}/result-versions/1/diff/2` })).json();
    expect((last as { body: { diff: unknown } }).body.diff).toEqual(diff);
    expect(await storedVersions(streamedId)).toEqual([1, 2]);
    expect(await storedTraces(streamedId)).toBe(4);

    // The plain correction of the plain campaign answers the same shape, as before.
    expect((await admin.inject({ method: 'PUT', url: `/api/campaigns/${plainId}/units/${d.units.dept}/scores/team`, payload: { items: { '1.2': 5 } } })).statusCode).toBe(200);
    const plain = await admin.inject({ method: 'POST', url: `/api/campaigns/${plainId}/result-versions`, payload: { reason: '区住建局1.2项复核后更正' } });
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toEqual((last as { body: unknown }).body);
  });

  it('answers refusals before any work as plain JSON with their own status, even when a stream is asked for', async () => {
    const { version } = await campaign(refusedId);
    const headers = ndjson;
    const expectPlain = (res: LightMyRequestResponse, status: number, message: string) => {
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().message).toContain(message);
    };
    expectPlain(await publish(refusedId, version + 5, headers), 409, '该考核活动已被他人修改');
    expectPlain(await publish(refusedId, version, headers), 409, '尚有 1 件申诉未答复，不能发布');
    expectPlain(await leader.inject({ method: 'POST', url: `/api/campaigns/${refusedId}/transitions`, payload: { action: 'publish', version }, headers }), 403, '无权');
    expectPlain(await t.app.inject({ method: 'POST', url: `/api/campaigns/${refusedId}/transitions`, payload: { action: 'publish', version }, headers }), 401, '请先登录');
    expectPlain(await t.app.inject({ method: 'POST', url: `/api/campaigns/${refusedId}/transitions`, payload: { action: 'publish', version }, headers: { ...headers, cookie: admin.cookie } }), 403, '防伪令牌');
    expectPlain(await admin.inject({ method: 'POST', url: `/api/campaigns/${refusedId}/transitions`, payload: { action: 'publish' }, headers }), 400, 'version');
    expectPlain(await admin.inject({ method: 'POST', url: `/api/campaigns/${refusedId}/result-versions`, payload: { reason: '提前更正' }, headers }), 409, '考核结果尚未发布');
    expectPlain(await admin.inject({ method: 'POST', url: `/api/campaigns/${streamedId}/result-versions`, payload: { reason: '' }, headers }), 400, 'reason');
    // A transition that freezes nothing has no phases to report: its answer, refusal or not, is the plain one.
    expectPlain(await admin.inject({ method: 'POST', url: `/api/campaigns/${refusedId}/transitions`, payload: { action: 'openSigning', version }, headers }), 409, '当前状态为“结果公示”');
    const fresh = await createTestCampaign(admin, d);
    const signing = await admin.inject({ method: 'POST', url: `/api/campaigns/${fresh.id}/transitions`, payload: { action: 'openSigning', version: fresh.version }, headers });
    expect(signing.statusCode).toBe(200);
    expect(signing.headers['content-type']).toMatch(/^application\/json/);
    expect(signing.json()).toMatchObject({ id: fresh.id, state: 'signing' });
    expect(await storedVersions(refusedId)).toEqual([]);
    expect(await storedTraces(refusedId)).toBe(0);
    expect(await campaign(refusedId)).toMatchObject({ state: 'publicity', version });
  });

  it('a failure once the work has begun ends the stream with the plain answer’s error, and nothing is stored', async () => {
    const open = (await admin.inject({ method: 'GET', url: `/api/campaigns/${refusedId}/objections` })).json<{ items: { id: string }[] }>().items;
    for (const o of open) {
      expect((await admin.inject({ method: 'POST', url: `/api/campaigns/${refusedId}/objections/${o.id}/answer`, payload: { decision: 'dismissed', answer: '经复核，维持原评分' } })).statusCode).toBe(200);
    }
    // A stored score the rules no longer accept (written around the API): the engine refuses it while validating.
    const updated = await db().updateTable('item_score').set({ input_json: JSON.stringify('十') })
      .where('campaign_id', '=', refusedId).where('unit_id', '=', d.units.town).where('criterion_id', '=', '1.2').where('kind', '=', 'team').executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
    const { version } = await campaign(refusedId);
    const audits = await publishAudits(refusedId);

    const lines = linesOf(await publish(refusedId, version, ndjson));
    expect(lines.filter((l) => l.type === 'progress').map((l) => l.phase)).toEqual(['load', 'load', 'validate']);
    const last = lines.at(-1)!;
    expect(last.type).toBe('error');
    const plain = await publish(refusedId, version);
    expect(plain.statusCode).toBe(400);
    expect(last).toEqual({ type: 'error', status: 400, body: plain.json() });
    expect(plain.json().message).toContain('评分');

    expect(await storedVersions(refusedId)).toEqual([]);
    expect(await storedTraces(refusedId)).toBe(0);
    expect(await campaign(refusedId)).toMatchObject({ state: 'publicity', version });
    expect(await publishAudits(refusedId)).toBe(audits);
  });

  it('two publications of the same version at once: one streams to the end, the other is refused as stale, one version is stored', async () => {
    const { version } = await campaign(racedId);
    const answers = await Promise.all([publish(racedId, version, ndjson), publish(racedId, version, ndjson)]);
    const streamed = answers.filter((a) => a.headers['content-type']?.toString().startsWith('application/x-ndjson'));
    const refused = answers.filter((a) => a.statusCode === 409);
    expect(streamed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.json().code).toBe('stale_version');
    expect(linesOf(streamed[0]!).at(-1)).toMatchObject({ type: 'result', status: 200, body: { state: 'published', version: version + 1 } });
    expect(await storedVersions(racedId)).toEqual([1]);
    expect(await storedTraces(racedId)).toBe(2);
    expect(await publishAudits(racedId)).toBe(1);
  });

  it('two corrections at once take turns: each is stored as its own next version, none is lost', async () => {
    const before = await storedVersions(racedId);
    const correct = (reason: string) => admin.inject({ method: 'POST', url: `/api/campaigns/${racedId}/result-versions`, payload: { reason } });
    const answers = await Promise.all([correct('第一次更正'), correct('第二次更正')]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    expect(answers.map((a) => a.json().version).sort()).toEqual([before.length + 1, before.length + 2]);
    expect((await storedVersions(racedId)).sort()).toEqual([...before, before.length + 1, before.length + 2]);
  });
});
