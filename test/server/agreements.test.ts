import { beforeAll, describe, expect, it } from 'vitest';
import { docxPart, paragraphText } from '../documents/ooxml';
import { advance, createTestCampaign } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { multipart, samples } from '../support/multipart';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Agreement {
  unitId: string; unitName: string; state: string; stateLabel: string; version: number; targets: string[];
  controlIndicators: { kind: string; ceiling: number; minGrade?: string; label: string }[]; keyTasks: string[];
  unitPrincipal: string | null; unitDeputy: string | null; governmentSignatory: string | null; signedOn: string | null;
  scannedFile: { id: string; originalName: string; mediaType: string } | null;
}

describe('agreements (责任书) API', { timeout: 60_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let assessor: Client;
  let liaison: Client;
  let deptLiaison: Client;
  let otherAdmin: Client;
  let id: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const users = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.dept }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    [admin, leader, assessor, liaison, deptLiaison, otherAdmin] = await loginAll(t.app, users);
    id = (await createTestCampaign(admin, d, {
      units: [
        { unitId: d.units.town, controlIndicators: [{ kind: 'deaths', ceiling: 2 }, { kind: 'accidents', minGrade: 'larger', ceiling: 0 }] },
        { unitId: d.units.dept },
      ],
    })).id;
  });

  const url = (unitId = '') => `/api/campaigns/${id}/agreements${unitId ? `/${unitId}` : ''}`;
  const get = async (who: Client, unitId: string) => (await who.inject({ method: 'GET', url: url(unitId) })).json<Agreement>();
  const move = (who: Client, unitId: string, body: Record<string, unknown>) =>
    who.inject({ method: 'POST', url: `${url(unitId)}/transitions`, payload: body });
  const upload = async (who: Client, unitId: string, name: string, content: Buffer) => {
    const res = await who.inject({ method: 'POST', url: `/api/units/${unitId}/files`, ...multipart(name, content) });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const rows = async () => t.database.db.selectFrom('agreement').select(['unit_id', 'state', 'version']).where('campaign_id', '=', id).orderBy('unit_id').execute();
  const audits = async () => Number((await t.database.db.selectFrom('audit_record').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity_type', '=', 'agreement').executeTakeFirstOrThrow()).n);

  it('drafts prefilled agreements, edits, issues, signs with a scanned copy and archives, auditing each step', async () => {
    await advance(admin, id, ['openSigning']);
    // The signatories come from the unit registry (单位与组织) when the campaign names none.
    const { version } = (await admin.inject({ method: 'GET', url: `/api/units/${d.units.town}` })).json<{ version: number }>();
    const people = { principal: { name: '李镇长', post: '镇长' }, deputy: { name: '王副镇长' } };
    expect((await admin.inject({ method: 'PATCH', url: `/api/units/${d.units.town}`, payload: { version, contacts: people } })).statusCode).toBe(200);
    const drafted = await admin.inject({ method: 'POST', url: url(), payload: {} });
    expect(drafted.statusCode).toBe(201);
    expect(drafted.json().created).toBe(2);
    // Drafting again adds nothing: every unit already has one.
    expect((await admin.inject({ method: 'POST', url: url(), payload: {} })).json().created).toBe(0);

    const town = await get(admin, d.units.town);
    expect(town).toMatchObject({ state: 'drafted', stateLabel: '起草', version: 1 });
    expect(town.controlIndicators.map((i) => i.label)).toEqual(['死亡人数 ≤ 2', '较大及以上事故起数 ≤ 0']);
    expect(town.keyTasks).toContain('组织领导与责任落实');
    // A unit without indicators of its own starts from the scheme's 较大事故 veto.
    const dept = await get(admin, d.units.dept);
    expect(dept.controlIndicators).toEqual([expect.objectContaining({ kind: 'accidents', minGrade: 'larger', ceiling: 0 })]);
    expect(town).toMatchObject({ unitPrincipal: '李镇长', unitDeputy: '王副镇长' });
    expect(dept).toMatchObject({ unitPrincipal: null, unitDeputy: null });

    const edited = await admin.inject({
      method: 'PUT', url: url(d.units.town), payload: {
        version: 1, targets: ['杜绝较大及以上生产安全事故'], keyTasks: ['开展隐患排查治理'],
        controlIndicators: [{ kind: 'deaths', ceiling: 1 }, { kind: 'deaths', ceiling: 0, sector: 'road-traffic' }, { kind: 'accidents', minGrade: 'larger', ceiling: 0 }],
        governmentSignatory: '张区长',
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, governmentSignatory: '张区长', targets: ['杜绝较大及以上生产安全事故'] });
    expect(edited.json().controlIndicators[1].label).toBe('道路交通行业死亡人数 ≤ 0');

    expect((await move(admin, d.units.town, { action: 'issue', version: 2 })).json()).toMatchObject({ state: 'issued', stateLabel: '已下达', version: 3 });
    const scan = await upload(liaison, d.units.town, '王村镇责任书签字页.pdf', samples.pdf);
    const signed = await move(liaison, d.units.town, {
      action: 'sign', version: 3, signedOn: '2014-02-20', unitPrincipal: '李镇长', unitDeputy: '王副镇长', scannedFileId: scan,
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({
      state: 'signed', signedOn: '2014-02-20', unitPrincipal: '李镇长', unitDeputy: '王副镇长', governmentSignatory: '张区长',
      scannedFile: { id: scan, originalName: '王村镇责任书签字页.pdf', mediaType: 'application/pdf' },
    });
    // The signed indicators are the unit's control indicators in the campaign (the indicator report reads them).
    const unit = await t.database.db.selectFrom('campaign_unit').select('unit_json').where('campaign_id', '=', id).where('unit_id', '=', d.units.town).executeTakeFirstOrThrow();
    expect(JSON.parse(unit.unit_json).controlIndicators).toEqual([
      { kind: 'deaths', ceiling: 1 }, { kind: 'deaths', ceiling: 0, sector: 'road-traffic' }, { kind: 'accidents', minGrade: 'larger', ceiling: 0 },
    ]);
    expect((await move(admin, d.units.town, { action: 'archive', version: 4 })).json()).toMatchObject({ state: 'archived', stateLabel: '已归档' });
    const actions = (await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', `${id}/${d.units.town}`).orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['agreement.draft', 'agreement.update', 'agreement.issue', 'agreement.sign', 'agreement.archive']);
  });

  it('lists with filters and paging; a liaison and an assessor see only their units; leaders read the subtree', async () => {
    const all = (await admin.inject({ method: 'GET', url: `${url()}?pageSize=1` })).json();
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.items).toHaveLength(1);
    const drafted = (await admin.inject({ method: 'GET', url: `${url()}?state=drafted` })).json();
    expect(drafted.items.map((a: Agreement) => a.unitId)).toEqual([d.units.dept]);
    const sorted = (await leader.inject({ method: 'GET', url: `${url()}?sort=state&order=desc` })).json();
    expect(sorted.items.map((a: Agreement) => a.state)).toEqual(['drafted', 'archived']);
    expect((await liaison.inject({ method: 'GET', url: url() })).json().items.map((a: Agreement) => a.unitId)).toEqual([d.units.town]);
    expect((await liaison.inject({ method: 'GET', url: `${url()}?unitId=${d.units.dept}` })).json().total).toBe(0);
    expect((await assessor.inject({ method: 'GET', url: url() })).json().items.map((a: Agreement) => a.unitId)).toEqual([d.units.dept]);
    const unsigned = (await admin.inject({ method: 'GET', url: `${url()}/unsigned` })).json();
    expect(unsigned).toEqual({ total: 1, items: [expect.objectContaining({ unitId: d.units.dept, state: 'drafted', stateLabel: '起草' })] });
    expect((await liaison.inject({ method: 'GET', url: `${url()}/unsigned` })).json().total).toBe(0);
    const bad = await admin.inject({ method: 'GET', url: `${url()}?state=bogus` });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses bad input with a 400 naming the field, without a session 401, the wrong role 403, others 404; changes nothing', async () => {
    const before = { rows: await rows(), audits: await audits() };
    const noTarget = await admin.inject({ method: 'PUT', url: url(d.units.dept), payload: { version: 1, targets: [''], keyTasks: [], controlIndicators: [] } });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().message).toContain('责任目标不能为空');
    const negative = await admin.inject({ method: 'PUT', url: url(d.units.dept), payload: { version: 1, targets: [], keyTasks: [], controlIndicators: [{ kind: 'deaths', ceiling: -1 }] } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().message).toContain('控制数不能为负');
    const badDate = await move(admin, d.units.dept, { action: 'sign', version: 1, signedOn: '2014/2/1' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toContain('签订日期格式应为 YYYY-MM-DD');

    expect((await t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: url(d.units.dept), payload: { version: 1, targets: [], keyTasks: [], controlIndicators: [] } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `${url(d.units.dept)}/transitions`, payload: { action: 'issue', version: 1 } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `${url(d.units.dept)}/docx` })).statusCode).toBe(401);

    const edit = { version: 1, targets: ['x'], keyTasks: [], controlIndicators: [] };
    expect((await leader.inject({ method: 'PUT', url: url(d.units.dept), payload: edit })).statusCode).toBe(403);
    expect((await deptLiaison.inject({ method: 'PUT', url: url(d.units.dept), payload: edit })).statusCode).toBe(403);
    expect((await leader.inject({ method: 'POST', url: url(), payload: {} })).statusCode).toBe(403);
    expect((await deptLiaison.inject({ method: 'POST', url: url(), payload: {} })).statusCode).toBe(403);
    const liaisonIssues = await move(deptLiaison, d.units.dept, { action: 'issue', version: 1 });
    expect(liaisonIssues.statusCode).toBe(403);
    expect(liaisonIssues.json().message).toContain('单位联络员无权下达责任书');
    expect((await move(assessor, d.units.dept, { action: 'issue', version: 1 })).statusCode).toBe(403);
    // Another unit's liaison and another district's office do not see the agreement at all.
    expect((await liaison.inject({ method: 'GET', url: url(d.units.dept) })).statusCode).toBe(404);
    expect((await move(liaison, d.units.dept, { action: 'sign', version: 1 })).statusCode).toBe(404);
    expect((await otherAdmin.inject({ method: 'GET', url: url() })).statusCode).toBe(404);
    expect((await otherAdmin.inject({ method: 'PUT', url: url(d.units.dept), payload: edit })).statusCode).toBe(404);
    expect({ rows: await rows(), audits: await audits() }).toEqual(before);
  });

  it('refuses a stale write with 409 and transitions out of order', async () => {
    const before = await rows();
    const stale = await admin.inject({ method: 'PUT', url: url(d.units.dept), payload: { version: 7, targets: ['x'], keyTasks: [], controlIndicators: [] } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');
    expect((await move(admin, d.units.dept, { action: 'issue', version: 7 })).statusCode).toBe(409);
    const early = await move(admin, d.units.dept, { action: 'archive', version: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('当前状态为“起草”，不能归档');
    expect((await move(admin, d.units.dept, { action: 'sign', version: 1 })).statusCode).toBe(409);
    // An archived agreement is no longer edited.
    const archived = await get(admin, d.units.town);
    expect((await admin.inject({ method: 'PUT', url: url(d.units.town), payload: { version: archived.version, targets: [], keyTasks: [], controlIndicators: [] } })).statusCode).toBe(409);
    expect(await rows()).toEqual(before);
  });

  it('signing needs the date, the signatories and a scanned PDF or image of the unit', async () => {
    const issued = await move(admin, d.units.dept, { action: 'issue', version: 1 });
    expect(issued.statusCode).toBe(200);
    const version = issued.json().version as number;
    const missing = await move(deptLiaison, d.units.dept, { action: 'sign', version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('登记签订还缺少：签订日期、单位主要负责人、单位分管负责人、政府方签订人、签订文本扫描件。');
    const signing = { signedOn: '2014-02-21', unitPrincipal: '赵局长', unitDeputy: '钱副局长', governmentSignatory: '张区长' };
    const otherUnitsFile = await upload(liaison, d.units.town, '别的单位.png', samples.png);
    const foreign = await move(deptLiaison, d.units.dept, { action: 'sign', version, ...signing, scannedFileId: otherUnitsFile });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('签订文本扫描件');
    const word = await upload(deptLiaison, d.units.dept, '责任书.docx', samples.zip);
    expect((await move(deptLiaison, d.units.dept, { action: 'sign', version, ...signing, scannedFileId: word })).json().message).toContain('不是 PDF 或图片');
    const wrongYear = await move(deptLiaison, d.units.dept, { action: 'sign', version, ...signing, signedOn: '2016-01-02', scannedFileId: otherUnitsFile });
    expect(wrongYear.json().message).toContain('与考核年度 2014 年不符');
    expect((await get(admin, d.units.dept)).state).toBe('issued');
    const withdrawn = await move(admin, d.units.dept, { action: 'withdraw', version });
    expect(withdrawn.json()).toMatchObject({ state: 'drafted' });
  });

  it('holds startYear while agreements are unsigned, naming them, and counts signed agreements in progress', async () => {
    const c = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}` })).json<{ version: number }>();
    const held = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'startYear', version: c.version } });
    expect(held.statusCode).toBe(409);
    expect(held.json().message).toMatch(/尚有 1 个单位未签订责任书，不能进入年度执行（区住建局\w+：起草）/);
    let progress = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/progress` })).json();
    expect(progress.totals.agreementsSigned).toBe(1);
    expect(progress.units.map((u: { agreement: string }) => u.agreement)).toEqual(['archived', 'drafted']);

    let a = await get(admin, d.units.dept);
    a = (await move(admin, d.units.dept, { action: 'issue', version: a.version })).json();
    const scan = await upload(admin, d.units.dept, '住建局责任书.jpg', samples.jpeg);
    const signed = await move(admin, d.units.dept, {
      action: 'sign', version: a.version, signedOn: '2013-12-30', unitPrincipal: '赵局长', unitDeputy: '钱副局长', governmentSignatory: '张区长', scannedFileId: scan,
    });
    expect(signed.statusCode).toBe(200);
    progress = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/progress` })).json();
    expect(progress.totals.agreementsSigned).toBe(2);
    expect((await advance(admin, id, ['startYear'])).state).toBe('inProgress');
    expect((await admin.inject({ method: 'GET', url: `${url()}/unsigned` })).json().total).toBe(0);
  });

  it('a campaign without agreements on the platform starts its year as before', async () => {
    const other = (await createTestCampaign(admin, d)).id;
    expect((await advance(admin, other, ['openSigning', 'startYear'])).state).toBe('inProgress');
  });

  it('downloads the agreement as DOCX under its Chinese file name', async () => {
    const res = await liaison.inject({ method: 'GET', url: `${url(d.units.town)}/docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2014年度安全生产目标管理责任书（')}`);
    const text = paragraphText(await docxPart(res.rawPayload));
    expect(text).toContain('2014年度安全生产目标管理责任书');
    expect(text).toContain('杜绝较大及以上生产安全事故');
    expect(text).toContain('道路交通行业死亡人数');
    expect(text).toContain('主要负责人（签字）：李镇长');
    expect(text).toContain('2014年2月20日');
    expect((await liaison.inject({ method: 'GET', url: `${url(d.units.dept)}/docx` })).statusCode).toBe(404);
  });
});
