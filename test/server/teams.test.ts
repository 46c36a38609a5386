import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/server/demo/seed-demo';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { login, loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Team { id: string; name: string; leaderId: string | null; version: number; members: { accountId: string; isLeader: boolean }[]; units: { unitId: string }[] }

describe('assessment teams (考核组) API', { timeout: 90_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let lead: Client;
  let member: Client;
  let other: Client;
  let liaison: Client;
  let otherAdmin: Client;
  let townName: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'assessor', { organisationId: d.districtId }),
      await createUser(db, 'assessor', { organisationId: d.districtId }),
      // assigned the town on its account, but the town's team in a campaign is another one
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.town] }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    [admin, leader, lead, member, other, liaison, otherAdmin] = await loginAll(t.app, users);
    townName = (await db.selectFrom('unit').select('name').where('id', '=', d.units.town).executeTakeFirstOrThrow()).name;
  });

  const teamsUrl = (id: string) => `/api/campaigns/${id}/teams`;
  const create = (who: Client, id: string, payload: Record<string, unknown>) => who.inject({ method: 'POST', url: teamsUrl(id), payload });
  const count = async (table: 'assessment_team' | 'assessment_team_unit' | 'audit_record' | 'member_item_score' | 'item_score') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('forms, edits, lists and dissolves teams; a unit belongs to one team per campaign', async () => {
    const { id } = await createTestCampaign(admin, d);
    const first = await create(admin, id, { name: '第一考核组', leaderId: lead.accountId, memberIds: [member.accountId], unitIds: [d.units.town] });
    expect(first.statusCode).toBe(201);
    const team = first.json<Team>();
    expect(team).toMatchObject({ name: '第一考核组', leaderId: lead.accountId, version: 1, units: [{ unitId: d.units.town, name: townName }] });
    expect(team.members.map((m) => m.accountId).sort()).toEqual([lead.accountId, member.accountId].sort());
    expect(team.members.find((m) => m.accountId === lead.accountId)?.isLeader).toBe(true);

    // A unit in at most one team; names unique; nothing is written on a refusal.
    const before = [await count('assessment_team'), await count('audit_record')];
    const taken = await create(admin, id, { name: '第二考核组', leaderId: other.accountId, unitIds: [d.units.town] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain(`“${townName}”已分配给第一考核组`);
    expect((await create(admin, id, { name: '第一考核组' })).statusCode).toBe(409);
    const noName = await create(admin, id, { name: ' ' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().message).toContain('name');
    const notAssessor = await create(admin, id, { name: '第三考核组', leaderId: liaison.accountId });
    expect(notAssessor.statusCode).toBe(400);
    expect(notAssessor.json().message).toMatch(/^组长中的“[^”]+”不是考核组成员账号。$/);
    const noLeader = await create(admin, id, { name: '第三考核组', memberIds: [other.accountId] });
    expect(noLeader.json()).toMatchObject({ code: 'validation_failed', message: '考核组有组员时须指定组长。' });
    const strangerUnit = await create(admin, id, { name: '第三考核组', unitIds: [d.units.other] });
    expect(strangerUnit.statusCode).toBe(400);
    expect(strangerUnit.json().message).toBe(`被考核单位中的“${d.units.other}”不是本考核活动的被考核单位。`);
    expect([await count('assessment_team'), await count('audit_record')]).toEqual(before);

    // 401, 403 for every role but the office, 404 for another jurisdiction's office.
    expect((await t.app.inject({ method: 'POST', url: teamsUrl(id), payload: { name: 'x' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: teamsUrl(id) })).statusCode).toBe(401);
    for (const who of [leader, lead, liaison]) expect((await create(who, id, { name: '第四考核组' })).statusCode).toBe(403);
    expect((await create(otherAdmin, id, { name: '第四考核组' })).statusCode).toBe(404);

    const second = (await create(admin, id, { name: '第二考核组', leaderId: other.accountId, unitIds: [d.units.dept] })).json<Team>();

    // Edits carry the version: a stale one is refused with 409.
    const patch = (who: Client, teamId: string, payload: Record<string, unknown>) => who.inject({ method: 'PATCH', url: `${teamsUrl(id)}/${teamId}`, payload });
    const renamed = await patch(admin, team.id, { version: 1, name: '第一组' });
    expect(renamed.json()).toMatchObject({ name: '第一组', version: 2 });
    const stale = await patch(admin, team.id, { version: 1, name: '旧名称' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');
    expect((await patch(lead, team.id, { version: 2, name: '组长自改' })).statusCode).toBe(403);
    const badVersion = await patch(admin, team.id, { version: 'x' });
    expect(badVersion.statusCode).toBe(400);
    expect(badVersion.json().message).toContain('version');

    const units = (who: Client, teamId: string, payload: Record<string, unknown>) => who.inject({ method: 'PUT', url: `${teamsUrl(id)}/${teamId}/units`, payload });
    expect((await units(admin, second.id, { version: 1, unitIds: [d.units.dept, d.units.town] })).statusCode).toBe(409);
    const moved = await units(admin, second.id, { version: 1, unitIds: [] });
    expect(moved.json()).toMatchObject({ units: [], version: 2 });
    expect((await units(admin, team.id, { version: 2, unitIds: [d.units.town, d.units.dept] })).json().units.map((u: { unitId: string }) => u.unitId))
      .toEqual([d.units.town, d.units.dept]);

    // Lists: the office and leaders see every team; an assessor its own; a liaison the team of its unit.
    const list = async (who: Client, query = '') => (await who.inject({ method: 'GET', url: `${teamsUrl(id)}${query}` })).json<{ items: Team[]; total: number }>();
    expect((await list(admin)).items.map((x) => x.name)).toEqual(['第一组', '第二考核组']);
    expect((await list(admin, '?order=desc&pageSize=1')).items.map((x) => x.name)).toEqual(['第二考核组']);
    expect((await list(leader)).total).toBe(2);
    expect((await list(admin, `?memberId=${other.accountId}`)).items.map((x) => x.name)).toEqual(['第二考核组']);
    expect((await list(member)).items.map((x) => x.name)).toEqual(['第一组']);
    expect((await list(other)).items.map((x) => x.name)).toEqual(['第二考核组']);
    expect((await list(liaison)).items.map((x) => x.name)).toEqual(['第一组']);
    expect((await member.inject({ method: 'GET', url: `${teamsUrl(id)}/${second.id}` })).statusCode).toBe(404);
    expect((await otherAdmin.inject({ method: 'GET', url: teamsUrl(id) })).statusCode).toBe(404);

    const del = (who: Client, teamId: string, version: number) => who.inject({ method: 'DELETE', url: `${teamsUrl(id)}/${teamId}?version=${version}` });
    expect((await del(admin, second.id, 1)).statusCode).toBe(409);
    expect((await del(member, second.id, 2)).statusCode).toBe(403);
    expect((await del(admin, second.id, 2)).json()).toEqual({ id: second.id, deleted: true });
    expect((await list(admin)).total).toBe(1);

    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_type', '=', 'assessment_team').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['team.create', 'team.create', 'team.update', 'team.assignUnits', 'team.assignUnits', 'team.delete']);
  });

  it('keeps each member’s scores apart until the leader confirms the team score, which the results then use', async () => {
    const { id } = await createTestCampaign(admin, d);
    const first = (await create(admin, id, { name: '第一考核组', leaderId: lead.accountId, memberIds: [member.accountId], unitIds: [d.units.town] })).json<Team>();
    await create(admin, id, { name: '第二考核组', leaderId: other.accountId, unitIds: [d.units.dept] });
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    const scoresUrl = (unit: string) => `/api/campaigns/${id}/units/${unit}/scores`;
    const put = (who: Client, unit: string, items: Record<string, unknown>) => who.inject({ method: 'PUT', url: `${scoresUrl(unit)}/team`, payload: { items } });

    // A one-member team: the member's score is the team's.
    const single = await put(other, d.units.dept, fullScores('department', 2));
    expect(single.statusCode).toBe(200);
    expect(single.json()).toMatchObject({ team: { name: '第二考核组', scoring: 'single', memberCount: 1, confirmation: null }, members: [] });
    expect(single.json().items['1.2']).toEqual({ self: null, team: 3 });

    // An assessor outside the unit's team may not score it, even when assigned the unit on its account.
    const itemScores = await count('item_score');
    expect((await put(other, d.units.town, fullScores('territorial'))).statusCode).toBe(403);
    expect((await put(liaison, d.units.town, fullScores('territorial'))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: `${scoresUrl(d.units.town)}/team`, payload: { items: { '1.2': 5 } } })).statusCode).toBe(401);

    // Two members score the town separately; nothing is the team's yet.
    const mine = await put(lead, d.units.town, fullScores('territorial'));
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual({});
    const bad = await put(member, d.units.town, { '1.2': 50 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('1.2');
    await put(member, d.units.town, fullScores('territorial', 2));
    expect(await count('item_score')).toBe(itemScores);
    const view = (await lead.inject({ method: 'GET', url: scoresUrl(d.units.town) })).json();
    expect(view.team).toMatchObject({ teamId: first.id, scoring: 'members', memberCount: 2, leaderId: lead.accountId, confirmation: null });
    const byMember = Object.fromEntries(view.members.map((m: { accountId: string; items: Record<string, unknown> }) => [m.accountId, m.items['1.2']]));
    expect(byMember).toEqual({ [lead.accountId]: 5, [member.accountId]: 3 });
    expect((await liaison.inject({ method: 'GET', url: scoresUrl(d.units.town) })).json().members).toEqual([]);
    // Members score independently: a member other than the leader sees only its own.
    const own = (await member.inject({ method: 'GET', url: scoresUrl(d.units.town) })).json().members;
    expect(own.map((m: { accountId: string }) => m.accountId)).toEqual([member.accountId]);
    expect((await admin.inject({ method: 'GET', url: scoresUrl(d.units.town) })).json().members).toHaveLength(2);

    // Before confirmation the town counts as not scored.
    const progress = async () => (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/progress` })).json<{ units: { unitId: string; teamComplete: boolean }[] }>()
      .units.find((u) => u.unitId === d.units.town)!.teamComplete;
    expect(await progress()).toBe(false);
    const early = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'submitForReview', version: (await advance(admin, id, [])).version } });
    expect(early.json().message).toContain('尚有 1 个单位未完成考核组评分确认');

    const confirm = (who: Client, payload: Record<string, unknown>) =>
      who.inject({ method: 'POST', url: `${teamsUrl(id)}/${first.id}/units/${d.units.town}/confirmation`, payload });
    expect((await confirm(member, { version: 0, items: { '1.2': { input: 4 } } })).statusCode).toBe(403);
    expect((await confirm(admin, { version: 0, items: { '1.2': { input: 4 } } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `${teamsUrl(id)}/${first.id}/units/${d.units.town}/confirmation`, payload: { version: 0 } })).statusCode).toBe(401);
    const undecided = await confirm(lead, { version: 0 });
    expect(undecided.statusCode).toBe(409);
    expect(undecided.json().message).toContain('尚有 1 项细则未确定得分（1.2）');
    const noReason = await confirm(lead, { version: 0, items: { '1.2': { fromMember: member.accountId } } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('细则 1.2 的确认得分 3 与组员平均分 4 不同，请填写理由。');
    const both = await confirm(lead, { version: 0, items: { '1.2': { fromMember: member.accountId, input: 4 } } });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toBe('细则 1.2：请选择一名组员的评分或录入评分，二者选一。');
    expect(await count('item_score')).toBe(itemScores);

    // The mean needs no reason; the team score is now the results' score.
    const atMean = await confirm(lead, { version: 0, items: { '1.2': { input: 4 } } });
    expect(atMean.statusCode).toBe(200);
    expect(atMean.json()).toMatchObject({ version: 1, reasons: {}, items: { '1.2': 4 } });
    const score = async () => (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<{ rows: { unit: string; score: number | null }[] }>()
      .rows.find((r) => r.unit === townName)!.score;
    expect(await score()).toBe(99);
    expect(await progress()).toBe(true);

    // A stale confirmation is refused; a later one with a reason changes the result.
    expect((await confirm(lead, { version: 0, items: { '1.2': { input: 5 } } })).statusCode).toBe(409);
    const lower = await confirm(lead, { version: 1, items: { '1.2': { fromMember: member.accountId, reason: '现场检查记录缺两次' } } });
    expect(lower.json()).toMatchObject({ version: 2, reasons: { '1.2': '现场检查记录缺两次' }, items: { '1.2': 3 } });
    expect(await score()).toBe(98);
    const after = (await liaison.inject({ method: 'GET', url: scoresUrl(d.units.town) })).json();
    expect(after.items['1.2']).toEqual({ self: null, team: 3 });
    expect(after.team.confirmation).toMatchObject({ version: 2, confirmedBy: lead.accountId, reasons: { '1.2': '现场检查记录缺两次' }, outdated: false });

    // A member's later change leaves the team score as confirmed and flags the confirmation for renewal.
    t.advance(60_000);
    await put(member, d.units.town, { '1.3': 4 });
    const flagged = (await lead.inject({ method: 'GET', url: scoresUrl(d.units.town) })).json();
    expect(flagged.team.confirmation).toMatchObject({ version: 2, outdated: true });
    expect(flagged.items['1.3']).toEqual({ self: null, team: 5 });
    expect(await score()).toBe(98);
    t.advance(60_000);
    const split = await confirm(lead, { version: 2, items: { '1.2': { fromMember: member.accountId, reason: '现场检查记录缺两次' } } });
    expect(split.json().message).toContain('尚有 1 项细则未确定得分（1.3）');
    const renewed = await confirm(lead, { version: 2, items: { '1.2': { fromMember: member.accountId, reason: '现场检查记录缺两次' }, '1.3': { input: 4.5 } } });
    expect(renewed.json()).toMatchObject({ version: 3, reasons: { '1.2': '现场检查记录缺两次' }, items: { '1.3': 4.5 } });
    expect(await score()).toBe(97.5);
    expect((await lead.inject({ method: 'GET', url: scoresUrl(d.units.town) })).json().team.confirmation).toMatchObject({ version: 3, outdated: false });

    const audit = await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', `${id}/${d.units.town}`).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['score.member', 'score.member', 'team.confirmScore', 'team.confirmScore', 'score.member', 'team.confirmScore']);
    expect((await advance(admin, id, ['submitForReview'])).state).toBe('officeReview');
  });

  it('copying a campaign copies its teams, members and the copied units; disabled members are left out and named', async () => {
    const db = t.database.db;
    const { id } = await createTestCampaign(admin, d);
    const leaving = await createUser(db, 'assessor', { organisationId: d.districtId });
    const team = (await create(admin, id, { name: '第一考核组', leaderId: lead.accountId, memberIds: [member.accountId, leaving.id], unitIds: [d.units.town, d.units.dept] })).json<Team>();
    expect(team.members).toHaveLength(3);
    await create(admin, id, { name: '第二考核组', leaderId: other.accountId });
    await db.updateTable('account').set({ disabled: 1 }).where('id', '=', leaving.id).execute();
    const copyUrl = `/api/campaigns/${id}/copy`;

    // 400, 401, 403, another district's office: nothing is copied.
    const before = [await count('assessment_team'), await count('assessment_team_unit')];
    const bad = await admin.inject({ method: 'POST', url: copyUrl, payload: { year: 1800 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('year');
    expect((await t.app.inject({ method: 'POST', url: copyUrl, payload: { year: 2015 } })).statusCode).toBe(401);
    expect((await leader.inject({ method: 'POST', url: copyUrl, payload: { year: 2015 } })).statusCode).toBe(403);
    expect((await otherAdmin.inject({ method: 'POST', url: copyUrl, payload: { year: 2015 } })).statusCode).toBe(404);
    expect([await count('assessment_team'), await count('assessment_team_unit')]).toEqual(before);

    const res = await admin.inject({ method: 'POST', url: copyUrl, payload: { year: 2015, removeUnitIds: [d.units.dept] } });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json<{ id: string; teams: { teamId: string; name: string; memberCount: number; unitCount: number; leftOutMembers: { accountId: string; displayName: string }[] }[] }>();
    const leavingName = (await db.selectFrom('account').select('display_name').where('id', '=', leaving.id).executeTakeFirstOrThrow()).display_name;
    expect(copy.teams.map(({ teamId: _, ...rest }) => rest)).toEqual([
      { name: '第一考核组', memberCount: 2, unitCount: 1, leftOutMembers: [{ accountId: leaving.id, displayName: leavingName }] },
      { name: '第二考核组', memberCount: 1, unitCount: 0, leftOutMembers: [] },
    ]);
    const copied = (await admin.inject({ method: 'GET', url: teamsUrl(copy.id) })).json<{ items: Team[] }>().items;
    const first = copied.find((x) => x.name === '第一考核组')!;
    expect(first.id).not.toBe(team.id);
    expect(first).toMatchObject({ leaderId: lead.accountId, version: 1, units: [{ unitId: d.units.town }] });
    expect(first.members.map((m) => m.accountId).sort()).toEqual([lead.accountId, member.accountId].sort());
    // The old campaign's teams are untouched; the copy's team scores the unit in the new campaign.
    const old = (await admin.inject({ method: 'GET', url: teamsUrl(id) })).json<{ items: Team[] }>().items.find((x) => x.id === team.id)!;
    expect(old.members).toHaveLength(3);
    expect(old.units.map((u) => u.unitId).sort()).toEqual([d.units.town, d.units.dept].sort());
    const audit = await db.selectFrom('audit_record').select('after_json').where('action', '=', 'campaign.copy').where('entity_id', '=', copy.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!).teams).toHaveLength(2);
    // Another district's office sees neither the copy nor its teams.
    expect((await otherAdmin.inject({ method: 'GET', url: teamsUrl(copy.id) })).statusCode).toBe(404);
  });
});

describe('demo teams', { timeout: 180_000 }, () => {
  const t = useTestApp();

  it('gives this year’s demo round three teams, the demo assessor leading the one with its former units', async () => {
    await seedDemo(t.database.db, t.now());
    const admin = await login(t.app, 'admin', demoPassword);
    const assessor = await login(t.app, 'assessor', demoPassword);
    const current = (await admin.inject({ method: 'GET', url: '/api/campaigns' })).json<{ items: { id: string; year: number }[] }>()
      .items.find((c) => c.year === t.now().getUTCFullYear())!;
    const all = (await admin.inject({ method: 'GET', url: `/api/campaigns/${current.id}/teams` })).json<{ items: Team[] }>().items;
    expect(all.map((x) => x.name)).toEqual(['第一考核组', '第二考核组', '第三考核组']);
    const mine = (await assessor.inject({ method: 'GET', url: `/api/campaigns/${current.id}/teams` })).json<{ items: Team[] }>().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ name: '第一考核组', leaderId: assessor.accountId, units: [{ unitId: 'wangcun' }, { unitId: 'beijiao' }, { unitId: 'anjian' }] });
    const scores = await assessor.inject({ method: 'GET', url: `/api/campaigns/${current.id}/units/wangcun/scores` });
    expect(scores.json()).toMatchObject({ team: { name: '第一考核组', scoring: 'single' } });
  });
});
