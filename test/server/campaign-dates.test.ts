import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createTestCampaign } from '../support/campaign-factories';
import type { District } from '../support/factories';
import { districtWithPeople, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Campaign { id: string; version: number; state: string; agreementDue: string | null; selfAssessmentDue: string | null; assessmentEnds: string | null; publicityDays: number | null }

describe('PATCH /api/campaigns/:id: the office changes the campaign\'s dates', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let liaison: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    ({ d, clients: { admin, leader, liaison, otherAdmin } } = await districtWithPeople(t, ['admin', 'leader', 'liaison', 'otherAdmin']));
  });

  const patch = (who: Client, id: string, payload: Record<string, unknown>) => who.inject({ method: 'PATCH', url: `/api/campaigns/${id}`, payload });
  const read = async (id: string) => (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}` })).json<Campaign>();
  const audits = (id: string) => t.database.db.selectFrom('audit_record').select(['action', 'actor_id', 'before_json', 'after_json'])
    .where('entity_id', '=', id).where('action', '=', 'campaign.updateDates').execute();

  it('sets, moves and clears dates with the version read, audited with what changed', async () => {
    const { id, version } = await createTestCampaign(admin, d, { dates: { agreementDue: '2014-03-31' } });
    const res = await patch(admin, id, { version, selfAssessmentDue: '2014-12-20', assessmentEnds: '2015-01-10', publicityDays: 7, agreementDue: '2014-03-31' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Campaign>()).toMatchObject({ agreementDue: '2014-03-31', selfAssessmentDue: '2014-12-20', assessmentEnds: '2015-01-10', publicityDays: 7, version: version + 1 });
    expect(await read(id)).toMatchObject({ selfAssessmentDue: '2014-12-20', publicityDays: 7, version: version + 1 });
    const [record, ...more] = await audits(id);
    expect(more).toEqual([]);
    expect(record!.actor_id).toBe(admin.accountId);
    // Only the fields that changed; the agreement deadline was given as it was.
    expect(JSON.parse(record!.before_json!)).toEqual({ selfAssessmentDue: null, assessmentEnds: null, publicityDays: null });
    expect(JSON.parse(record!.after_json!)).toEqual({ selfAssessmentDue: '2014-12-20', assessmentEnds: '2015-01-10', publicityDays: 7 });

    // Clearing a date; giving the dates as they are writes nothing.
    const cleared = await patch(admin, id, { version: version + 1, publicityDays: null });
    expect(cleared.json<Campaign>()).toMatchObject({ publicityDays: null, version: version + 2 });
    const same = await patch(admin, id, { version: version + 2, assessmentEnds: '2015-01-10' });
    expect(same.statusCode).toBe(200);
    expect(same.json<Campaign>().version).toBe(version + 2);
    expect(await audits(id)).toHaveLength(2);
  });

  it('refuses with 400 naming the field: out of order, past its phase, not a day, no date given; nothing changes', async () => {
    const { id, version } = await createTestCampaign(admin, d, { dates: { agreementDue: '2014-03-31', selfAssessmentDue: '2014-12-20' } });
    const refused = async (payload: Record<string, unknown>, message: string) => {
      const res = await patch(admin, id, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toContain(message);
    };
    await refused({ version, selfAssessmentDue: '2014-03-01' }, '单位自评截止日期（2014-03-01）不能早于责任书签订截止日期（2014-03-31）');
    await refused({ version, agreementDue: '2015-01-01' }, '责任书签订截止日期（2015-01-01）不能晚于单位自评截止日期（2014-12-20）');
    await refused({ version, assessmentEnds: '2014-02-30' }, '考核评分截止日期不是有效的日期');
    await refused({ version, assessmentEnds: '2014/12/30' }, 'assessmentEnds');
    await refused({ version, publicityDays: 31 }, '公示天数应为 1 至 30 天');
    await refused({ version }, '请至少填写一个要修改的日期');
    await refused({ version, name: '改名' }, 'name');

    // Once the year runs, the agreement deadline is history; the self-assessment one may still move.
    const running = await advance(admin, id, ['openSigning', 'startYear']);
    await refused({ version: running.version, agreementDue: '2014-04-30' }, '考核活动已处于“年度执行”阶段，责任书签订截止日期不能再修改');
    expect(await read(id)).toMatchObject({ agreementDue: '2014-03-31', selfAssessmentDue: '2014-12-20', assessmentEnds: null, version: running.version });
    expect(await audits(id)).toEqual([]);
    const moved = await patch(admin, id, { version: running.version, agreementDue: '2014-03-31', selfAssessmentDue: '2014-12-25' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Campaign>().selfAssessmentDue).toBe('2014-12-25');
  });

  it('answers 401 without a session, 403 to roles that do not manage, 404 to another district, 409 when stale', async () => {
    const { id, version } = await createTestCampaign(admin, d);
    const body = { version, assessmentEnds: '2015-01-10' };
    expect((await t.app.inject({ method: 'PATCH', url: `/api/campaigns/${id}`, payload: body })).statusCode).toBe(401);
    expect((await patch(leader, id, body)).statusCode).toBe(403);
    expect((await patch(liaison, id, body)).statusCode).toBe(403);
    expect((await patch(otherAdmin, id, body)).statusCode).toBe(404);
    expect((await patch(admin, 'no-such-campaign', body)).statusCode).toBe(404);
    expect((await patch(admin, id, body)).statusCode).toBe(200);
    // The same version again: someone changed the campaign since it was read.
    const stale = await patch(admin, id, { version, assessmentEnds: '2015-01-20' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ message: string }>().message).toBe('该考核活动已被他人修改，请刷新后重试。');
    expect((await read(id)).assessmentEnds).toBe('2015-01-10');
    expect(await audits(id)).toHaveLength(1);
  });
});
