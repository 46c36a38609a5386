import { beforeAll, describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/server/documents/xlsx-adapter';
import type { XlsxValue } from '../../src/server/documents/xlsx-adapter';
import type { CriterionInput } from '../../src/domain/scheme/schema';
import { advance, createTestCampaign, zhoucunSchemeText } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { multipart } from '../support/multipart';
import { loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const methodZh = { manual: '直接评分', deduction: '扣分', passFail: '达标', formula: '公式' } as const;
const categoryZh: Record<string, string> = { territorial: '属地', department: '部门' };
type Row = [string, string, number, string | null, string | null, string | null];

/** The scheme's criteria as the 考核细则 sheet an office keeps: one row per criterion, parents first. */
function sheetRows(criteria: readonly CriterionInput[]): Row[] {
  return criteria.flatMap((c): Row[] => [
    [c.id, c.name, c.points, c.children ? null : methodZh[c.method?.type ?? 'manual'], c.description ?? null, c.appliesTo?.map((a) => categoryZh[a]!).join('、') ?? null],
    ...sheetRows(c.children ?? []),
  ]);
}
async function criteriaWorkbook(rows: Row[]): Promise<Buffer> {
  const columns = [
    { header: '编号', key: 'path' }, { header: '考核项目', key: 'name' }, { header: '标准分', key: 'points' },
    { header: '评分方法', key: 'method' }, { header: '评分标准', key: 'standard' }, { header: '适用类别', key: 'categories' },
  ];
  return writeWorkbook([{ name: '考核细则', columns, rows: rows.map(([path, name, points, method, standard, categories]) => ({ path, name, points, method, standard, categories } as Record<string, XlsxValue>)) }]);
}

/** 修改考核方案 and 导入考核细则: new versions before self-assessment, checked as a new campaign's scheme. */
describe('revising a campaign\'s scheme', { timeout: 120_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let id: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    [admin, leader] = await loginAll(t.app, [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
    ] as const);
    id = (await createTestCampaign(admin, d)).id;
  });

  const scheme = async () => (await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/scheme` })).json<{ version: number; scheme: { criteria: CriterionInput[]; campaign: { name: string } } }>();
  const put = (who: Client, body: Record<string, unknown>) => who.inject({ method: 'PUT', url: `/api/campaigns/${id}/scheme`, payload: body });
  const upload = async (who: Client, file: Buffer, campaignId = id) => {
    const body = multipart('考核细则.xlsx', file);
    return who.inject({ method: 'POST', url: `/api/campaigns/${campaignId}/imports/criteria`, payload: body.payload, headers: body.headers });
  };
  const audits = async () => (await t.database.db.selectFrom('audit_record').select('action').where('entity_id', '=', id).orderBy('seq').execute()).map((a) => a.action);

  it('a revised scheme becomes the next version, with its note, audited; a stale or broken one changes nothing', async () => {
    const renamed = zhoucunSchemeText.replace('name: 应急救援体系', 'name: 应急救援体系建设');
    const res = await put(admin, { version: 1, scheme: renamed, note: '6.1 名称调整' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ schemeVersion: 2 });
    const now = await scheme();
    expect(now.version).toBe(2);
    expect(JSON.stringify(now.scheme)).toContain('应急救援体系建设');
    expect((await audits()).at(-1)).toBe('campaign.reviseScheme');

    expect((await put(admin, { version: 1, scheme: zhoucunSchemeText })).statusCode).toBe(409);
    const broken = await put(admin, { version: 2, scheme: zhoucunSchemeText.replace('        name: 应急救援体系\n        points: 10', '        name: 应急救援体系\n        points: 12') });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/分/);
    const otherYear = await put(admin, { version: 2, scheme: zhoucunSchemeText.replace('year: 2014', 'year: 2015') });
    expect(otherYear.statusCode).toBe(400);
    expect(otherYear.json().message).toContain('与考核活动的年度（2014）不一致');
    expect((await put(leader, { version: 2, scheme: zhoucunSchemeText })).statusCode).toBe(403);
    expect((await scheme()).version).toBe(2);
  });

  it('the criteria sheet of the scheme imports back to the same criteria; an edited one becomes the next version', async () => {
    const before = await scheme();
    const same = await upload(admin, await criteriaWorkbook(sheetRows(before.scheme.criteria)));
    expect(same.statusCode, same.body).toBe(201);
    expect(same.json()).toEqual({ schemeVersion: before.version + 1, criteria: expect.any(Number) });
    expect((await scheme()).scheme.criteria).toEqual(before.scheme.criteria);

    // 1.2 and 1.3 exchange a point: the group still adds up.
    const edited = sheetRows(before.scheme.criteria).map((r): Row => (r[0] === '1.2' ? [r[0], '安全生产责任制落实', 4, r[3], r[4], r[5]] : r[0] === '1.3' ? [r[0], r[1], 6, r[3], r[4], r[5]] : r));
    const res = await upload(admin, await criteriaWorkbook(edited));
    expect(res.statusCode, res.body).toBe(201);
    const after = (await scheme()).scheme.criteria.find((c) => c.id === '1')!.children!;
    expect(after.map((c) => [c.id, c.name, c.points])).toEqual([['1.1', '安委会例会', 5], ['1.2', '安全生产责任制落实', 4], ['1.3', '安全生产投入', 6]]);
    expect((await audits()).at(-1)).toBe('import.criteria');
  });

  it('the criteria in force download as that sheet, which imports back unchanged', async () => {
    const before = await scheme();
    const file = await admin.inject({ method: 'GET', url: `/api/campaigns/${id}/criteria.xlsx` });
    expect(file.statusCode).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain(`考核细则（第${before.version}版）.xlsx`);
    const res = await upload(admin, file.rawPayload);
    expect(res.statusCode, res.body).toBe(201);
    expect((await scheme()).scheme.criteria).toEqual(before.scheme.criteria);
  });

  it('a sheet that does not make a valid scheme is refused, on its cell where it has one, and nothing is written', async () => {
    const before = await scheme();
    const rows = sheetRows(before.scheme.criteria);
    const badCategory = rows.map((r): Row => (r[0] === '1.2' ? [r[0], r[1], r[2], r[3], r[4], '驻区单位'] : r));
    const res = await upload(admin, await criteriaWorkbook(badCategory));
    expect(res.statusCode).toBe(422);
    const row = rows.findIndex((r) => r[0] === '1.2') + 2;
    expect(res.json().issues).toEqual([{ sheet: '考核细则', row, column: 'F', message: '适用类别“驻区单位”不是方案中的类别（属地、部门）' }]);
    const wrongSum = rows.map((r): Row => (r[0] === '1.2' ? [r[0], r[1], 9, r[3], r[4], r[5]] : r));
    const sum = await upload(admin, await criteriaWorkbook(wrongSum));
    expect(sum.statusCode).toBe(422);
    expect(sum.json().issues).toHaveLength(1);
    expect(sum.json().issues[0]).toMatchObject({ sheet: '考核细则', row: null });
    const text = await upload(admin, Buffer.from('编号,考核项目\n1,组织领导\n'));
    expect(text.statusCode).toBe(422);
    expect((await scheme()).version).toBe(before.version);
  });

  it('once self-assessment opens the scheme is fixed', async () => {
    const fixed = (await createTestCampaign(admin, d)).id;
    await advance(admin, fixed, ['openSigning', 'startYear', 'openSelfAssessment']);
    const res = await admin.inject({ method: 'PUT', url: `/api/campaigns/${fixed}/scheme`, payload: { version: 1, scheme: zhoucunSchemeText } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('单位自评开始前');
    expect((await upload(admin, await criteriaWorkbook([['1', '组织领导', 100, '直接评分', null, null]]), fixed)).statusCode).toBe(409);
  });
});
