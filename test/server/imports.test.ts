import { beforeAll, describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/server/documents/xlsx-adapter';
import type { XlsxValue } from '../../src/server/documents/xlsx-adapter';
import { MINIMAL_PARTS, buildZip } from '../documents/zip-builder';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import { createUser } from '../support/factories';
import type { District } from '../support/factories';
import { multipart, samples } from '../support/multipart';
import { districtWithPeople, loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

interface Issue { sheet: string | null; row: number | null; column: string | null; message: string }
interface Job { id: string; state: string; processedRows: number; totalRows: number | null; percent: number; issues: Issue[]; summary: { units: number; items: number; skipped: number } | null }

const scoreColumns = [
  { header: '单位名称', key: 'unit' }, { header: '细则编号', key: 'path' }, { header: '得分', key: 'earned' }, { header: '扣分说明', key: 'note' },
];

/** An item-score workbook as an office types it: one row per unit and criterion. */
async function scoreWorkbook(rows: [string, string, XlsxValue, string?][], columns = scoreColumns): Promise<Buffer> {
  return writeWorkbook([{ name: '评分表', columns, rows: rows.map(([unit, path, earned, note]) => ({ unit, path, earned, note: note ?? null })) }]);
}

describe('Excel import of item scores into a campaign', { timeout: 120_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let liaison: Client;
  let otherAdmin: Client;
  let id: string;
  let town: string;
  let dept: string;

  beforeAll(async () => {
    const db = t.database.db;
    ({ d, clients: { admin, leader, liaison, otherAdmin } } = await districtWithPeople(t, ['admin', 'leader', 'liaison', 'otherAdmin']));
    id = (await createTestCampaign(admin, d)).id;
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    const names = await db.selectFrom('unit').select(['id', 'name']).where('id', 'in', [d.units.town, d.units.dept]).execute();
    town = names.find((u) => u.id === d.units.town)!.name;
    dept = names.find((u) => u.id === d.units.dept)!.name;
  });

  /** Each criterion's standard points (full marks), as a score sheet writes them. */
  const full: Record<string, number> = {
    '1.1': 5, '1.2': 5, '1.3': 5, '2.1': 10, '2.2': 5, '2.3': 10, '3.1': 10, '3.2': 5, '4.1': 5, '4.2': 10, '5.1': 10, '5.2': 10, '6.1': 10, '6.2': 10,
  };
  const counts = async () => {
    const db = t.database.db;
    const n = async (table: 'item_score' | 'audit_record') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { scores: await n('item_score'), audit: await n('audit_record') };
  };
  const upload = (who: Client, campaignId: string, file: Buffer, query = '?wait=1', name = '评分表.xlsx') => {
    const body = multipart(name, file);
    return who.inject({ method: 'POST', url: `/api/campaigns/${campaignId}/imports/item-scores${query}`, payload: body.payload, headers: body.headers });
  };
  /** Imports a workbook that must be refused; nothing may be written. */
  const refused = async (file: Buffer, name?: string): Promise<Issue[]> => {
    const before = await counts();
    const res = await upload(admin, id, file, '?wait=1', name);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().message).toContain('没有导入任何数据');
    expect(await counts()).toEqual(before);
    return res.json<{ issues: Issue[] }>().issues;
  };

  it('refuses a workbook without the 得分 column, naming the header row', async () => {
    const issues = await refused(await scoreWorkbook([[town, '1.2', 5]], scoreColumns.filter((c) => c.key !== 'earned')));
    expect(issues).toEqual([{ sheet: '评分表', row: 1, column: 'D', message: '缺少必填列“得分”' }]);
  });

  it('reports every bad cell of the workbook at once: text in a score, unknown unit, duplicate row, too many points, a method mismatch', async () => {
    const issues = await refused(await scoreWorkbook([
      [town, '1.2', '九十五'],
      ['不存在的单位', '1.3', 5],
      [dept, '1.3', 5],
      [dept, '1.3', 4],
      [dept, '2.3', 11],
      [dept, '2.2', 2],
      [dept, '6.2', 7],
      [town, '9.9', 1],
      [dept, '5.1', 10],
    ]));
    expect(issues).toEqual([
      { sheet: '评分表', row: 2, column: 'C', message: '“得分”应为数字，实为文字“九十五”' },
      { sheet: '评分表', row: 3, column: 'A', message: '单位“不存在的单位”不在本次考核的被考核单位中' },
      { sheet: '评分表', row: 5, column: 'B', message: '同一单位的同一细则编号与第 4 行重复' },
      { sheet: '评分表', row: 6, column: 'C', message: '得分 11 超过该项标准分 10' },
      { sheet: '评分表', row: 7, column: 'C', message: '细则 2.2 按是否达标计分，得分只能是 5（达标）或 0（不达标），实为 2' },
      { sheet: '评分表', row: 8, column: 'C', message: '细则 6.2 每次扣 5 分，得分 7 与扣分标准不符' },
      { sheet: '评分表', row: 9, column: 'B', message: '细则编号 9.9 不在考核细则中' },
      { sheet: '评分表', row: 10, column: 'B', message: '细则编号 5.1 不适用于单位类别“部门”' },
    ]);
  });

  it('refuses a file that is not a workbook and a zip bomb before reading any cell', async () => {
    const pdf = await refused(samples.pdf, '改名的文件.xlsx');
    expect(pdf).toEqual([{ sheet: null, row: null, column: null, message: expect.stringContaining('不是 Excel 工作簿') }]);
    const bomb = buildZip([...MINIMAL_PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024) }]);
    const issues = await refused(bomb);
    expect(issues).toEqual([{ sheet: null, row: null, column: null, message: expect.stringContaining('疑似压缩炸弹') }]);
  });

  it('401 without a session, 403 for a leader or a liaison, 404 from another district; 409 when the campaign takes no scores', async () => {
    const file = await scoreWorkbook([[town, '1.2', 5]]);
    const body = multipart('评分表.xlsx', file);
    const before = await counts();
    expect((await t.app.inject({ method: 'POST', url: `/api/campaigns/${id}/imports/item-scores`, payload: body.payload, headers: body.headers })).statusCode).toBe(401);
    expect((await upload(leader, id, file)).statusCode).toBe(403);
    expect((await upload(liaison, id, file)).statusCode).toBe(403);
    expect((await upload(otherAdmin, id, file)).statusCode).toBe(404);
    const early = (await createTestCampaign(admin, d)).id;
    const notNow = await upload(admin, early, file);
    expect(notNow.statusCode).toBe(409);
    expect(notNow.json().message).toContain('不能修改考核组评分');
    expect(await counts()).toEqual({ scores: before.scores, audit: before.audit + 1 });
    expect((await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/imports/item-scores`, payload: { file: 'x' } })).statusCode).toBe(415);
  });

  it('a job: answered at once, its progress and outcome read back from the database; only by the office of its district', async () => {
    const rows: [string, string, XlsxValue, string?][] = [];
    for (const [unit, category] of [[town, 'territorial'], [dept, 'department']] as const) {
      for (const path of Object.keys(fullScores(category))) rows.push([unit, path, path === '1.2' ? 4 : full[path]!]);
    }
    const before = await counts();
    const res = await upload(admin, id, await scoreWorkbook(rows), '');
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<Job>();
    expect(['running', 'succeeded']).toContain(started.state);
    let job = started;
    for (let i = 0; i < 200 && job.state === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await admin.inject({ method: 'GET', url: `/api/import-jobs/${started.id}` })).json<Job>();
    }
    expect(job).toMatchObject({ state: 'succeeded', processedRows: rows.length, totalRows: rows.length, percent: 100, issues: [], summary: { units: 2, items: rows.length, skipped: 0 } });
    const after = await counts();
    expect(after.scores - before.scores).toBe(rows.length);
    // One record per unit (as saving a unit's scores writes) and one for the import.
    expect(after.audit - before.audit).toBe(3);
    const audit = await t.database.db.selectFrom('audit_record').select(['action', 'after_json']).where('action', '=', 'import.item_scores').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ jobId: started.id, fileName: '评分表.xlsx', units: 2, items: rows.length });
    const results = (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/results` })).json<{ rows: { unit: string; score: number }[] }>();
    expect(results.rows.map((r) => [r.unit, r.score])).toEqual([[town, 99], [dept, 99]]);
    expect((await otherAdmin.inject({ method: 'GET', url: `/api/import-jobs/${started.id}` })).statusCode).toBe(404);
    expect((await liaison.inject({ method: 'GET', url: `/api/import-jobs/${started.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/import-jobs/${started.id}` })).statusCode).toBe(401);
  });

  it('in a team of several members, the imported sheet is the team score in place of the leader’s confirmation, and the scoring page says so', async () => {
    const db = t.database.db;
    const [lead, member] = await loginAll(t.app, [
      await createUser(db, 'assessor', { organisationId: d.districtId }),
      await createUser(db, 'assessor', { organisationId: d.districtId }),
    ] as const);
    const team = await admin.inject({ method: 'POST', url: `/api/campaigns/${id}/teams`, payload: { name: '导入考核组', leaderId: lead.accountId, memberIds: [member.accountId], unitIds: [d.units.town] } });
    expect(team.statusCode, team.body).toBe(201);
    const scoresUrl = `/api/campaigns/${id}/units/${d.units.town}/scores`;
    for (const who of [lead, member]) expect((await who.inject({ method: 'PUT', url: `${scoresUrl}/team`, payload: { items: fullScores('territorial') } })).statusCode).toBe(200);
    const confirmed = await lead.inject({ method: 'POST', url: `/api/campaigns/${id}/teams/${team.json<{ id: string }>().id}/units/${d.units.town}/confirmation`, payload: { version: 0 } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await lead.inject({ method: 'GET', url: scoresUrl })).json().team).toMatchObject({ officeScoredAt: null, confirmation: { version: 1, outdated: false } });

    t.advance(60_000);
    const rows: [string, string, XlsxValue, string?][] = Object.keys(fullScores('territorial')).map((path) => [town, path, path === '1.2' ? 2 : full[path]!]);
    const res = await upload(admin, id, await scoreWorkbook(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().summary).toMatchObject({ units: 1, teamUnits: 1 });
    const view = (await lead.inject({ method: 'GET', url: scoresUrl })).json();
    expect(view.team.officeScoredAt).toBe(t.now().toISOString());
    expect(view.items['1.2']).toEqual({ self: null, team: 2 });
  });

  it('round trip: item scores exported from a campaign and imported into an empty copy give identical results', async () => {
    const source = (await createTestCampaign(admin, d)).id;
    await advance(admin, source, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    const put = async (unitId: string, items: Record<string, unknown>) =>
      expect((await admin.inject({ method: 'PUT', url: `/api/campaigns/${source}/units/${unitId}/scores/team`, payload: { items } })).statusCode).toBe(200);
    await put(d.units.town, { ...fullScores('territorial', 2), '1.1': { deductions: [{ times: 2, reason: '例会缺两次' }] }, '2.2': { passed: false } });
    await put(d.units.dept, { ...fullScores('department'), '6.2': { deductions: [{ times: 1, reason: '迟报一次' }] }, '2.3': { score: 7.5, note: '台账不全' } });
    const exported = await admin.inject({ method: 'GET', url: `/api/campaigns/${source}/item-scores.xlsx` });
    expect(exported.statusCode).toBe(200);

    const copy = await admin.inject({ method: 'POST', url: `/api/campaigns/${source}/copy`, payload: { year: 2031, name: '复制的考核活动' } });
    expect(copy.statusCode, copy.body).toBe(201);
    const target = copy.json<{ id: string }>().id;
    await advance(admin, target, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    const imported = await upload(admin, target, exported.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);

    type Row = { unitId: string; score: number | null; reward: number | null; grade: string; rank: number | null; vetoed: boolean };
    const table = async (campaignId: string) => (await admin.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/results` })).json<{ rows: Row[]; stats: unknown }>();
    const [a, b] = [await table(source), await table(target)];
    const pick = (r: Row) => ({ unitId: r.unitId, score: r.score, reward: r.reward, grade: r.grade, rank: r.rank, vetoed: r.vetoed });
    expect(b.rows.map(pick)).toEqual(a.rows.map(pick));
    expect(b.stats).toEqual(a.stats);
    expect(a.rows.map((r) => r.score)).toEqual([92.5, 91]);
    // And item by item: the copy's export has the same units, items, standard points and scores.
    const again = await admin.inject({ method: 'GET', url: `/api/campaigns/${target}/item-scores.xlsx` });
    const { readWorkbookTables } = await import('../../src/server/documents/xlsx-adapter');
    const items = async (file: Buffer) => (await readWorkbookTables(file)).get('评分表')!.map((r) => r.values.slice(0, 6));
    expect(await items(again.rawPayload)).toEqual(await items(exported.rawPayload));
  });
});

describe('Excel import of the unit registry into an organisation', { timeout: 120_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let otherAdmin: Client;

  beforeAll(async () => {
    ({ d, clients: { admin, leader, otherAdmin } } = await districtWithPeople(t, ['admin', 'leader', 'otherAdmin']));
  });

  const registry = (rows: Record<string, XlsxValue>[]) => writeWorkbook([{
    name: '被考核单位名册',
    columns: [
      { header: '单位编码', key: 'code' }, { header: '单位名称', key: 'name' }, { header: '单位类别', key: 'category' }, { header: '主要负责人', key: 'principal' },
      { header: '分管负责人', key: 'deputy' }, { header: '联系人', key: 'contact' }, { header: '联系电话', key: 'phone' },
    ],
    rows,
  }]);
  const upload = async (who: Client, file: Buffer, organisationId = d.districtId) => {
    const body = multipart('名册.xlsx', file);
    return who.inject({ method: 'POST', url: `/api/organisations/${organisationId}/imports/units`, payload: body.payload, headers: body.headers });
  };
  const counts = async () => {
    const db = t.database.db;
    const n = async (table: 'unit' | 'audit_record') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { units: await n('unit'), audit: await n('audit_record') };
  };

  it('refuses the whole registry with every bad cell named, writing nothing', async () => {
    const existing = (await t.database.db.selectFrom('unit').select('name').where('id', '=', d.units.town).executeTakeFirstOrThrow()).name;
    const before = await counts();
    const res = await upload(admin, await registry([
      { code: null, name: '区统计局', category: '部门' },
      { code: null, name: existing, category: '属地' },
      { code: null, name: '区档案馆', category: '事业单位' },
      { code: 'd 1', name: '区气象局', category: '驻区单位' },
      { code: null, name: '区统计局', category: '部门' },
      { code: null, name: '区审计局', category: '部门', phone: '找办公室' },
    ]));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().issues).toEqual([
      { sheet: '被考核单位名册', row: 3, column: 'B', message: `单位“${existing}”已在测试区${d.districtId.slice(2)}的名册中` },
      { sheet: '被考核单位名册', row: 4, column: 'C', message: '单位类别“事业单位”不在考核方案的类别中（属地、部门、驻区单位）' },
      { sheet: '被考核单位名册', row: 5, column: 'A', message: '单位编码“d 1”只能包含字母、数字和连字符' },
      { sheet: '被考核单位名册', row: 6, column: 'B', message: '单位名称与第 2 行重复' },
      { sheet: '被考核单位名册', row: 7, column: 'G', message: '联系电话“找办公室”应为 7–20 位数字，可含 - + ( ) 和空格' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('creates every unit in one transaction with its audit record and one for the import', async () => {
    const before = await counts();
    const res = await upload(admin, await registry([
      { code: 'TJJ-1', name: '区统计局', category: '部门', principal: '张三', deputy: '李四', contact: '王五', phone: '0533-6180001' },
      { code: null, name: '区气象局', category: '驻区单位', phone: '0533-6180002' },
    ]));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 2 });
    expect(await counts()).toEqual({ units: before.units + 2, audit: before.audit + 3 });
    const units = await t.database.db.selectFrom('unit').select(['id', 'name', 'category']).where('organisation_id', '=', d.districtId).where('name', 'in', ['区统计局', '区气象局']).orderBy('name').execute();
    expect(units).toEqual([
      { id: expect.stringMatching(/^u-[0-9a-f]{12}$/), name: '区气象局', category: 'stationed' },
      { id: 'tjj-1', name: '区统计局', category: 'department' },
    ]);
    // The sheet's people are the units' people in the registry, not lost.
    const people = async (id: string) => (await admin.inject({ method: 'GET', url: `/api/units/${id}` })).json().contacts;
    expect(await people('tjj-1')).toEqual({ principal: { name: '张三' }, deputy: { name: '李四' }, contact: { name: '王五', phone: '0533-6180001' } });
    expect(await people(units[0]!.id)).toEqual({ contact: { phone: '0533-6180002' } });
    const again = await upload(admin, await registry([{ code: 'tjj-1', name: '区新单位', category: '部门' }]));
    expect(again.statusCode).toBe(422);
    expect(again.json().issues).toEqual([{ sheet: '被考核单位名册', row: 2, column: 'A', message: '单位编码“tjj-1”已被其他单位使用' }]);
  });

  it('401, 403 for a leader, 404 for another district; a non-workbook refused', async () => {
    const file = await registry([{ code: null, name: '区某局', category: '部门' }]);
    const body = multipart('名册.xlsx', file);
    expect((await t.app.inject({ method: 'POST', url: `/api/organisations/${d.districtId}/imports/units`, payload: body.payload, headers: body.headers })).statusCode).toBe(401);
    expect((await upload(leader, file)).statusCode).toBe(403);
    expect((await upload(otherAdmin, file)).statusCode).toBe(404);
    const pdf = await upload(admin, samples.pdf);
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().issues[0].message).toContain('不是 Excel 工作簿');
  });
});
