import { beforeAll, describe, expect, it } from 'vitest';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { addTown, createEnterprise } from '../support/ledger-factories';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const DAY = 86_400_000;
const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

describe('handling a tip (举报): extension, verification, hazard card, reply, reward', { timeout: 90_000 }, () => {
  const t = useTestApp({ sessionIdleMinutes: 10_000_000 });
  let d: District;
  let admin: Client;
  let leader: Client;
  let town: Client;
  let dept: Client;
  let town2: Client;
  let town2Unit: string;
  let enterpriseId: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.dept }),
    ] as const;
    [admin, leader, town, dept] = await loginAll(t.app, users);
    enterpriseId = (await createEnterprise(admin, d)).id;
    town2Unit = await addTown(db, d, t.now());
    [town2] = await loginAll(t.app, [await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: town2Unit })]);
  });

  const named = { channel: 'phoneLine', anonymous: false, reporterName: '李四', reporterContact: '13800000000', description: '仓库堆放易燃物，消防通道堵塞' };
  const post = (who: Client, url: string, payload: Record<string, unknown>) => who.inject({ method: 'POST', url, payload });
  async function assignedTip(extra: Record<string, unknown> = {}, unitId = d.units.town) {
    const tip = (await post(admin, '/api/tips', { ...named, subject: 'majorHazard', enterpriseId, ...extra })).json();
    const res = await post(admin, `/api/tips/${tip.id}/assignment`, { version: tip.version, unitId });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number; receivedOn: string };
  }
  const verification = { verified: true, findings: '现场核实：仓库内违规堆放油漆200桶', hazard: { foundBy: '王五', place: '2号仓库', description: '违规储存易燃液体，消防通道堵塞' } };

  it('a true 重大事故隐患 tip becomes its hazard card in the same step; the reply is then due in 10 days; every step is audited', async () => {
    const tip = await assignedTip();
    const res = await post(town, `/api/tips/${tip.id}/verification`, { version: tip.version, ...verification });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    const today = v.verification.verifiedOn;
    expect(v).toMatchObject({ stage: 'verified', stageLabel: '已核查', verification: { verified: true, findings: verification.findings }, replyDueOn: dayAfter(today, 10), replyStatus: 'pending' });
    expect(v.hazardId).toEqual(expect.any(String));
    const card = await town.inject({ method: 'GET', url: `/api/hazards/${v.hazardId}` });
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({ enterpriseId, foundWay: 'tip', state: 'found', card: { place: '2号仓库', foundBy: '王五' } });
    // 2018 rules (received today): 15% of the fine, at least 3000 — a preview until the office decides.
    expect(v.reward).toMatchObject({ decided: false, eligible: false });
    const replied = await post(town, `/api/tips/${tip.id}/reply`, { version: v.version, text: '经核查属实，已责令整改。' });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ stage: 'replied', replyStatus: 'answeredOnTime', reply: { text: '经核查属实，已责令整改。' } });
    const audit = await t.database.db.selectFrom('audit_record').select(['action', 'after_json']).where('entity_id', 'in', [tip.id, v.hazardId]).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['tip.receive', 'tip.assign', 'hazard.create', 'tip.verify', 'tip.reply']);
    expect(JSON.stringify(audit)).not.toContain('13800000000');
  });

  it('a verification that fails (no hazard facts for a true hazard tip, a card the verifier may not keep) changes nothing', async () => {
    const tip = await assignedTip();
    const before = await t.database.db.selectFrom('hazard').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const missing = await post(town, `/api/tips/${tip.id}/verification`, { version: tip.version, verified: true, findings: '属实' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('hazard');
    // Assigned to a town whose liaison may not keep this enterprise's cards: the card is refused,
    // and the verification with it.
    const elsewhere = await assignedTip({}, town2Unit);
    const refused = await post(town2, `/api/tips/${elsewhere.id}/verification`, { version: elsewhere.version, ...verification });
    expect(refused.statusCode).toBe(404);
    expect((await town2.inject({ method: 'GET', url: `/api/tips/${elsewhere.id}` })).json()).toMatchObject({ stage: 'assigned', hazardId: null, version: elsewhere.version });
    const after = await t.database.db.selectFrom('hazard').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await town.inject({ method: 'GET', url: `/api/tips/${tip.id}` })).json()).toMatchObject({ stage: 'assigned', verification: null, version: tip.version });
    const futureDay = dayAfter(tip.receivedOn, 3);
    const future = await post(town, `/api/tips/${tip.id}/verification`, { version: tip.version, ...verification, verifiedOn: futureDay });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('verifiedOn');
  });

  it('refuses steps out of order with 409: verification before assignment, reply before verification, a second verification, a reassignment after it', async () => {
    const fresh = (await post(admin, '/api/tips', { ...named, subject: 'illegalProduction' })).json();
    const early = await post(admin, `/api/tips/${fresh.id}/verification`, { version: fresh.version, verified: false, findings: '查无此事' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('举报尚未交办，不能登记核查结果。');
    const tip = await assignedTip({ subject: 'illegalProduction' });
    const reply = await post(town, `/api/tips/${tip.id}/reply`, { version: tip.version, text: '收到' });
    expect(reply.statusCode).toBe(409);
    const v = (await post(town, `/api/tips/${tip.id}/verification`, { version: tip.version, verified: false, findings: '查无此事' })).json();
    expect(v).toMatchObject({ verification: { verified: false }, hazardId: null });
    expect((await post(town, `/api/tips/${tip.id}/verification`, { version: v.version, verified: true, findings: '再查' })).statusCode).toBe(409);
    expect((await post(admin, `/api/tips/${tip.id}/assignment`, { version: v.version, unitId: d.units.dept })).statusCode).toBe(409);
    expect((await post(town, `/api/tips/${tip.id}/verification`, { version: tip.version, verified: false, findings: '旧版本' })).statusCode).toBe(409);
    // 不属实: no reward, with the reason.
    expect(v.reward).toMatchObject({ eligible: false, detail: '举报事项未经核查属实，不予奖励。' });
  });

  it('who may act: another unit 404, a leader 403, only the office extends and decides rewards', async () => {
    const tip = await assignedTip({ subject: 'illegalProduction' });
    expect((await post(dept, `/api/tips/${tip.id}/verification`, { version: tip.version, verified: false, findings: 'x' })).statusCode).toBe(404);
    expect((await post(leader, `/api/tips/${tip.id}/verification`, { version: tip.version, verified: false, findings: 'x' })).statusCode).toBe(403);
    expect((await post(town, `/api/tips/${tip.id}/extension`, { version: tip.version, reason: '情况复杂' })).statusCode).toBe(403);
    const ext = await post(admin, `/api/tips/${tip.id}/extension`, { version: tip.version, reason: '涉及多个部门，情况复杂' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json()).toMatchObject({ extension: { reason: '涉及多个部门，情况复杂' }, handlingDueOn: dayAfter(tip.receivedOn, 90), replyDueOn: dayAfter(tip.receivedOn, 90) });
    const again = await post(admin, `/api/tips/${tip.id}/extension`, { version: ext.json().version, reason: '再延' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('只能延期一次');
    const v = (await post(town, `/api/tips/${tip.id}/verification`, { version: ext.json().version, verified: true, findings: '属实', fineYuan: 50_000 })).json();
    expect((await post(town, `/api/tips/${tip.id}/reward`, { version: v.version, firstValidReporter: true })).statusCode).toBe(403);
  });

  it('2018 rules: 15% of the fine, at least 3000 yuan; the amount is the rule\'s, not chosen', async () => {
    const tip = await assignedTip({ subject: 'illegalProduction' });
    const v = (await post(town, `/api/tips/${tip.id}/verification`, { version: tip.version, verified: true, findings: '属实', fineYuan: 10_000 })).json();
    expect(v.reward).toMatchObject({ decided: false, eligible: true, amountYuan: 3000 });
    const wrong = await post(admin, `/api/tips/${tip.id}/reward`, { version: v.version, firstValidReporter: true, decidedYuan: 5000 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('decidedYuan');
    const ok = await post(admin, `/api/tips/${tip.id}/reward`, { version: v.version, firstValidReporter: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().reward).toMatchObject({ decided: true, eligible: true, amountYuan: 3000, detail: expect.stringContaining('低于最低额，按3000元') });
    expect((await post(admin, `/api/tips/${tip.id}/reward`, { version: ok.json().version, firstValidReporter: true })).statusCode).toBe(409);
  });

  it('2012 rules (a tip received in 2016): the office decides within 1000–10000; outside the range is refused; not the first reporter gets nothing', async () => {
    const tip = await assignedTip({ subject: 'illegalProduction', receivedAt: '2016-05-01T02:00:00.000Z' });
    const v = (await post(town, `/api/tips/${tip.id}/verification`, { version: tip.version, verified: true, findings: '属实' })).json();
    expect(v.reward).toMatchObject({ eligible: true, amountYuan: null, minYuan: 1000, maxYuan: 10000 });
    expect((await post(admin, `/api/tips/${tip.id}/reward`, { version: v.version, firstValidReporter: true })).statusCode).toBe(400);
    const high = await post(admin, `/api/tips/${tip.id}/reward`, { version: v.version, firstValidReporter: true, decidedYuan: 12_000 });
    expect(high.statusCode).toBe(400);
    expect(high.json().message).toContain('1000元至10000元');
    const ok = await post(admin, `/api/tips/${tip.id}/reward`, { version: v.version, firstValidReporter: true, decidedYuan: 2000 });
    expect(ok.json().reward).toMatchObject({ decided: true, amountYuan: 2000 });
    const second = await assignedTip({ subject: 'illegalProduction', receivedAt: '2016-05-02T02:00:00.000Z' });
    const v2 = (await post(town, `/api/tips/${second.id}/verification`, { version: second.version, verified: true, findings: '同一事项' })).json();
    const none = await post(admin, `/api/tips/${second.id}/reward`, { version: v2.version, firstValidReporter: false });
    expect(none.json().reward).toMatchObject({ decided: true, eligible: false, amountYuan: 0, detail: expect.stringContaining('最先有效举报') });
  });

  it('an anonymous tip cannot be answered; the register filters by stage and by overdue reply at the app clock', async () => {
    const anon = (await post(admin, '/api/tips', { channel: 'letter', anonymous: true, subject: 'illegalProduction', description: '夜间违法生产' })).json();
    const a = (await post(admin, `/api/tips/${anon.id}/assignment`, { version: anon.version, unitId: d.units.town })).json();
    const av = (await post(town, `/api/tips/${anon.id}/verification`, { version: a.version, verified: false, findings: '未发现' })).json();
    const noReply = await post(town, `/api/tips/${anon.id}/reply`, { version: av.version, text: 'x' });
    expect(noReply.statusCode).toBe(409);
    expect(noReply.json().message).toContain('匿名');
    const waiting = await assignedTip({ subject: 'illegalProduction' });
    const ids = async (query: string) => ((await admin.inject({ method: 'GET', url: `/api/tips?pageSize=200${query}` })).json().items as { id: string }[]).map((i) => i.id);
    expect(await ids('&stage=assigned')).toContain(waiting.id);
    expect(await ids('&stage=verified')).toContain(anon.id);
    expect(await ids('&stage=verified')).not.toContain(waiting.id);
    expect(await ids('&replyOverdue=true')).not.toContain(waiting.id);
    t.advance(61 * DAY);
    const overdue = await ids('&replyOverdue=true');
    expect(overdue).toContain(waiting.id);
    expect(overdue).not.toContain(anon.id);
    expect(await ids('&replyOverdue=false')).toContain(anon.id);
    expect((await admin.inject({ method: 'GET', url: '/api/tips?stage=done' })).statusCode).toBe(400);
  });

  it('the enterprise\'s file lists its tips for those who may read them, never the reporter', async () => {
    const tip = await assignedTip({ subject: 'illegalProduction' });
    await post(town, `/api/tips/${tip.id}/verification`, { version: tip.version, verified: false, findings: '查无此事' });
    const file = async (who: Client) => (await who.inject({ method: 'GET', url: `/api/enterprises/${enterpriseId}/file` }))
      .json<{ timeline: { kind: string; id: string; title: string }[] }>().timeline.filter((e) => e.kind === 'tip' && e.id.startsWith(tip.id));
    const office = await file(admin);
    expect(office.map((e) => e.title)).toEqual(['非法违法生产经营建设行为举报核查不属实', '受理非法违法生产经营建设行为举报（举报电话）']);
    expect(JSON.stringify(office)).not.toContain('李四');
    expect((await file(town)).length).toBe(2);
    // The department regulates the enterprise but the tip was assigned to the town: it sees none.
    expect(await file(dept)).toEqual([]);
  });
});
