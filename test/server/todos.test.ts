import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import { createUser } from '../support/factories';
import type { District } from '../support/factories';
import { districtWithPeople, useTestApp } from '../support/test-app';
import type { Client, DistrictWithPeople } from '../support/test-app';

interface Todo { kind: string; title: string; campaignId: string; unitIds: string[]; due: string | null; reminder: string | null }

describe('to-dos and progress API', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let assessor: Client;
  let liaison: Client;
  let otherAdmin: Client;
  let people: DistrictWithPeople<'admin' | 'leader' | 'assessor' | 'liaison' | 'otherAdmin'>;

  beforeAll(async () => {
    people = await districtWithPeople(t, ['admin', 'leader', 'assessor', 'liaison', 'otherAdmin']);
    ({ d, clients: { admin, leader, assessor, liaison, otherAdmin } } = people);
  });

  const todos = async (who: Client, campaignId: string) =>
    (await who.inject({ method: 'GET', url: '/api/todos' })).json<{ items: Todo[] }>().items.filter((i) => i.campaignId === campaignId);
  const logInAgain = async () => {
    ({ admin, leader, assessor, liaison, otherAdmin } = await people.logInAgain());
  };
  const inDays = (n: number) => new Date(t.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

  it('lists what awaits each role, with reminders, and drops a to-do once done', async () => {
    const { id } = await createTestCampaign(admin, d, {
      units: [{ unitId: d.units.town, controlIndicators: [{ kind: 'deaths', ceiling: 2 }] }, { unitId: d.units.dept }],
      dates: { selfAssessmentDue: inDays(2), assessmentEnds: inDays(-1) },
    });
    await advance(admin, id, ['openSigning', 'startYear']);
    // The 2014 monthly reports are all past their deadlines: missing, overdue from January's.
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`).join('、');
    expect(await todos(liaison, id)).toEqual([
      { kind: 'submitMonthlyReport', title: `报送月报（${months}）`, campaignId: id, campaignName: '2014年全区安全生产目标管理考核', unitIds: [d.units.town], due: '2014-02-02', reminder: 'overdue' },
    ]);
    await liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/monthly-reports/1`, payload: { figures: { inspections: 4 } } });
    expect((await todos(liaison, id))[0]).toMatchObject({ title: `报送月报（${months.slice(3)}）`, due: '2014-03-02' });
    for (let m = 2; m <= 12; m += 1) {
      await liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/monthly-reports/${m}`, payload: { figures: { inspections: 4 } } });
    }
    await advance(admin, id, ['openSelfAssessment']);
    expect(await todos(liaison, id)).toEqual([
      { kind: 'submitSelfAssessment', title: '填报并提交单位自评', campaignId: id, campaignName: '2014年全区安全生产目标管理考核', unitIds: [d.units.town], due: inDays(2), reminder: 'dueSoon' },
    ]);
    await liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/self`, payload: { items: fullScores('territorial') } });
    await liaison.inject({ method: 'POST', url: `/api/campaigns/${id}/units/${d.units.town}/self-assessment`, payload: { action: 'submit' } });
    expect(await todos(liaison, id)).toEqual([]);

    await advance(admin, id, ['startAssessment']);
    expect(await todos(assessor, id)).toEqual([expect.objectContaining({ kind: 'scoreUnits', unitIds: [d.units.dept], reminder: 'overdue' })]);
    await assessor.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.dept}/scores/team`, payload: { items: fullScores('department') } });
    expect(await todos(assessor, id)).toEqual([]);
    expect(await todos(admin, id)).toEqual([expect.objectContaining({ kind: 'scoreUnits', unitIds: [d.units.town] })]);

    // A 较大 accident in the town: a veto proposal for the office to decide, and the town's death ceiling breached.
    await admin.inject({ method: 'POST', url: '/api/accidents', payload: { organisationId: d.districtId, occurredAt: '2014-08-01', territorialUnitId: d.units.town, deaths: 3 } });
    expect((await todos(admin, id)).map((i) => [i.kind, i.unitIds])).toEqual([['scoreUnits', [d.units.town]], ['decideVeto', [d.units.town]]]);
    expect(await todos(leader, id)).toEqual([]);

    const progress = await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/progress` });
    expect(progress.statusCode).toBe(200);
    expect(progress.json().asOf).toBe('2014-12-31');
    expect(progress.json().totals).toEqual({ units: 2, agreementsSigned: 0, selfSubmitted: 1, teamComplete: 1, openObjections: 0, pendingVetoProposals: 1, paceWarnings: 1 });
    const town = progress.json().units.find((u: { unitId: string }) => u.unitId === d.units.town);
    expect(town).toMatchObject({ selfAssessment: 'submitted', selfItems: 13, teamItems: 0, teamComplete: false, pendingVetoProposals: 1 });
    expect(town.paceWarnings).toEqual(['控制指标“死亡人数 ≤ 2”：实际 3，已突破']);

    await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/veto-decisions`, payload: { unitId: d.units.town, ruleId: 'area-larger-accident', decision: 'confirmed', reason: '经核实属实' } });
    expect((await todos(admin, id)).map((i) => i.kind)).toEqual(['scoreUnits']);

    // A liaison sees its own unit's progress only; another district sees nothing.
    const own = (await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/progress` })).json<{ units: { unitId: string }[] }>();
    expect(own.units.map((u) => u.unitId)).toEqual([d.units.town]);
    expect((await otherAdmin.inject({ method: 'GET', url: `/api/campaigns/${id}/progress` })).statusCode).toBe(404);
    expect(await todos(otherAdmin, id)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/todos' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}/progress` })).statusCode).toBe(401);
  });

  it('reminds a liaison of the objection deadline in publicity, and the office of the objections, then of publication', async () => {
    const { id } = await createTestCampaign(admin, d, { units: [{ unitId: d.units.town }, { unitId: d.units.dept }] });
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/team`, payload: { items: fullScores('territorial') } });
    await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.dept}/scores/team`, payload: { items: fullScores('department') } });
    // The first test's 较大 accident proposes a veto of the town in this round too; the office decides it.
    await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/veto-decisions`, payload: { unitId: d.units.town, ruleId: 'area-larger-accident', decision: 'confirmed', reason: '经核实属实' } });
    const approved = await advance(admin, id, ['submitForReview', 'submitForApproval', { action: 'approve', meeting: '区安委会2015年第1次会议', publicityDays: 5 }]);
    const endsAt = (approved as { publicityEndsAt?: string }).publicityEndsAt!;
    expect(await todos(liaison, id)).toEqual([
      { kind: 'reviewPublicity', title: '核对公示结果，如有异议在公示期内提出申诉', campaignId: id, campaignName: '2014年全区安全生产目标管理考核', unitIds: [d.units.town], due: endsAt, reminder: null },
    ]);
    expect(await todos(admin, id)).toEqual([]);
    expect(await todos(assessor, id)).toEqual([]);

    const filed = await liaison.inject({ method: 'POST', url: `/api/campaigns/${id}/objections`, payload: { unitId: d.units.town, content: '第1.2项扣分依据不足，请复核' } });
    expect(filed.statusCode).toBe(201);
    expect(await todos(admin, id)).toEqual([expect.objectContaining({ kind: 'answerObjection', unitIds: [d.units.town], due: endsAt })]);
    const answered = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/objections/${filed.json<{ id: string }>().id}/answer`, payload: { decision: 'dismissed', answer: '经复核，维持原评分' } });
    expect(answered.statusCode).toBe(200);
    expect(await todos(admin, id)).toEqual([]);

    // The term over: nothing more for the unit to do; the office publishes.
    t.advance(5 * 86_400_000 + 1000);
    await logInAgain();
    expect(await todos(liaison, id)).toEqual([]);
    expect(await todos(admin, id)).toEqual([expect.objectContaining({ kind: 'publish', title: '公示期满，发布考核通报', due: endsAt })]);
  });

  it('asks the office to name a leader for teams without one, until the teams are fixed for review', async () => {
    const db = t.database.db;
    const { id } = await createTestCampaign(admin, d, { dates: { selfAssessmentDue: inDays(1) } });
    const [lead, member] = [await createUser(db, 'assessor', { organisationId: d.districtId }), await createUser(db, 'assessor', { organisationId: d.districtId })];
    const teams = `/api/campaigns/${id}/teams`;
    const leaderTodos = async (who: Client, campaignId: string) => (await todos(who, campaignId)).filter((i) => i.kind === 'nameTeamLeader');
    await admin.inject({ method: 'POST', url: teams, payload: { name: '第一考核组', leaderId: lead.id, memberIds: [member.id], unitIds: [d.units.town] } });
    expect(await leaderTodos(admin, id)).toEqual([]);
    // Formed before it is staffed: a to-do naming it, with its units and the self-assessment deadline.
    const second = (await admin.inject({ method: 'POST', url: teams, payload: { name: '第二考核组', unitIds: [d.units.dept] } })).json<{ id: string; version: number }>();
    expect(await leaderTodos(admin, id)).toEqual([{
      kind: 'nameTeamLeader', title: '为第二考核组指定组长', campaignId: id, campaignName: '2014年全区安全生产目标管理考核',
      unitIds: [d.units.dept], due: inDays(1), reminder: 'dueSoon',
    }]);
    // The first team's leader leaves (account disabled): both teams are named, in the order formed.
    await db.updateTable('account').set({ disabled: 1 }).where('id', '=', lead.id).execute();
    expect((await leaderTodos(admin, id)).map((i) => [i.title, i.unitIds])).toEqual([['为第一考核组、第二考核组指定组长', [d.units.town, d.units.dept]]]);
    // Only the office's: leaders, assessors, liaisons and another district see nothing of it.
    for (const who of [leader, assessor, liaison, otherAdmin]) expect(await leaderTodos(who, id)).toEqual([]);
    await db.updateTable('account').set({ disabled: 0 }).where('id', '=', lead.id).execute();
    await admin.inject({ method: 'PATCH', url: `${teams}/${second.id}`, payload: { version: second.version, leaderId: member.id, memberIds: [member.id] } });
    expect(await leaderTodos(admin, id)).toEqual([]);

    // Copied into next year with the leader's account disabled: the copy's team has no leader.
    await db.updateTable('account').set({ disabled: 1 }).where('id', '=', lead.id).execute();
    const copy = (await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/copy`, payload: { year: 2015 } })).json<{ id: string; teams: { name: string; leftOutMembers: unknown[] }[] }>();
    expect(copy.teams.find((x) => x.name === '第一考核组')!.leftOutMembers).toHaveLength(1);
    expect((await leaderTodos(admin, copy.id)).map((i) => i.title)).toEqual(['为第一考核组指定组长']);
    await db.updateTable('account').set({ disabled: 0 }).where('id', '=', lead.id).execute();

    // Through scoring the office may still staff a team; once the scores are in review the teams
    // are fixed (teamsChangeable), so the to-do goes. (Scoring every unit is not this test's
    // subject: the state is set directly.)
    await admin.inject({ method: 'POST', url: teams, payload: { name: '第三考核组' } });
    const scoring = await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    expect(scoring.state).toBe('assessment');
    expect((await leaderTodos(admin, id)).map((i) => [i.title, i.reminder])).toEqual([['为第三考核组指定组长', 'dueSoon']]);
    await db.updateTable('campaign').set({ state: 'officeReview' }).where('id', '=', id).execute();
    expect(await leaderTodos(admin, id)).toEqual([]);
  });
});
