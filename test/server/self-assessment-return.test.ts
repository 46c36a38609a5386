import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import type { District } from '../support/factories';
import { districtWithPeople, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

describe('returning a submitted self-assessment with its reason (退回原因)', { timeout: 90_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let assessor: Client;
  let liaison: Client;
  let deptLiaison: Client;
  let id: string;

  beforeAll(async () => {
    ({ d, clients: { admin, townAssessor: assessor, liaison, deptLiaison } } = await districtWithPeople(t, ['admin', 'townAssessor', 'liaison', 'deptLiaison']));
    id = (await createTestCampaign(admin, d)).id;
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment']);
    const saved = await liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/self`, payload: { items: fullScores('territorial') } });
    expect(saved.statusCode).toBe(200);
  });

  const url = () => `/api/campaigns/${id}/units/${d.units.town}/self-assessment`;
  const scores = (client: Client, unitId = d.units.town) => client.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${unitId}/scores` });
  const stored = () => t.database.db.selectFrom('self_assessment').selectAll().where('campaign_id', '=', id).where('unit_id', '=', d.units.town).executeTakeFirstOrThrow();
  const audits = () => t.database.db.selectFrom('audit_record').select(['action', 'after_json']).where('entity_id', '=', `${id}/${d.units.town}`).orderBy('seq').execute();

  it('refuses a return without a reason, naming the field, and changes nothing', async () => {
    expect((await liaison.inject({ method: 'POST', url: url(), payload: { action: 'submit' } })).json()).toMatchObject({ state: 'submitted', returnReason: null });
    const auditsBefore = (await audits()).length;
    for (const payload of [{ action: 'return' }, { action: 'return', reason: '   ' }]) {
      const res = await admin.inject({ method: 'POST', url: url(), payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('reason');
      expect(res.json().message).toContain('请填写退回原因');
    }
    const tooLong = await admin.inject({ method: 'POST', url: url(), payload: { action: 'return', reason: '长'.repeat(1001) } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().message).toContain('退回原因不能超过 1000 字');
    expect(await stored()).toMatchObject({ state: 'submitted', return_reason: null });
    expect((await audits()).length).toBe(auditsBefore);
  });

  it('401 without a session, 403 for a role that may not return, 404 for another unit’s liaison', async () => {
    const payload = { action: 'return', reason: '说明不全' };
    expect((await t.app.inject({ method: 'POST', url: url(), payload })).statusCode).toBe(401);
    const byLiaison = await liaison.inject({ method: 'POST', url: url(), payload });
    expect(byLiaison.statusCode).toBe(403);
    const byAssessor = await assessor.inject({ method: 'POST', url: url(), payload });
    expect(byAssessor.statusCode).toBe(403);
    const other = await deptLiaison.inject({ method: 'POST', url: url(), payload });
    expect([403, 404]).toContain(other.statusCode);
    expect(await stored()).toMatchObject({ state: 'submitted', return_reason: null });
  });

  it('stores the reason, audits it, and shows it to the unit; the unit’s own page only', async () => {
    const res = await admin.inject({ method: 'POST', url: url(), payload: { action: 'return', reason: '  第1.2项自评说明不全，请补充会议记录  ' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'returned', returnReason: '第1.2项自评说明不全，请补充会议记录', returnedAt: t.now().toISOString() });
    expect(await stored()).toMatchObject({ state: 'returned', return_reason: '第1.2项自评说明不全，请补充会议记录' });
    const last = (await audits()).at(-1)!;
    expect(last.action).toBe('selfAssessment.return');
    expect(JSON.parse(last.after_json!)).toEqual({ state: 'returned', reason: '第1.2项自评说明不全，请补充会议记录' });

    const seen = await scores(liaison);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ selfAssessmentState: 'returned', selfAssessmentReturn: { reason: '第1.2项自评说明不全，请补充会议记录' } });
    // Another unit's liaison sees neither this unit's scores nor the reason; its own unit was never returned.
    expect([403, 404]).toContain((await scores(deptLiaison)).statusCode);
    expect((await scores(deptLiaison, d.units.dept)).json()).toMatchObject({ selfAssessmentReturn: null });

    // Resubmitted, the last return's reason stays on record.
    const again = await liaison.inject({ method: 'POST', url: url(), payload: { action: 'submit' } });
    expect(again.json()).toMatchObject({ state: 'submitted', returnReason: '第1.2项自评说明不全，请补充会议记录' });
  });
});
