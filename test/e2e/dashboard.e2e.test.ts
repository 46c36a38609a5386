import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { latinWords, logInViaApi, pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';

const app = useDemoApp();

async function dashboard(username: string, width = 1280): Promise<Page> {
  const { context, page } = await app.newPage(width);
  await logInViaApi(context, username);
  await page.goto('/');
  await page.getByRole('heading', { name: '首页' }).waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton').count(), { timeout: 30_000 }).toBe(0);
  return page;
}

/** A chart drew something: its canvas has a size and at least one pixel that is not blank. */
async function chartDrawn(chart: Locator): Promise<boolean> {
  return chart.locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });
}

async function noProblems(page: Page, name: string) {
  await screenshot(page, name);
  expect(await latinWords(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(pageProblems(page)).toEqual([]);
}

const progressRows = (page: Page) => page.getByTestId('progress').locator('tbody tr.ant-table-row');

describe('首页 (dashboard)', () => {
  for (const width of [1280, 1024]) {
    test(`the office sees every unit's progress, the pace, accidents, results and hazard charts at ${width} px`, async () => {
      const page = await dashboard('admin', width);
      await page.getByTestId('progress').getByText('责任书已签订').waitFor();
      expect(await progressRows(page).count()).toBeGreaterThan(1);
      await page.getByTestId('accidents').getByText(/未决的一票否决建议/).waitFor();
      for (const chart of [
        page.getByRole('img', { name: /^控制指标进度：/ }),
        page.getByRole('img', { name: '2014年全区安全生产目标管理考核得分分布' }),
        page.getByRole('img', { name: '2014年全区安全生产目标管理考核得分排名' }),
        page.getByRole('img', { name: /^按镇（街道）：/ }),
        page.getByRole('img', { name: /^按行业领域：/ }),
      ]) {
        await chart.waitFor();
        await expect.poll(() => chartDrawn(chart)).toBe(true);
      }
      await noProblems(page, 'dashboard-office');
    });

    test(`the liaison sees only its own unit at ${width} px`, async () => {
      const page = await dashboard('wangcun', width);
      await page.getByTestId('progress').getByText('自评已提交').waitFor();
      await expect.poll(() => progressRows(page).allInnerTexts()).toHaveLength(1);
      expect(await progressRows(page).first().innerText()).toContain('王村镇');
      // Veto proposals and the whole register are the office's and leaders'.
      expect(await page.getByTestId('accidents').count()).toBe(0);
      const hazards = page.getByTestId('hazards');
      await hazards.getByText(/共 \d+ 项隐患/).waitFor();
      const towns = hazards.getByRole('img', { name: /^按镇（街道）：/ });
      if (await towns.count() > 0) expect(await towns.getAttribute('aria-label')).toMatch(/^按镇（街道）：王村镇[^，]*\d+项，逾期\d+项$/);
      await noProblems(page, 'dashboard-liaison');
    });
  }

  test('a to-do\'s link opens the page where it is done', async () => {
    for (const username of ['wangcun', 'admin']) {
      const page = await dashboard(username);
      const links = page.getByTestId('todos').locator('.ant-list-item-action a');
      if (await links.count() === 0) continue;
      const href = await links.first().getAttribute('href');
      expect(href).toBeTruthy();
      await links.first().click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(href);
      await expect.poll(() => page.getByRole('heading', { name: '首页' }).count()).toBe(0);
      expect(await page.getByText('页面不存在').count()).toBe(0);
      return;
    }
    throw new Error('neither the liaison nor the office has a to-do in the demo');
  });
});
