import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createTestCampaign, fullScores, zhoucunSchemeText } from '../support/campaign-factories';
import type { District } from '../support/factories';
import { districtWithPeople, useTestApp } from '../support/test-app';
import type { Client, DistrictWithPeople } from '../support/test-app';

interface Row { seq: number; unit: string; category: string; score: number | null; reward: number | null; remark: string; rank: number | null; grade: string; vetoed: boolean }
interface Results { version: number | null; stats: { assessed: number; atOrAboveThreshold: number; passRatePercent: string }; rows: Row[] }

describe('campaign workflow API', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let assessor: Client;
  let liaison: Client;
  let otherAdmin: Client;
  let townName: string;
  let deptName: string;
  let people: DistrictWithPeople<'admin' | 'leader' | 'assessor' | 'liaison' | 'otherAdmin'>;
  /** After the clock moves past the session idle limit, everyone logs in again. */
  const logInAgain = async () => {
    ({ admin, leader, assessor, liaison, otherAdmin } = await people.logInAgain());
  };

  beforeAll(async () => {
    const db = t.database.db;
    people = await districtWithPeople(t, ['admin', 'leader', 'assessor', 'liaison', 'otherAdmin']);
    ({ d, clients: { admin, leader, assessor, liaison, otherAdmin } } = people);
    const names = await db.selectFrom('unit').select(['id', 'name']).where('id', 'in', [d.units.town, d.units.dept]).execute();
    townName = names.find((u) => u.id === d.units.town)!.name;
    deptName = names.find((u) => u.id === d.units.dept)!.name;
  });

  const count = async (table: 'campaign' | 'audit_record' | 'item_score' | 'result_version') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('walks a campaign through every state and publishes the results the engine computes', async () => {
    const created = await createTestCampaign(admin, d);
    const id = created.id;
    expect(created).toMatchObject({ state: 'preparation', year: 2014, name: '2014年全区安全生产目标管理考核', schemeVersion: 1 });

    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment']);

    // 单位自评: the liaison scores its own unit and submits; the submission locks it.
    const self = await liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/self`, payload: { items: fullScores('territorial') } });
    expect(self.statusCode).toBe(200);
    expect(self.json().items['1.2']).toEqual({ self: 5, team: null });
    const submit = await liaison.inject({ method: 'POST', url: `/api/campaigns/${id}/units/${d.units.town}/self-assessment`, payload: { action: 'submit' } });
    expect(submit.json()).toMatchObject({ state: 'submitted' });
    const locked = await liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/self`, payload: { items: { '1.2': 3 } } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toContain('自评已提交并锁定');

    await advance(admin, id, ['startAssessment']);
    // 考核组评分: the assessor scores its assigned unit, the office the other.
    expect((await assessor.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.dept}/scores/team`, payload: { items: fullScores('department', 2) } })).statusCode).toBe(200);
    const early = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'submitForReview', version: (await advance(admin, id, [])).version } });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('尚有 1 个单位未完成考核组评分确认');
    const respond = (payload: Record<string, unknown>) => liaison.inject({ method: 'POST', url: `/api/campaigns/${id}/units/${d.units.town}/response`, payload });
    const tooEarly = await respond({ response: 'confirmed' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().message).toContain('考核组尚未完成评分（还有 13 项）');
    const team = await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: fullScores('territorial', 1) } });
    expect(team.json().items['1.2']).toEqual({ self: 5, team: 4 });
    // The unit sees the team's score beside its own and confirms it, or disagrees with reasons.
    expect((await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.town}/scores` })).json().items['1.2']).toEqual({ self: 5, team: 4 });
    expect((await respond({ response: 'disagreed' })).json().message).toContain('提出异议须写明理由');
    expect((await respond({ response: 'disagreed', comment: '1.2项已提交会议记录' })).statusCode).toBe(200);
    expect((await assessor.inject({ method: 'POST', url: `/api/campaigns/${id}/units/${d.units.dept}/response`, payload: { response: 'confirmed' } })).statusCode).toBe(403);
    expect((await respond({ response: 'confirmed' })).json()).toMatchObject({ response: 'confirmed', comment: null });
    expect((await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.town}/scores` })).json().response).toMatchObject({ response: 'confirmed' });

    // Before approval the results are computed from the stored facts.
    const live = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<Results>();
    expect(live.version).toBeNull();
    expect(live.rows).toEqual([
      { seq: 1, unitId: d.units.town, unit: townName, category: '属地', score: 99, reward: 7600, remark: '', rank: 1, grade: '合格', vetoed: false },
      { seq: 2, unitId: d.units.dept, unit: deptName, category: '部门', score: 98, reward: 1800, remark: '', rank: 1, grade: '合格', vetoed: false },
    ]);
    expect(live.stats).toEqual({ assessed: 2, atOrAboveThreshold: 2, passRatePercent: '100.00' });

    await advance(admin, id, ['submitForReview', 'submitForApproval']);
    const noMeeting = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'approve', publicityDays: 7, version: (await advance(admin, id, [])).version } });
    expect(noMeeting.statusCode).toBe(409);
    expect(noMeeting.json().message).toContain('请填写审定会议');
    const approved = await advance(admin, id, [{ action: 'approve', meeting: '区安委会2015年第1次会议', publicityDays: 7 }]);
    expect(approved).toMatchObject({ state: 'publicity', publicityDays: 7, approvalMeeting: '区安委会2015年第1次会议' });

    // 公示 runs its full term before publication.
    const tooSoon = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'publish', version: approved.version } });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().message).toContain('期满后方可发布');
    // 申诉 during publicity: a unit objects for itself only; the office answers.
    const objection = await liaison.inject({ method: 'POST', url: `/api/campaigns/${id}/objections`, payload: { unitId: d.units.town, content: '1.2项扣1分依据不足，请复核' } });
    expect(objection.statusCode).toBe(201);
    expect((await liaison.inject({ method: 'POST', url: `/api/campaigns/${id}/objections`, payload: { unitId: d.units.dept, content: '代其他单位申诉的内容' } })).statusCode).toBe(404);
    expect((await liaison.inject({ method: 'POST', url: `/api/campaigns/${id}/objections`, payload: { unitId: d.units.town, content: '短' } })).statusCode).toBe(400);
    const objectionId = objection.json<{ id: string }>().id;
    expect((await leader.inject({ method: 'POST', url: `/api/campaigns/${id}/objections/${objectionId}/answer`, payload: { decision: 'dismissed', answer: '领导不能答复申诉' } })).statusCode).toBe(403);
    expect((await assessor.inject({ method: 'GET', url: `/api/campaigns/${id}/objections` })).json().items).toEqual([]);

    t.advance(7 * 86_400_000 + 1000);
    await logInAgain();
    const afterTerm = await liaison.inject({ method: 'POST', url: `/api/campaigns/${id}/objections`, payload: { unitId: d.units.town, content: '公示期满后的申诉内容' } });
    expect(afterTerm.statusCode).toBe(409);
    expect(afterTerm.json().message).toContain('公示期已于');
    const unanswered = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'publish', version: approved.version } });
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.json().message).toContain('尚有 1 件申诉未答复');
    const answer = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/objections/${objectionId}/answer`, payload: { decision: 'dismissed', answer: '经复核，会议记录缺1次，维持原评分' } });
    expect(answer.statusCode).toBe(200);
    expect((await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/objections/${objectionId}/answer`, payload: { decision: 'dismissed', answer: '再次答复同一申诉' } })).statusCode).toBe(409);
    expect((await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/objections` })).json().items)
      .toEqual([expect.objectContaining({ unitId: d.units.town, answer: '经复核，会议记录缺1次，维持原评分' })]);
    const published = await advance(admin, id, ['publish']);
    expect(published.state).toBe('published');

    const frozen = (await leader.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<Results>();
    expect(frozen.version).toBe(1);
    expect(frozen.rows).toEqual(live.rows);

    // Every transition is in the audit trail.
    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('campaign.'))).toEqual([
      'campaign.create', 'campaign.openSigning', 'campaign.startYear', 'campaign.openSelfAssessment', 'campaign.startAssessment',
      'campaign.submitForReview', 'campaign.submitForApproval', 'campaign.approve', 'campaign.publish',
    ]);
    expect(await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', objectionId).orderBy('seq').execute())
      .toEqual([{ action: 'objection.file' }, { action: 'objection.answer' }]);

    // A later edit does not touch the published snapshot; a correction makes version 2.
    expect((await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.dept}/scores/team`, payload: { items: { '1.2': 5 } } })).statusCode).toBe(200);
    expect((await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<Results>()).toEqual(frozen);
    const noReason = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/result-versions`, payload: { reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const corrected = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/result-versions`, payload: { reason: '区住建局1.2项复核后更正' } });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json()).toMatchObject({ version: 2, reason: '区住建局1.2项复核后更正' });
    const v2 = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<Results>();
    expect(v2.version).toBe(2);
    expect(v2.rows[0]).toMatchObject({ seq: 1, unit: deptName, score: 100, reward: 2000 });
    expect((await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results?version=1` })).json<Results>()).toEqual(frozen);
    const page2 = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results?version=1&page=2&pageSize=1` })).json<Results & { totalRows: number }>();
    expect(page2).toMatchObject({ version: 1, totalRows: 2, stats: frozen.stats });
    expect(page2.rows).toEqual([frozen.rows[1]]);
    const diff = await leader.inject({ method: 'GET', url: `/api/campaigns/${id}/result-versions/1/diff/2` });
    expect(diff.statusCode).toBe(200);
    expect(diff.json().rows).toEqual([
      {
        unit: deptName, kind: 'changed', changes: [
          { field: 'score', label: '考核分数', before: 98, after: 100 },
          { field: 'reward', label: '奖励金额（元）', before: 1800, after: 2000 },
          { field: 'seq', label: '序号', before: 2, after: 1 },
        ],
      },
      { unit: townName, kind: 'changed', changes: [{ field: 'seq', label: '序号', before: 1, after: 2 }] },
    ]);
    expect(diff.json().rewardTotal).toEqual({ before: 9400, after: 9600 });
    const versions = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/result-versions` })).json<{ items: { version: number; reason: string | null }[] }>();
    expect(versions.items.map((v) => [v.version, v.reason])).toEqual([[1, null], [2, '区住建局1.2项复核后更正']]);

    // The trace of a published version is rebuilt from the facts frozen with it.
    const trace1 = (await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.town}/trace?version=1` })).json<{ text: string; version: number }>();
    expect(trace1.version).toBe(1);
    expect(trace1.text).toContain('99');
  });

  it('refuses transitions to other roles and out of order, changing nothing', async () => {
    const { id } = await createTestCampaign(admin, d);
    const before = await count('audit_record');
    for (const who of [leader, assessor, liaison]) {
      const res = await who.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'openSigning', version: 1 } });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(/无权开始签订责任书/);
    }
    const outOfOrder = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'publish', version: 1 } });
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json().message).toContain('当前状态为“准备”');
    const stale = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'openSigning', version: 9 } });
    expect(stale.statusCode).toBe(409);
    expect((await otherAdmin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'openSigning', version: 1 } })).statusCode).toBe(404);
    expect(await count('audit_record')).toBe(before);
    expect((await admin.inject({ method: 'GET', url: `/api/campaigns/${id}` })).json()).toMatchObject({ state: 'preparation', version: 1 });
  });

  it('rejects a bad scheme or unit list with a Chinese message naming the path, creating nothing', async () => {
    const before = await count('campaign');
    const badYaml = await admin.inject({ method: 'POST', url: '/api/campaigns', payload: { organisationId: d.districtId, scheme: 'format: 1\n  campaign: [', units: [{ unitId: d.units.town }] } });
    expect(badYaml.statusCode).toBe(400);
    expect(badYaml.json().message).toContain('YAML 格式错误');
    const badScheme = await admin.inject({
      method: 'POST', url: '/api/campaigns',
      payload: { organisationId: d.districtId, scheme: zhoucunSchemeText.replace('scale: 100', 'scale: 一百'), units: [{ unitId: d.units.town }] },
    });
    expect(badScheme.statusCode).toBe(400);
    expect(badScheme.json().message).toMatch(/考核方案：scale：/);
    const badCategory = await admin.inject({
      method: 'POST', url: '/api/campaigns',
      payload: { organisationId: d.districtId, scheme: zhoucunSchemeText, units: [{ unitId: d.units.town, category: 'nosuch' }] },
    });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().message).toContain('被考核单位：units[0].category');
    const foreignUnit = await admin.inject({ method: 'POST', url: '/api/campaigns', payload: { organisationId: d.districtId, scheme: zhoucunSchemeText, units: [{ unitId: d.units.other }] } });
    expect(foreignUnit.statusCode).toBe(400);
    expect(foreignUnit.json().message).toContain('不属于本组织');
    expect(await count('campaign')).toBe(before);
  });

  it('rejects a bad item score and changes nothing', async () => {
    const { id } = await createTestCampaign(admin, d);
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    const before = await count('item_score');
    const overFull = await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: { '1.2': 7 } } });
    expect(overFull.statusCode).toBe(400);
    expect(overFull.json().message).toContain('评分');
    expect(overFull.json().message).toContain('1.2');
    const unknown = await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: { '9.9': 1 } } });
    expect(unknown.statusCode).toBe(400);
    expect(await count('item_score')).toBe(before);
    // Self-assessment is closed once assessment has started.
    const late = await liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/self`, payload: { items: { '1.2': 5 } } });
    expect(late.statusCode).toBe(409);
  });

  it('what-if shows the effect of a change and leaves the real results untouched', async () => {
    const { id } = await createTestCampaign(admin, d);
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: fullScores('territorial', 1) } });
    const real = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<Results>();
    const auditBefore = await count('audit_record');
    const res = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/what-if`, payload: { changes: [{ kind: 'rewardRate', category: 'territorial', perPoint: 500 }] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().diff.rows).toEqual([{ unit: townName, kind: 'changed', changes: [{ field: 'reward', label: '奖励金额（元）', before: 7600, after: 9500 }] }]);
    expect((await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<Results>()).toEqual(real);
    expect(await count('audit_record')).toBe(auditBefore);
    expect((await leader.inject({ method: 'POST', url: `/api/campaigns/${id}/what-if`, payload: { changes: [{ kind: 'threshold', value: 90 }] } })).statusCode).toBe(403);
    const bad = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/what-if`, payload: { changes: [{ kind: 'rewardRate', category: 'territorial' }] } });
    expect(bad.statusCode).toBe(400);
  });

  it('copies last year’s campaign with its scheme and units for the new year', async () => {
    const { id } = await createTestCampaign(admin, d);
    const res = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/copy`, payload: { year: 2015, removeUnitIds: [d.units.dept] } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2015, name: '2015年全区安全生产目标管理考核', state: 'preparation' });
    const units = (await admin.inject({ method: 'GET', url: `/api/campaigns/${res.json().id}/units` })).json<{ items: { unitId: string; category: string }[] }>();
    expect(units.items).toEqual([{ unitId: d.units.town, name: townName, category: 'territorial', sortOrder: 1 }]);
    expect((await leader.inject({ method: 'POST', url: `/api/campaigns/${id}/copy`, payload: { year: 2015 } })).statusCode).toBe(403);
  });

  describe('access per endpoint', () => {
    let id: string;
    beforeAll(async () => {
      id = (await createTestCampaign(admin, d)).id;
      await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    });

    const endpoints = () => [
      { method: 'GET' as const, url: `/api/campaigns/${id}` },
      { method: 'GET' as const, url: `/api/campaigns/${id}/units` },
      { method: 'GET' as const, url: `/api/campaigns/${id}/results` },
      { method: 'GET' as const, url: `/api/campaigns/${id}/units/${d.units.town}/trace` },
      { method: 'GET' as const, url: `/api/campaigns/${id}/units/${d.units.town}/scores` },
      { method: 'GET' as const, url: `/api/campaigns/${id}/result-versions` },
      { method: 'POST' as const, url: `/api/campaigns/${id}/what-if`, payload: { changes: [{ kind: 'threshold', value: 90 }] } },
      { method: 'PUT' as const, url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: { '1.2': 5 } } },
    ];

    it('answers 401 without a session', async () => {
      for (const e of endpoints()) expect((await t.app.inject(e)).statusCode, e.url).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: '/api/campaigns' })).statusCode).toBe(401);
    });

    it('hides the campaign from another district', async () => {
      for (const e of endpoints()) expect((await otherAdmin.inject(e)).statusCode, e.url).toBe(404);
      const list = (await otherAdmin.inject({ method: 'GET', url: '/api/campaigns' })).json<{ items: { id: string }[] }>();
      expect(list.items.map((c) => c.id)).not.toContain(id);
    });

    it('hides another unit’s data from a liaison and an assessor, and refuses the wrong role', async () => {
      expect((await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.dept}/scores` })).statusCode).toBe(404);
      expect((await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.dept}/trace` })).statusCode).toBe(404);
      expect((await assessor.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.town}/scores` })).statusCode).toBe(404);
      expect((await assessor.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: { '1.2': 5 } } })).statusCode).toBe(404);
      const units = (await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/units` })).json<{ items: { unitId: string }[] }>();
      expect(units.items.map((u) => u.unitId)).toEqual([d.units.town]);
      // Before publicity the results table is the office's and the leaders'.
      expect((await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).statusCode).toBe(403);
      expect((await assessor.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).statusCode).toBe(403);
      expect((await leader.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).statusCode).toBe(200);
      expect((await liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: { '1.2': 5 } } })).statusCode).toBe(403);
      expect((await leader.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: { '1.2': 5 } } })).statusCode).toBe(403);
      expect((await leader.inject({ method: 'POST', url: '/api/campaigns', payload: { organisationId: d.districtId, scheme: zhoucunSchemeText, units: [{ unitId: d.units.town }] } })).statusCode).toBe(403);
    });
  });
});
