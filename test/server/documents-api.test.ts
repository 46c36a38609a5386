import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookTables } from '../../src/server/documents/xlsx-adapter';
import { docxPart, paragraphText, tables } from '../documents/ooxml';
import { advance, createTestCampaign, fullScores } from '../support/campaign-factories';
import { createDistrict, createUser } from '../support/factories';
import type { District } from '../support/factories';
import { login, loginAll, useTestApp } from '../support/test-app';
import type { Client } from '../support/test-app';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The file name a browser saves: the RFC 5987 `filename*` decoded. */
function savedName(res: LightMyRequestResponse): string {
  const header = String(res.headers['content-disposition'] ?? '');
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return encoded ? decodeURIComponent(encoded) : '';
}

/** The 附件 table of the notice: the one headed 序号. */
async function attachmentRows(docx: Buffer): Promise<string[][]> {
  const table = tables(await docxPart(docx)).find((rows) => rows[0]?.cells[0] === '序号');
  return (table ?? []).map((row) => row.cells);
}

async function watermarked(docx: Buffer): Promise<boolean> {
  const rels = await docxPart(docx, 'word/_rels/document.xml.rels');
  const headers = [...rels.matchAll(/Target="(header\d+\.xml)"/g)].map((m) => m[1]!);
  const texts = await Promise.all(headers.map((h) => docxPart(docx, `word/${h}`)));
  return texts.some((xml) => xml.includes('征求意见稿'));
}

describe('document downloads of a campaign', { timeout: 120_000 }, () => {
  const t = useTestApp();
  let d: District;
  let admin: Client;
  let leader: Client;
  let townLiaison: Client;
  let deptLiaison: Client;
  let assessor: Client;
  let otherAdmin: Client;
  let users: { username: string }[];
  let id: string;
  let townName: string;
  let deptName: string;

  beforeAll(async () => {
    const db = t.database.db;
    d = await createDistrict(db, t.now());
    const created = [
      await createUser(db, 'committeeAdmin', { organisationId: d.districtId }),
      await createUser(db, 'leader', { organisationId: d.districtId }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.town }),
      await createUser(db, 'unitLiaison', { organisationId: d.districtId, unitId: d.units.dept }),
      await createUser(db, 'assessor', { organisationId: d.districtId, assignedUnitIds: [d.units.dept] }),
      await createUser(db, 'committeeAdmin', { organisationId: d.otherDistrictId }),
    ] as const;
    users = [...created];
    [admin, leader, townLiaison, deptLiaison, assessor, otherAdmin] = await loginAll(t.app, created);
    id = (await createTestCampaign(admin, d)).id;
    await advance(admin, id, ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']);
    const put = async (unitId: string, items: Record<string, unknown>) => {
      const res = await admin.inject({ method: 'PUT', url: `/api/campaigns/${id}/units/${unitId}/scores/team`, payload: { items } });
      expect(res.statusCode).toBe(200);
    };
    await put(d.units.town, fullScores('territorial', 1));
    await put(d.units.dept, { ...fullScores('department'), '6.2': { deductions: [{ times: 1, reason: '应急演练记录不全' }] } });
    const names = await db.selectFrom('unit').select(['id', 'name']).where('id', 'in', [d.units.town, d.units.dept]).execute();
    townName = names.find((u) => u.id === d.units.town)!.name;
    deptName = names.find((u) => u.id === d.units.dept)!.name;
  });

  const get = (who: Client, url: string) => who.inject({ method: 'GET', url });

  it('the notice before publication: the current results, watermarked 征求意见稿, with a red header when asked', async () => {
    const res = await get(admin, `/api/campaigns/${id}/notice.docx?header=${encodeURIComponent('测试区安全生产委员会文件')}&number=${encodeURIComponent('测安委〔2015〕1号')}&date=2015-01-16`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(docxType);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
    const { name } = (await get(admin, `/api/campaigns/${id}`)).json<{ name: string }>();
    expect(savedName(res)).toBe(`${name}通报（征求意见稿）.docx`);
    const docx = res.rawPayload;
    expect(await watermarked(docx)).toBe(true);
    const xml = await docxPart(docx);
    expect(xml).toContain('测安委〔2015〕1号');
    expect(paragraphText(xml)).toContain('测试区安全生产委员会文件');
    expect(await attachmentRows(docx)).toEqual([
      ['序号', '单  位', '考核分数', '奖励金额（元）', '备   注'],
      ['1', townName, '99', '7600', ''],
      ['2', deptName, '95', '1500', ''],
    ]);
  });

  it('refuses bad notice options with the field named, and a number without a header', async () => {
    const bad = await get(admin, `/api/campaigns/${id}/notice.docx?date=2015-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('date');
    const numberOnly = await get(admin, `/api/campaigns/${id}/notice.docx?number=${encodeURIComponent('测安委〔2015〕1号')}`);
    expect(numberOnly.statusCode).toBe(400);
    expect(numberOnly.json()).toEqual({ code: 'validation_failed', message: '发文字号须与发文机关标志一起填写。' });
    expect((await get(admin, `/api/campaigns/${id}/notice.docx?version=3`)).statusCode).toBe(404);
  });

  it('the results workbook: the table with grade and rank, and the category totals', async () => {
    const res = await get(leader, `/api/campaigns/${id}/results.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(xlsxType);
    expect(savedName(res)).toMatch(/考核结果\.xlsx$/);
    const sheets = await readWorkbookTables(res.rawPayload);
    expect(sheets.get('考核结果')!.map((r) => r.values)).toEqual([
      ['序号', '单位', '单位类别', '考核分数', '奖励金额（元）', '备注', '排名', '等次', '一票否决'],
      [1, townName, '属地', 99, 7600, null, 1, '合格', '否'],
      [2, deptName, '部门', 95, 1500, null, 1, '合格', '否'],
    ]);
    const totals = sheets.get('分类汇总')!.map((r) => r.values);
    expect(totals.at(-1)).toEqual(['合计', 2, 2, 1, 0, 97, 194, 9100]);
  });

  it('item scores: every unit for the office, only its own for a liaison, the assigned one for an assessor', async () => {
    const rowsOf = async (who: Client) => {
      const res = await get(who, `/api/campaigns/${id}/item-scores.xlsx`);
      expect(res.statusCode).toBe(200);
      return (await readWorkbookTables(res.rawPayload)).get('评分表')!.slice(1).map((r) => r.values);
    };
    const all = await rowsOf(admin);
    expect(new Set(all.map((r) => r[0]))).toEqual(new Set([townName, deptName]));
    expect(all).toContainEqual([townName, '属地', '1.2', '安全生产责任制与“一岗双责”', 5, 4]);
    expect(all).toContainEqual([deptName, '部门', '6.2', '事故信息报送', 10, 5, '应急演练记录不全，扣5分']);
    expect(new Set((await rowsOf(townLiaison)).map((r) => r[0]))).toEqual(new Set([townName]));
    expect(new Set((await rowsOf(assessor)).map((r) => r[0]))).toEqual(new Set([deptName]));
  });

  it('score sheets: one page per unit with its trace; one unit by id; another unit refused to a liaison', async () => {
    const all = await get(admin, `/api/campaigns/${id}/score-sheets.docx`);
    expect(all.statusCode).toBe(200);
    const text = paragraphText(await docxPart(all.rawPayload));
    expect(text).toContain(townName);
    expect(text).toContain(deptName);
    const own = await get(townLiaison, `/api/campaigns/${id}/score-sheets.docx?unitId=${d.units.town}`);
    expect(own.statusCode).toBe(200);
    expect(savedName(own)).toContain(`${townName}评分表`);
    const ownText = paragraphText(await docxPart(own.rawPayload));
    expect(ownText).toContain(townName);
    expect(ownText).not.toContain(deptName);
    const other = await get(townLiaison, `/api/campaigns/${id}/score-sheets.docx?unitId=${d.units.dept}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await get(admin, `/api/campaigns/${id}/score-sheets.docx?unitId=no-such-unit`)).statusCode).toBe(404);
  });

  it('the accident register for the office; not for a liaison', async () => {
    const res = await get(admin, `/api/campaigns/${id}/accidents.xlsx`);
    expect(res.statusCode).toBe(200);
    expect((await readWorkbookTables(res.rawPayload)).get('事故台账')![0]!.values[0]).toBe('序号');
    expect((await get(deptLiaison, `/api/campaigns/${id}/accidents.xlsx`)).statusCode).toBe(403);
  });

  it('the control indicator report: its columns, for the office', async () => {
    const res = await get(admin, `/api/campaigns/${id}/indicator-reports.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(savedName(res)).toMatch(/控制指标报表\.xlsx$/);
    const sheet = (await readWorkbookTables(res.rawPayload)).get('控制指标报表')!;
    expect(sheet[0]!.values).toEqual(['单位', '控制指标', '月份', '年度控制数', '本月实际', '累计', '已用比例', '时间进度', '进度', '是否突破', '报送期限', '报送日期', '报送情况']);
    // The test units were given no control indicators.
    expect(sheet).toHaveLength(1);
  });

  it('401 without a session, 403 before disclosure for a liaison, 404 for another district', async () => {
    for (const path of ['notice.docx', 'results.xlsx', 'item-scores.xlsx', 'accidents.xlsx', 'score-sheets.docx', 'indicator-reports.xlsx']) {
      expect((await t.app.inject({ method: 'GET', url: `/api/campaigns/${id}/${path}` })).statusCode).toBe(401);
      expect((await get(otherAdmin, `/api/campaigns/${id}/${path}`)).statusCode).toBe(404);
    }
    expect((await get(townLiaison, `/api/campaigns/${id}/notice.docx`)).statusCode).toBe(403);
    expect((await get(townLiaison, `/api/campaigns/${id}/results.xlsx`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/import-templates/item-scores.xlsx' })).statusCode).toBe(401);
  });

  it('import templates with the columns the import reads', async () => {
    const expected: Record<string, string[]> = {
      units: ['单位编码', '*单位名称', '*单位类别'],
      criteria: ['*编号', '*考核项目', '*标准分'],
      'item-scores': ['*单位名称', '*细则编号', '*得分', '扣分说明'],
    };
    for (const [kind, headers] of Object.entries(expected)) {
      const res = await get(townLiaison, `/api/import-templates/${kind}.xlsx`);
      expect(res.statusCode).toBe(200);
      expect(savedName(res)).toMatch(/导入模板\.xlsx$/);
      const first = [...(await readWorkbookTables(res.rawPayload)).values()][0]![0]!.values.map((v) => String(v).replace(/\s/g, ''));
      for (const h of headers) expect(first.some((v) => v === h || v === h.replace('*', ''))).toBe(true);
    }
    expect((await get(admin, '/api/import-templates/other.xlsx')).statusCode).toBe(404);
  });

  it('after publication: the published version without watermark, the same numbers as the version', async () => {
    await advance(admin, id, ['submitForReview', 'submitForApproval', { action: 'approve', meeting: '区安委会2015年第1次会议', publicityDays: 1 }]);
    // 公示: everyone taking part sees the table.
    expect((await get(townLiaison, `/api/campaigns/${id}/results.xlsx`)).statusCode).toBe(200);
    t.advance(86_400_000 + 1000);
    [admin, townLiaison] = await Promise.all([login(t.app, users[0]!.username), login(t.app, users[2]!.username)]);
    await advance(admin, id, ['publish']);
    // A later change to the facts does not reach the published version's documents.
    const res = await get(townLiaison, `/api/campaigns/${id}/notice.docx?version=1`);
    expect(res.statusCode).toBe(200);
    expect(savedName(res)).toMatch(/通报（第1版）\.docx$/);
    expect(await watermarked(res.rawPayload)).toBe(false);
    expect((await attachmentRows(res.rawPayload)).slice(1).map((cells) => cells.slice(1, 3))).toEqual([[townName, '99'], [deptName, '95']]);
    const own = await get(townLiaison, `/api/campaigns/${id}/item-scores.xlsx?version=1`);
    expect(own.statusCode).toBe(200);
    expect(new Set((await readWorkbookTables(own.rawPayload)).get('评分表')!.slice(1).map((r) => r.values[0]))).toEqual(new Set([townName]));
  });
});
