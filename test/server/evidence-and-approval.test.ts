import { beforeAll, describe, expect, it } from 'vitest';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import type { District } from '../support/factories';
import { multipart, samples } from '../support/multipart';
import { districtWithPeople, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Evidence { unitId: string; kind: string; criterionId: string; files: { fileId: string; name: string }[] }

describe('evidence files on item scores', { timeout: 90_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let assessor: Client;
  let liaison: Client;
  let deptLiaison: Client;

  beforeAll(async () => {
    ({ d, clients: { admin, leader, townAssessor: assessor, liaison, deptLiaison } } = await districtWithPeople(t, ['admin', 'leader', 'townAssessor', 'liaison', 'deptLiaison']));
  });

  const upload = async (client: Client, unitId: string, name: string) => {
    const body = multipart(name, samples.png, { contentType: 'image/png' });
    const res = await client.inject({ method: 'POST', url: `/api/units/${unitId}/files`, payload: body.payload, headers: body.headers });
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string }>().id;
  };
  const count = async () => Number((await t.database.db.selectFrom('item_evidence').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('attaches and detaches evidence per criterion, lists it with the scores, and a locked self-assessment refuses changes', async () => {
    const { id } = await createTestCampaign(admin, d);
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment']);
    const url = (kind: string, unit = d.units.town) => `/api/campaigns/${id}/units/${unit}/evidence/${kind}`;
    const attach = (who: Client, kind: string, payload: Record<string, unknown>, unit = d.units.town) =>
      who.inject({ method: 'POST', url: url(kind, unit), payload });
    const detach = (who: Client, kind: string, criterionId: string, fileId: string) =>
      who.inject({ method: 'DELETE', url: `${url(kind)}/${criterionId}/${fileId}` });
    const photo = await upload(liaison, d.units.town, '安全检查现场照片.png');
    const minutes = await upload(liaison, d.units.town, '会议记录.png');
    const deptFile = await upload(deptLiaison, d.units.dept, '住建局文件.png');

    const attached = await attach(liaison, 'self', { criterionId: '1.2', fileIds: [photo, minutes] });
    expect(attached.statusCode).toBe(200);
    expect(attached.json<Evidence>()).toMatchObject({ unitId: d.units.town, kind: 'self', criterionId: '1.2' });
    // Files attached together are listed by name.
    expect(attached.json<Evidence>().files.map((f) => f.name)).toEqual(['会议记录.png', '安全检查现场照片.png']);
    // Attaching the same file again changes nothing.
    expect((await attach(liaison, 'self', { criterionId: '1.2', fileIds: [photo] })).json<Evidence>().files).toHaveLength(2);
    await liaison.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${d.units.town}/scores/self`, payload: { items: { '1.2': 5 } } });
    const scores = (await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.town}/scores` })).json();
    expect(scores.items['1.2']).toEqual({ self: 5, team: null });
    expect(scores.evidence['1.2'].self.map((f: { fileId: string }) => f.fileId)).toEqual([minutes, photo]);
    expect(scores.evidence['1.2'].team).toEqual([]);

    const removed = await detach(liaison, 'self', '1.2', minutes);
    expect(removed.json<Evidence>().files.map((f) => f.fileId)).toEqual([photo]);
    expect((await detach(liaison, 'self', '1.2', minutes)).statusCode).toBe(404);

    // Bad input is a 400 naming the field, and writes nothing.
    const n = await count();
    const unknownCriterion = await attach(liaison, 'self', { criterionId: '9.9', fileIds: [photo] });
    expect(unknownCriterion.statusCode).toBe(400);
    expect(unknownCriterion.json().message).toBe('细则“9.9”不是适用于该单位的末级考核细则。');
    const otherUnitsFile = await attach(liaison, 'self', { criterionId: '1.2', fileIds: [deptFile] });
    expect(otherUnitsFile.statusCode).toBe(400);
    expect(otherUnitsFile.json().message).toBe(`文件“${deptFile}”不存在，或不是该单位上传的文件。`);
    const noFiles = await attach(liaison, 'self', { criterionId: '1.2', fileIds: [] });
    expect(noFiles.statusCode).toBe(400);
    expect(noFiles.json().message).toContain('fileIds');
    // 401; 403 for the wrong role; another unit's liaison does not see the unit at all.
    expect((await t.app.inject({ method: 'POST', url: url('self'), payload: { criterionId: '1.2', fileIds: [photo] } })).statusCode).toBe(401);
    expect((await attach(leader, 'self', { criterionId: '1.2', fileIds: [photo] })).statusCode).toBe(403);
    expect((await attach(assessor, 'self', { criterionId: '1.2', fileIds: [photo] })).statusCode).toBe(403);
    expect((await attach(deptLiaison, 'self', { criterionId: '1.2', fileIds: [deptFile] })).statusCode).toBe(404);
    expect((await detach(deptLiaison, 'self', '1.2', photo)).statusCode).toBe(404);
    expect((await attach(deptLiaison, 'team', { criterionId: '1.2', fileIds: [deptFile] }, d.units.dept)).statusCode).toBe(403);
    // The team's evidence waits for the assessment stage.
    expect((await attach(assessor, 'team', { criterionId: '1.2', fileIds: [photo] })).statusCode).toBe(409);
    expect(await count()).toBe(n);

    // Submitted: the self-assessment is locked, evidence included.
    await liaison.inject({ method: 'POST', url: `/api/campaigns/${id}/units/${d.units.town}/self-assessment`, payload: { action: 'submit' } });
    const locked = await attach(liaison, 'self', { criterionId: '1.2', fileIds: [minutes] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toContain('自评已提交并锁定');
    expect((await detach(liaison, 'self', '1.2', photo)).statusCode).toBe(409);
    expect(await count()).toBe(n);

    // The team attaches its own evidence during assessment; the unit sees it from then on.
    await advance(admin, id, ['startAssessment']);
    const checklist = await upload(assessor, d.units.town, '现场核查表.png');
    const team = await attach(assessor, 'team', { criterionId: '2.1', fileIds: [checklist] });
    expect(team.statusCode).toBe(200);
    const seen = (await liaison.inject({ method: 'GET', url: `/api/campaigns/${id}/units/${d.units.town}/scores` })).json();
    expect(seen.evidence['2.1'].team.map((f: { name: string }) => f.name)).toEqual(['现场核查表.png']);
    expect(seen.evidence['1.2'].self.map((f: { fileId: string }) => f.fileId)).toEqual([photo]);

    const audit = await t.database.db.selectFrom('audit_record').select('action').where('action', 'like', 'evidence.%').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['evidence.attach', 'evidence.attach', 'evidence.detach', 'evidence.attach']);
  });
});

describe('approval while a veto proposal is pending', { timeout: 90_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let townName: string;

  beforeAll(async () => {
    const db = t.database.db;
    ({ d, clients: { admin } } = await districtWithPeople(t, ['admin']));
    townName = (await db.selectFrom('unit').select('name').where('id', '=', d.units.town).executeTakeFirstOrThrow()).name;
  });

  it('refuses approval with 409 naming the unit and the accident, and allows it once the proposal is decided', async () => {
    const { id } = await createTestCampaign(admin, d);
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    for (const [unit, category] of [[d.units.town, 'territorial'], [d.units.dept, 'department']] as const) {
      await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${unit}/scores/team`, payload: { items: fullScores(category) } });
    }
    await advance(admin, id, ['submitForReview', 'submitForApproval']);
    // A 较大 accident registered late: its veto proposal awaits the office's decision.
    const accident = await admin.inject({
      method: 'POST', url: '/api/accidents',
      payload: { organisationId: d.districtId, occurredAt: '2014-06-17', place: '测试镇某工地', territorialUnitId: d.units.town, sector: 'construction', deaths: 3 },
    });
    expect(accident.statusCode).toBe(201);
    const current = await advance(admin, id, []);
    const approve = await admin.inject({
      method: 'POST', url: `/api/campaigns/${id}/transitions`,
      payload: { action: 'approve', meeting: '区安委会2015年第1次会议', publicityDays: 7, version: current.version },
    });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().message).toBe(
      `尚有 1 条否决建议未处理：${townName}（2014-06-17 测试镇某工地事故），不能审定；请退回重新评分，由安委办确认或驳回后再提请审定。`,
    );
    expect((await advance(admin, id, [])).state).toBe('committeeApproval');

    // Back to the office: it cannot be put to the committee again while undecided.
    await advance(admin, id, [{ action: 'returnForRevision', reason: '处理事故否决建议' }, 'submitForReview']);
    const again = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'submitForApproval', version: (await advance(admin, id, [])).version } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain(`${townName}（2014-06-17 测试镇某工地事故）`);

    const decided = await admin.inject({
      method: 'POST', url: `/api/campaigns/${id}/veto-decisions`,
      payload: { unitId: d.units.town, ruleId: 'area-larger-accident', decision: 'confirmed', reason: '经核实属辖区较大事故' },
    });
    expect(decided.statusCode).toBe(200);
    const approved = await advance(admin, id, ['submitForApproval', { action: 'approve', meeting: '区安委会2015年第1次会议', publicityDays: 7 }]);
    expect(approved.state).toBe('publicity');
  });
});
