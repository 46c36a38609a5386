import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { writeWorkbook } from '../../src/server/documents/xlsx-adapter';
import { docxPart, tables } from '../documents/ooxml';
import { latinWords, logInViaApi, pageProblems, screenshot, screenshotDir } from './support/browser';
import { useDemoApp } from './support/demo-app';

const app = useDemoApp();
const downloads = join(screenshotDir, '..', 'e2e-downloads');

beforeAll(async () => {
  mkdirSync(downloads, { recursive: true });
});

const campaignName = '2014年全区安全生产目标管理考核';

async function signedIn(username: string, width = 1280): Promise<Page> {
  const { context, page } = await app.newPage(width);
  await logInViaApi(context, username);
  await page.goto('/');
  return page;
}

async function openCampaign(page: Page, tab: '详情' | '结果与排名') {
  await page.getByRole('menu').getByRole('menuitem', { name: '考核活动' }).click();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: campaignName });
  await expect.poll(() => row.innerText()).toContain('已发布');
  if (tab === '结果与排名') {
    await row.getByRole('link', { name: /结果与排名/ }).click();
    await page.getByText('已发布结果，第 1 版。').waitFor();
  } else {
    await page.getByRole('link', { name: `${campaignName}详情` }).click();
    await page.getByRole('heading', { name: campaignName }).waitFor();
  }
}

/** Chooses an entry of the 下载 menu and saves what the browser downloads. */
async function download(page: Page, entry: string): Promise<{ name: string; file: Buffer }> {
  await page.getByRole('button', { name: '下载' }).click();
  const [event] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: entry }).click()]);
  const path = join(downloads, event.suggestedFilename());
  await event.saveAs(path);
  return { name: event.suggestedFilename(), file: readFileSync(path) };
}

describe('公文下载', () => {
  const expected = JSON.parse(readFileSync(new URL('../acceptance/zhoucun-2014-expected.json', import.meta.url), 'utf8')) as {
    rows: { seq: number; unit: string; score: number | null; reward: number | null; remark: string }[];
  };

  test('the published notice of 2014 downloads with the attachment rows of the real notice', async () => {
    const page = await signedIn('leader');
    await openCampaign(page, '结果与排名');
    await page.getByRole('button', { name: '下载' }).click();
    await page.getByRole('menuitem', { name: '考核结果（Excel）' }).waitFor();
    await screenshot(page, 'documents-download-menu', false);
    await page.keyboard.press('Escape');
    const { name, file } = await download(page, '通报（已发布第 1 版，Word）');
    expect(name).toBe(`${campaignName}通报（第1版）.docx`);
    const attachment = tables(await docxPart(file)).find((rows) => rows[0]?.cells[0] === '序号')!;
    expect(attachment.slice(1).map((row) => row.cells)).toEqual(expected.rows.map((r) => [
      String(r.seq), r.unit, r.score === null ? '' : String(r.score), r.reward === null ? '' : String(r.reward), r.remark,
    ]));
    expect(pageProblems(page)).toEqual([]);
  }, 180_000);

  test('the results workbook and a red-header notice; the form checks its fields', async () => {
    const page = await signedIn('admin', 1024);
    await openCampaign(page, '结果与排名');
    expect((await download(page, '考核结果（Excel）')).name).toBe(`${campaignName}考核结果（第1版）.xlsx`);
    await page.getByRole('button', { name: '下载' }).click();
    await page.getByRole('menuitem', { name: '带红头的通报…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '下 载' }).or(dialog.getByRole('button', { name: '下载' })).click();
    await dialog.getByText('请填写发文机关标志').waitFor();
    await screenshot(page, 'documents-red-header', false);
    await dialog.getByLabel('发文机关标志').fill('周村区安全生产委员会文件');
    await dialog.getByLabel('发文字号（可不填）').fill('周安委〔2015〕1号');
    const [event] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /下\s*载/ }).click()]);
    const path = join(downloads, 'red-header.docx');
    await event.saveAs(path);
    expect(await docxPart(readFileSync(path))).toContain('周安委〔2015〕1号');
    expect(pageProblems(page)).toEqual([]);
  }, 180_000);
});

describe('导入评分', () => {
  async function openImport(page: Page) {
    await openCampaign(page, '详情');
    await page.getByRole('button', { name: '导入评分' }).click();
    await page.getByRole('dialog').getByText('从 Excel 导入考核组评分').waitFor();
  }

  async function importFile(page: Page, path: string) {
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(path);
    await dialog.getByRole('button', { name: '开始导入' }).click();
  }

  test('a workbook with a bad cell is refused and the cell is shown with its sheet, row and column', async () => {
    const page = await signedIn('admin');
    await openImport(page);
    const bad = await writeWorkbook([{
      name: '评分表',
      columns: [{ header: '单位名称', key: 'unit' }, { header: '细则编号', key: 'path' }, { header: '得分', key: 'earned' }],
      rows: [{ unit: '王村镇政府', path: '1.2', earned: '九十五' }, { unit: '不存在的单位', path: '1.2', earned: 3 }],
    }]);
    const path = join(downloads, '有错误的评分表.xlsx');
    writeFileSync(path, bad);
    await importFile(page, path);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('工作簿有 2 处问题，没有导入任何数据。', { exact: false }).waitFor();
    const rows = await dialog.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(rows).toEqual([
      ['评分表', '2', 'C', '“得分”应为数字，实为文字“九十五”'],
      ['评分表', '3', 'A', '单位“不存在的单位”不在本次考核的被考核单位中'],
    ]);
    await screenshot(page, 'documents-import-refused', false);
    // The chosen file keeps its own name (….xlsx).
    expect(await latinWords(page, ['Excel', 'xlsx'])).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  }, 180_000);

  test('the item scores downloaded from the results are accepted back, with the template on offer', async () => {
    const page = await signedIn('admin', 1024);
    await openCampaign(page, '结果与排名');
    const exported = await download(page, '各单位逐项得分（Excel）');
    const path = join(downloads, exported.name);
    await openImport(page);
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: '下载评分表模板' }).click()]);
    expect(template.suggestedFilename()).toBe('评分表导入模板.xlsx');
    await importFile(page, path);
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/已导入 \d+ 个单位的 \d+ 项得分/).waitFor();
    expect(await dialog.getByText(/已导入 38 个单位/).count()).toBe(1);
    await screenshot(page, 'documents-import-accepted', false);
    // The chosen file keeps its own name (….xlsx).
    expect(await latinWords(page, ['Excel', 'xlsx'])).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  }, 180_000);
});

describe('导入考核细则', () => {
  test('the office downloads the criteria of a campaign in preparation, imports them back edited, and a wrong sheet is refused cell by cell', async () => {
    const { context, page } = await app.newPage(1280);
    const csrf = await logInViaApi(context, 'admin');
    const list = await (await context.request.get('/api/campaigns')).json() as { items: { id: string; name: string }[] };
    const source = list.items.find((c) => c.name === campaignName)!;
    const copied = await context.request.post(`/api/campaigns/${source.id}/copy`, { data: { year: 2099 }, headers: { 'x-csrf-token': csrf } });
    expect(copied.status(), await copied.text()).toBe(201);
    const campaign = await copied.json() as { id: string; name: string };
    await page.goto(`/campaigns/${campaign.id}`);
    await page.getByRole('heading', { name: campaign.name }).waitFor();
    await page.getByText('第 1 版').first().waitFor();
    await page.getByRole('button', { name: '导入考核细则' }).click();
    const dialog = page.getByRole('dialog');
    const [event] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载现行考核细则' }).click()]);
    expect(event.suggestedFilename()).toBe(`${campaign.name}考核细则（第1版）.xlsx`);
    const path = join(downloads, event.suggestedFilename());
    await event.saveAs(path);

    await dialog.locator('input[type=file]').setInputFiles(path);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText(/已导入 \d+ 项细则，考核方案更新为第 2 版。/).waitFor();
    await screenshot(page, 'criteria-import-accepted', false);

    const bad = await writeWorkbook([{
      name: '考核细则',
      columns: [{ header: '编号', key: 'path' }, { header: '考核项目', key: 'name' }, { header: '标准分', key: 'points' }, { header: '评分方法', key: 'method' }],
      rows: [{ path: '1', name: '组织领导', points: 100, method: null }, { path: '1.1', name: '新指标', points: 100, method: '公式' }],
    }]);
    const badPath = join(downloads, '有错误的考核细则.xlsx');
    writeFileSync(badPath, bad);
    await dialog.locator('input[type=file]').setInputFiles(badPath);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText('工作簿有 1 处问题，没有导入任何数据。', { exact: false }).waitFor();
    await dialog.getByText('公式类细则 1.1 的指标和计算规则无法从表格读取，须先在方案文件中写明').waitFor();
    await screenshot(page, 'criteria-import-refused', false);
    expect(await latinWords(page, ['Excel', 'xlsx'])).toEqual([]);
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();
    await page.getByText('第 2 版').first().waitFor();
    // The refused workbook's answer (422) is the only failed request.
    expect(pageProblems(page).filter((p) => !p.includes('status of 422'))).toEqual([]);
  }, 180_000);
});
