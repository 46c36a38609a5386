import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import type { District } from '../support/factories';
import { districtWithPeople, useTestApp } from '../support/test-app';
import type { Client, DistrictWithPeople } from '../support/test-app';

interface Objection { id: string; unitId: string; answer: string | null; decision: string | null; revisedAt: string | null }

const upheldRefusal = '1 件申诉经复核成立，须先退回重新评分，更正结果后重新审定并公示，不能按本次公示的结果发布';

describe('objection decisions: 申诉成立 / 申诉不成立', { timeout: 90_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let liaison: Client;
  let deptLiaison: Client;
  let otherAdmin: Client;
  let people: DistrictWithPeople<'admin' | 'leader' | 'liaison' | 'deptLiaison' | 'otherAdmin'>;
  const logInAgain = async () => {
    ({ admin, leader, liaison, deptLiaison, otherAdmin } = await people.logInAgain());
  };

  beforeAll(async () => {
    people = await districtWithPeople(t, ['admin', 'leader', 'liaison', 'deptLiaison', 'otherAdmin']);
    ({ d, clients: { admin, leader, liaison, deptLiaison, otherAdmin } } = people);
  });

  /** A campaign of both units, scored by the office and approved into five days of publicity. */
  async function inPublicity(): Promise<string> {
    const { id } = await createTestCampaign(admin, d);
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    await scoreBoth(id, 1);
    await approve(id);
    return id;
  }
  async function scoreBoth(id: string, less: number) {
    for (const [unitId, category] of [[d.units.town, 'territorial'], [d.units.dept, 'department']] as const) {
      const res = await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${unitId}/scores/team`, payload: { items: fullScores(category, less) } });
      expect(res.statusCode).toBe(200);
    }
  }
  async function approve(id: string) {
    const state = await advance(admin, id, ['submitForReview', 'submitForApproval', { action: 'approve', meeting: '区安委会2015年第1次会议', publicityDays: 5 }]);
    expect(state.state).toBe('publicity');
  }
  const file = async (who: Client, id: string, unitId: string, content: string) => {
    const res = await who.inject({ method: 'POST', url: `/api/campaigns/${id}/objections`, payload: { unitId, content } });
    expect(res.statusCode).toBe(201);
    return res.json<Objection>().id;
  };
  const answerUrl = (id: string, objectionId: string) => `/api/campaigns/${id}/objections/${objectionId}/answer`;
  const list = async (who: Client, id: string) => (await who.inject({ method: 'GET', url: `/api/campaigns/${id}/objections` })).json<{ items: Objection[] }>().items;
  const stored = (objectionId: string) => t.database.db.selectFrom('objection').select(['answer', 'decision', 'answered_at', 'revised_at']).where('id', '=', objectionId).executeTakeFirstOrThrow();
  const audits = (entityId: string) => t.database.db.selectFrom('audit_record').select(['action', 'after_json']).where('entity_id', '=', entityId).orderBy('seq').execute();
  const publish = async (id: string) => {
    const { version } = await advance(admin, id, []);
    return admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'publish', version } });
  };
  const endTerm = async () => {
    t.advance(5 * 86_400_000 + 1000);
    await logInAgain();
  };

  it('refuses an answer without a decision, or with another one, naming the field, and changes nothing', async () => {
    const id = await inPublicity();
    const objectionId = await file(liaison, id, d.units.town, '第1.2项扣1分依据不足，请复核');
    for (const payload of [{ answer: '经复核，维持原评分' }, { answer: '经复核，维持原评分', decision: 'partly' }, { answer: '经复核，维持原评分', decision: null }]) {
      const res = await admin.inject({ method: 'POST', url: answerUrl(id, objectionId), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toContain('decision');
      expect(res.json().message).toContain('请选择处理结论');
    }
    const shortAnswer = await admin.inject({ method: 'POST', url: answerUrl(id, objectionId), payload: { decision: 'upheld', answer: '成立' } });
    expect(shortAnswer.statusCode).toBe(400);
    expect(shortAnswer.json().message).toContain('answer');
    expect(await stored(objectionId)).toEqual({ answer: null, decision: null, answered_at: null, revised_at: null });
    expect((await audits(objectionId)).map((a) => a.action)).toEqual(['objection.file']);
  });

  it('401 without a session, 403 for a role that does not answer, another unit’s objection and decision invisible', async () => {
    const id = await inPublicity();
    const objectionId = await file(liaison, id, d.units.town, '第1.2项扣1分依据不足，请复核');
    const payload = { decision: 'upheld', answer: '经复核，第1.2项扣分依据不足，申诉成立' };
    expect((await t.app.inject({ method: 'POST', url: answerUrl(id, objectionId), payload })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}/objections` })).statusCode).toBe(401);
    expect((await leader.inject({ method: 'POST', url: answerUrl(id, objectionId), payload })).statusCode).toBe(403);
    expect((await liaison.inject({ method: 'POST', url: answerUrl(id, objectionId), payload })).statusCode).toBe(403);
    // The department's liaison does not learn of the town's objection; the other district not of the campaign.
    expect((await deptLiaison.inject({ method: 'POST', url: answerUrl(id, objectionId), payload })).statusCode).toBe(404);
    expect((await otherAdmin.inject({ method: 'POST', url: answerUrl(id, objectionId), payload })).statusCode).toBe(404);
    expect((await otherAdmin.inject({ method: 'GET', url: `/api/campaigns/${id}/objections` })).statusCode).toBe(404);
    expect(await stored(objectionId)).toMatchObject({ answer: null, decision: null });

    expect((await admin.inject({ method: 'POST', url: answerUrl(id, objectionId), payload })).statusCode).toBe(200);
    expect(await list(liaison, id)).toEqual([expect.objectContaining({ id: objectionId, decision: 'upheld', answer: payload.answer, revisedAt: null })]);
    expect(await list(deptLiaison, id)).toEqual([]);
    expect((await list(leader, id)).map((o) => o.decision)).toEqual(['upheld']);
  });

  it('an upheld objection holds publication until the results go back to re-scoring and a new publicity; a dismissed one does not', async () => {
    const id = await inPublicity();
    const townObjection = await file(liaison, id, d.units.town, '第1.2项扣1分依据不足，请复核');
    const deptObjection = await file(deptLiaison, id, d.units.dept, '第1.2项扣分所依据的记录已补齐，请复核');

    const upheld = await admin.inject({ method: 'POST', url: answerUrl(id, townObjection), payload: { decision: 'upheld', answer: ' 经复核，责任书已全部签订，第1.2项不应扣分，申诉成立 ' } });
    expect(upheld.statusCode).toBe(200);
    expect(upheld.json()).toMatchObject({ decision: 'upheld', answer: '经复核，责任书已全部签订，第1.2项不应扣分，申诉成立', revisedAt: null });
    const dismissed = await admin.inject({ method: 'POST', url: answerUrl(id, deptObjection), payload: { decision: 'dismissed', answer: '经复核，记录补齐晚于考核截止日，维持原评分' } });
    expect(dismissed.json()).toMatchObject({ decision: 'dismissed', revisedAt: null });
    // Answered once: a second decision is refused and the first stands.
    const again = await admin.inject({ method: 'POST', url: answerUrl(id, townObjection), payload: { decision: 'dismissed', answer: '改为维持原评分' } });
    expect(again.statusCode).toBe(409);
    expect(await stored(townObjection)).toMatchObject({ decision: 'upheld' });
    // The decision is in the audit record of the answer.
    const answerAudit = (await audits(townObjection)).find((a) => a.action === 'objection.answer')!;
    expect(JSON.parse(answerAudit.after_json!)).toMatchObject({ decision: 'upheld', answer: '经复核，责任书已全部签订，第1.2项不应扣分，申诉成立' });

    await endTerm();
    const refused = await publish(id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(`${upheldRefusal}。`);
    expect(await t.database.db.selectFrom('result_version').select('version').where('campaign_id', '=', id).execute()).toEqual([]);
    const todos = (await admin.inject({ method: 'GET', url: '/api/todos' })).json<{ items: { kind: string; campaignId: string; unitIds: string[] }[] }>().items.filter((i) => i.campaignId === id);
    expect(todos).toEqual([expect.objectContaining({ kind: 'reviseForObjection', unitIds: [d.units.town] })]);

    // 退回重新评分 marks the upheld objection as followed, in the same transaction, with its own audit record.
    const returned = await advance(admin, id, [{ action: 'returnForRevision', reason: '王村镇申诉成立，第1.2项重新评分' }]);
    expect(returned.state).toBe('assessment');
    const revisedAt = (await stored(townObjection)).revised_at;
    expect(revisedAt).toBe(t.now().toISOString());
    expect(await stored(deptObjection)).toMatchObject({ decision: 'dismissed', revised_at: null });
    const revise = (await audits(townObjection)).find((a) => a.action === 'objection.revise')!;
    expect(JSON.parse(revise.after_json!)).toMatchObject({ decision: 'upheld', revisedAt, reason: '王村镇申诉成立，第1.2项重新评分' });
    expect(await list(liaison, id)).toEqual([expect.objectContaining({ id: townObjection, decision: 'upheld', revisedAt })]);

    // Re-scored, approved again and put to a new publicity, the notice goes out once that term ends.
    await scoreBoth(id, 0);
    await approve(id);
    expect((await publish(id)).json().message).toContain('期满后方可发布');
    await endTerm();
    const published = await publish(id);
    expect(published.statusCode).toBe(200);
    expect(published.json().state).toBe('published');
  });

  it('an objection upheld while re-scoring is already under way is covered by it; an answer from before decisions shows none', async () => {
    const id = await inPublicity();
    const objectionId = await file(liaison, id, d.units.town, '第1.2项扣1分依据不足，请复核');
    await advance(admin, id, [{ action: 'returnForRevision', reason: '区住建局评分有误，重新评分' }]);
    const late = await admin.inject({ method: 'POST', url: answerUrl(id, objectionId), payload: { decision: 'upheld', answer: '经复核，申诉成立，已在本次重新评分中更正' } });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ decision: 'upheld', revisedAt: t.now().toISOString() });

    // An objection answered before decisions were recorded (the migration leaves its decision null).
    const legacyId = `legacy-${id}`;
    await t.database.db.insertInto('objection').values({
      id: legacyId, campaign_id: id, unit_id: d.units.town, content: '早先提出的申诉', filed_by: liaison.accountId, filed_at: t.now().toISOString(),
      answer: '经复核，维持原评分', answered_by: admin.accountId, answered_at: t.now().toISOString(), decision: null, revised_at: null,
    }).execute();
    expect((await list(liaison, id)).find((o) => o.id === legacyId)).toMatchObject({ answer: '经复核，维持原评分', decision: null, revisedAt: null });

    await scoreBoth(id, 0);
    await approve(id);
    await endTerm();
    const published = await publish(id);
    expect(published.statusCode).toBe(200);
    expect(published.json().state).toBe('published');
  });
});
