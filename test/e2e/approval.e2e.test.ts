import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { latinWords, logInViaApi, openedDialog, pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';
import { trickleProxy } from './support/trickle-proxy';
import { demoYear } from '../../src/server/demo/seed-campaigns';

const app = useDemoApp();

async function signedIn(username: string, path: string, width = 1280): Promise<{ page: Page; context: BrowserContext; csrf: string }> {
  const { context, page } = await app.newPage(width);
  const csrf = await logInViaApi(context, username);
  await page.goto(path);
  return { page, context, csrf };
}

interface Campaign { id: string; name: string; year: number; state: string }

async function campaignByYear(context: BrowserContext, year: number): Promise<Campaign> {
  const list = (await (await context.request.get('/api/campaigns')).json()) as { items: Campaign[] };
  const found = list.items.find((c) => c.year === year);
  if (!found) throw new Error(`no campaign for ${year}`);
  return found;
}

/** A request made through the progress helper: it asked for the stream and was answered with one. */
async function expectProgressStream(request: Request): Promise<void> {
  expect(request.headers()['accept']).toBe('application/x-ndjson');
  const response = await request.response();
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toBe('application/x-ndjson; charset=utf-8');
}

/** Picks an option of an antd Select found by its label; a searchable one is narrowed by typing first (its list is virtual). */
async function choose(page: Page, label: string, option: string, search = true): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  const field = page.locator('.ant-select', { has: select }).last();
  // A click on a list still opening can miss: the choice is checked and made again if it did not take.
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search) await select.pressSequentially(option.slice(0, 4));
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    try {
      await expect.poll(() => field.innerText(), { timeout: 5_000 }).toContain(option);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

describe('考核活动: 复制上一年度', () => {
  test('the office copies 2014 into a new campaign, sees it in preparation and may open signing', { timeout: 180_000 }, async () => {
    for (const width of [1280, 1024]) {
      const { page } = await signedIn('admin', '/campaigns', width);
      await page.getByRole('button', { name: '新建考核活动' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('tab', { name: '复制上一年度' }).waitFor();
      await choose(page, '复制来源', '2014年全区安全生产目标管理考核', false);
      const year = width === 1280 ? 2015 : 2016;
      await dialog.getByLabel('新考核年度').fill(String(year));
      await expect.poll(() => dialog.getByLabel('名称', { exact: true }).getAttribute('placeholder')).toBe(`${year}年全区安全生产目标管理考核`);
      await choose(page, '不再参加的单位', '区安监局');
      // A multiple select keeps its list open; a click on the dialog's title closes it.
      await dialog.getByText('新建考核活动').click();
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      // 月报报送期限: left empty, the copy keeps 2014's rule (月末后 2 日内); 2015 takes 3 days.
      expect(await dialog.getByLabel('月报报送期限').getAttribute('placeholder')).toBe('同上年');
      if (width === 1280) await dialog.getByLabel('月报报送期限').fill('3');
      await screenshot(page, 'campaign-copy', false);
      await dialog.getByRole('button', { name: '复制并创建' }).click();
      await page.getByRole('heading', { name: `${year}年全区安全生产目标管理考核`, level: 3 }).waitFor();
      await page.getByText('被考核单位（37 个）').waitFor();
      await expect.poll(() => page.locator('.ant-descriptions').getByText('准备', { exact: true }).count()).toBeGreaterThan(0);
      expect(await page.locator('.ant-descriptions').innerText()).toContain(width === 1280 ? '月末后 3 日内' : '月末后 2 日内');

      // The copied scheme reads as a 考核办法: criteria with points and methods, grades, vetoes, rewards.
      await page.getByRole('button', { name: '考核方案' }).click();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByText('按次扣分，每次1分，扣完为止').waitFor();
      await drawer.getByText('辖区发生较大生产安全事故，实施一票否决').waitFor();
      await drawer.getByText('属地：考核分数达到 80 分的，每高出 1 分奖励 400 元').waitFor();
      expect(await latinWords(page)).toEqual([]);
      await screenshot(page, 'campaign-scheme', false);
      await drawer.getByRole('button', { name: '关闭', exact: true }).click();

      await page.getByRole('button', { name: '审批与公示' }).click();
      await page.getByRole('heading', { name: '审批与公示' }).waitFor();
      await page.getByRole('button', { name: '开始签订责任书' }).waitFor();
      await page.getByText('复制考核活动').waitFor();
      await screenshot(page, 'approval-new-campaign');
      expect(await latinWords(page)).toEqual([]);
      expect(pageProblems(page)).toEqual([]);
    }
  });

  test('a scheme file with an error is refused with the problem listed at its path', async () => {
    const { page } = await signedIn('admin', '/campaigns');
    await page.getByRole('button', { name: '新建考核活动' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: '按考核方案文件新建' }).click();
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'scheme.yaml', mimeType: 'application/x-yaml',
      buffer: Buffer.from('format: 1\ncampaign: { name: 测试考核, year: 2030 }\nscale: 一百\ncategories: []\ncriteria: []\ngrades: { bands: [] }\nstats: { threshold: 80 }\n'),
    });
    await dialog.getByText('已选择：scheme.yaml').waitFor();
    await dialog.getByRole('button', { name: /选择全部/ }).click();
    await dialog.getByRole('button', { name: '校验并创建' }).click();
    const issues = dialog.locator('[aria-label="校验问题"]');
    await issues.waitFor();
    await expect.poll(() => issues.innerText()).toContain('scale');
    await dialog.getByText(/考核方案有 \d+ 处问题/).waitFor();
    await screenshot(page, 'campaign-scheme-errors', false);
    // Nothing was created.
    const list = (await (await page.context().request.get('/api/campaigns')).json()) as { items: Campaign[] };
    expect(list.items.some((c) => c.year === 2030)).toBe(false);
  });
});

describe('假设测算', () => {
  test('changing a unit’s item score moves its score and the ranks in the simulation only', { timeout: 180_000 }, async () => {
    for (const width of [1280, 1024]) {
      const { page, context } = await signedIn('admin', '/', width);
      const current = await campaignByYear(context, demoYear(new Date()));
      await page.goto(`/campaigns/${current.id}/results`);
      await page.getByRole('button', { name: '假设测算（模拟）' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('模拟测算：以下改动只用于测算，不保存').waitFor();
      await choose(page, '单位', '青年路街道办事处');
      await choose(page, '考核细则条目', '1.2 安全生产责任制');
      await dialog.getByLabel('模拟得分').fill('5');
      await dialog.getByRole('button', { name: '加入改动' }).click();
      await dialog.getByText('青年路街道办事处：1.2 安全生产责任制与“一岗双责” 改为 5 分').waitFor();
      await dialog.getByRole('button', { name: '模拟测算' }).click();
      await dialog.getByText('测算结果（不保存）').waitFor();
      const simRow = dialog.locator('[aria-label="模拟结果"] tr').filter({ hasText: '青年路街道办事处' });
      const realRow = dialog.locator('[aria-label="实际结果"] tr').filter({ hasText: '青年路街道办事处' });
      await expect.poll(() => simRow.locator('td').nth(1).innerText()).toBe('5');
      expect(await realRow.locator('td').nth(1).innerText()).toBe('0');
      // The other towns drop from a shared first place to second.
      const otherSim = dialog.locator('[aria-label="模拟结果"] tr').filter({ hasText: '王村镇政府' });
      expect(await otherSim.locator('td').nth(3).innerText()).toBe('2');
      await dialog.getByRole('table', { name: '差异' }).getByText('青年路街道办事处').waitFor();
      await screenshot(page, 'what-if', false);
      expect(await latinWords(page)).toEqual([]);
      await dialog.getByRole('button', { name: '关闭' }).click();
      // The real table is as it was.
      const real = (await (await context.request.get(`/api/campaigns/${current.id}/results`)).json()) as { rows: { unit: string; score: number | null }[] };
      expect(real.rows.find((r) => r.unit === '青年路街道办事处')!.score).toBe(0);
      const pageRow = page.locator('.ant-table-row').filter({ hasText: '青年路街道办事处' });
      expect(await pageRow.locator('td').nth(2).innerText()).toBe('0');
      expect(pageProblems(page)).toEqual([]);
    }
  });
});

describe('审批与公示', () => {
  test('on the published 2014 campaign a correction after a rename gives a second version and its diff', async () => {
    const { page, context, csrf } = await signedIn('admin', '/');
    const unit = (await (await context.request.get('/api/units/anjian')).json()) as { version: number };
    const renamed = await context.request.patch('/api/units/anjian', { data: { name: '区应急管理局', version: unit.version }, headers: { 'x-csrf-token': csrf } });
    expect(renamed.status()).toBe(200);
    const published = await campaignByYear(context, 2014);
    await page.goto(`/campaigns/${published.id}/approval`);
    await page.getByRole('heading', { name: '审批与公示' }).waitFor();
    await page.getByRole('table', { name: '结果版本' }).getByText('第 1 版').waitFor();
    // Published: no state change is left for anyone.
    await page.getByLabel('无可办理的操作').waitFor();
    await page.getByText('发布通报').first().waitFor();
    await page.getByRole('button', { name: '更正结果' }).click();
    await page.getByRole('dialog').getByLabel('更正理由').fill('区安监局更名为区应急管理局');
    // The correction asks for the server's progress (进度流) and gets it.
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/campaigns/${published.id}/result-versions`));
    await page.getByRole('button', { name: '生成更正版本' }).click();
    await expectProgressStream(await sent);
    const diff = page.getByRole('table', { name: '差异' });
    await diff.waitFor();
    await diff.getByText('单位更名').waitFor();
    expect(await diff.innerText()).toContain('区安监局');
    expect(await diff.innerText()).toContain('区应急管理局');
    await page.getByRole('table', { name: '结果版本' }).getByText('区安监局更名为区应急管理局').waitFor();
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await screenshot(page, 'approval-published');
    }
    expect(await latinWords(page)).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  test('发布通报 shows the progress of storing every unit’s result and trace, then the published campaign', { timeout: 180_000 }, async () => {
    const { page, context, csrf } = await signedIn('admin', '/');
    const call = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> => {
      const res = await context.request.fetch(path, { method, data, headers: { 'x-csrf-token': csrf } });
      if (res.status() !== 200 && res.status() !== 201) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    };
    // Up to the end of publicity through the API (the steps before it are other tests'): 2014 copied into 2017, every
    // unit scored by the office with 2014's item scores, approved with one day of publicity, which then runs out.
    const source = await campaignByYear(context, 2014);
    let campaign = await call<Campaign & { version: number }>('POST', `/api/campaigns/${source.id}/copy`, { year: 2017 });
    const step = async (action: string, extra: Record<string, unknown> = {}) => {
      campaign = await call('POST', `/api/campaigns/${campaign.id}/transitions`, { action, version: campaign.version, ...extra });
    };
    for (const action of ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']) await step(action);
    const scores = (parse(readFileSync(join(import.meta.dirname, '../../examples/zhoucun-2014/scores.yaml'), 'utf8')) as { scores: Record<string, unknown> }).scores;
    const units = await call<{ items: { unitId: string }[] }>('GET', `/api/campaigns/${campaign.id}/units`);
    for (const { unitId } of units.items) await call('PUT', `/api/campaigns/${campaign.id}/units/${unitId}/scores/team`, { items: scores[unitId] });
    await step('submitForReview');
    await step('submitForApproval');
    await step('approve', { meeting: '区安委会2018年第1次会议', publicityDays: 1 });
    const db = new Database(join(app.server.dataDir, 'anke.db'));
    try {
      expect(db.prepare('UPDATE campaign SET publicity_ends_at = ? WHERE id = ?').run(new Date(Date.now() - 60_000).toISOString(), campaign.id).changes).toBe(1);
    } finally {
      db.close();
    }

    // The demo's units take a moment only: the page goes through a proxy that hands the progress on a line every 0.6 s.
    const proxy = await trickleProxy(app.server.url, 600);
    try {
      await page.goto(`${proxy.url}/campaigns/${campaign.id}/approval`);
      await expect.poll(() => page.getByLabel('当前状态').innerText()).toBe('结果公示');
      await page.getByRole('button', { name: '发布通报' }).click();
      const confirm = await openedDialog(page, '确认：发布通报');
      expect(await confirm.getByRole('button', { name: '关闭', exact: true }).count()).toBe(1);
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/campaigns/${campaign.id}/transitions`));
      await confirm.getByRole('button', { name: '确认' }).click();
      const progress = confirm.getByRole('status', { name: '发布进度' });
      await expect.poll(() => progress.innerText()).toMatch(new RegExp(`生成得分反查 \\d+ / ${units.items.length}\\s*第 4 步，共 6 步`));
      // Nothing closes the dialog or changes its answer while the results are stored.
      expect(await confirm.getByRole('button', { name: '取消' }).isDisabled()).toBe(true);
      expect(await confirm.getByRole('button', { name: '关闭', exact: true }).count()).toBe(0);
      expect(await latinWords(page)).toEqual([]);
      for (const width of [1280, 1024]) {
        await page.setViewportSize({ width, height: 800 });
        await screenshot(page, 'publish-progress', false);
      }
      await expectProgressStream(await sent);

      await page.getByText('已发布通报，当前状态：已发布').waitFor();
      await confirm.waitFor({ state: 'hidden' });
    } finally {
      await proxy.close();
    }

    await page.goto(`/campaigns/${campaign.id}/approval`);
    await expect.poll(() => page.getByLabel('当前状态').innerText()).toBe('已发布');
    await page.getByRole('table', { name: '结果版本' }).getByText('第 1 版').waitFor();
    const results = await call<{ version: number; rows: unknown[] }>('GET', `/api/campaigns/${campaign.id}/results`);
    expect(results.version).toBe(1);
    expect(results.rows).toHaveLength(units.items.length);
    expect(pageProblems(page)).toEqual([]);
  });

  test('the office sees the transitions of the current state; a leader sees none', { timeout: 120_000 }, async () => {
    const admin = await signedIn('admin', '/');
    const current = await campaignByYear(admin.context, demoYear(new Date()));
    await admin.page.goto(`/campaigns/${current.id}/approval`);
    await admin.page.getByRole('button', { name: '开始考核评分' }).waitFor();
    expect(await admin.page.getByRole('button', { name: '发布通报' }).count()).toBe(0);

    for (const width of [1280, 1024]) {
      const leader = await signedIn('leader', `/campaigns/${current.id}/approval`, width);
      await leader.page.getByRole('heading', { name: '审批与公示' }).waitFor();
      await leader.page.getByLabel('无可办理的操作').waitFor();
      await leader.page.getByText('开始单位自评', { exact: true }).first().waitFor();
      expect(await leader.page.getByRole('button', { name: '开始考核评分' }).count()).toBe(0);
      await screenshot(leader.page, 'approval-leader');
      expect(await latinWords(leader.page)).toEqual([]);
      expect(pageProblems(leader.page)).toEqual([]);
    }
  });
});
