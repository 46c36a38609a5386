import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoScanPng } from '../../src/server/demo/seed-agreements';
import { latinWords, logInViaApi, pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';

const app = useDemoApp();

async function signedIn(username: string, path: string, width = 1280): Promise<Page> {
  const { context, page } = await app.newPage(width);
  await logInViaApi(context, username);
  await page.goto(path);
  return page;
}

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton').count()).toBe(0);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const today = new Date().toISOString().slice(0, 10);

describe('责任书', { timeout: 240_000 }, () => {
  test('the demo round lists the units not yet signed; a signed agreement shows its scanned page', async () => {
    for (const width of [1280, 1024]) {
      const page = await signedIn('admin', '/agreements', width);
      await page.getByRole('heading', { name: /^责任书/ }).waitFor();
      await settled(page);
      await expect.poll(() => page.getByText('尚有 3 个单位未签订责任书').count()).toBe(1);
      await page.getByText(/南郊镇政府（已下达）/).waitFor();
      await page.getByRole('button', { name: '打开王村镇政府的责任书' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByRole('img', { name: /签订文本扫描件/ }).waitFor();
      await expect.poll(() => drawer.getByRole('img', { name: /签订文本扫描件/ }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      // The uploaded file's own name keeps its extension.
      expect(await latinWords(page, ['png'])).toEqual([]);
      await screenshot(page, 'agreements-signed', false);
      await page.getByRole('button', { name: '关闭' }).click();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'agreements-list');
      expect(pageProblems(page)).toEqual([]);
      await page.context().close();
    }
  });

  test('the office drafts, edits and issues; the liaison records the signing with a scanned copy; the DOCX downloads', async () => {
    // Next year's round, copied from this year's, with signing open and no agreements yet.
    const { context: setup } = await app.newPage();
    await logInViaApi(setup, 'admin');
    const csrf = (await (await setup.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const campaigns = (await (await setup.request.get('/api/campaigns')).json()) as { items: { id: string; year: number; state: string }[] };
    const current = campaigns.items.find((c) => c.state !== 'published')!;
    const copy = await setup.request.post(`/api/campaigns/${current.id}/copy`, { data: { year: current.year + 1 }, headers: { 'x-csrf-token': csrf.csrfToken } });
    expect(copy.status()).toBe(201);
    const next = (await copy.json()) as { id: string; version: number };
    const opened = await setup.request.post(`/api/campaigns/${next.id}/transitions`, { data: { action: 'openSigning', version: next.version }, headers: { 'x-csrf-token': csrf.csrfToken } });
    expect(opened.status()).toBe(200);
    await setup.close();

    const page = await signedIn('admin', `/campaigns/${next.id}`);
    await settled(page);
    await page.getByRole('button', { name: '责任书', exact: true }).click();
    await page.getByRole('heading', { name: /^责任书/ }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: '为未起草的单位起草责任书' }).click();
    await page.getByText(/已起草 \d+ 份责任书/).waitFor();
    await page.getByRole('button', { name: '打开王村镇政府的责任书' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('textbox', { name: '责任目标第 1 条' }).waitFor();
    // A blank target is refused in the form with the server's own rule.
    await drawer.getByRole('textbox', { name: '责任目标第 1 条' }).fill('');
    await drawer.getByRole('button', { name: '保存责任书' }).click();
    await drawer.getByText('请填写责任目标').waitFor();
    await drawer.getByRole('textbox', { name: '责任目标第 1 条' }).fill('杜绝较大及以上生产安全事故，死亡人数控制在 2 人以内');
    await drawer.getByLabel('政府方签订人').fill('王区长');
    await drawer.getByRole('button', { name: '保存责任书' }).click();
    await page.getByText('责任书已保存').waitFor();
    await screenshot(page, 'agreements-editor', false);
    await drawer.getByRole('button', { name: '下达责任书' }).click();
    await drawer.getByText('已下达', { exact: true }).first().waitFor();
    expect(await latinWords(page)).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();

    for (const width of [1280, 1024]) {
      const liaison = await signedIn('wangcun', '/agreements', width);
      await liaison.getByRole('heading', { name: `责任书（${current.year + 1}年度）` }).waitFor();
      await settled(liaison);
      // The liaison sees its own unit only.
      await expect.poll(() => liaison.locator('.ant-table-row').count()).toBe(1);
      await liaison.getByRole('button', { name: '打开王村镇政府的责任书' }).click();
      const d = liaison.getByRole('dialog');
      if (width === 1280) {
        await d.getByRole('button', { name: '登记签订' }).click();
        await d.getByLabel('签订日期').click();
        await d.getByLabel('签订日期').fill(today);
        await d.getByLabel('签订日期').press('Enter');
        await d.getByLabel('单位主要负责人').fill('李建国');
        await d.getByLabel('单位分管负责人').fill('张明');
        await d.locator('input[type=file]').setInputFiles({ name: '王村镇责任书签字页.png', mimeType: 'image/png', buffer: demoScanPng(3) });
        await d.getByRole('img', { name: /签订文本扫描件/ }).waitFor();
        await screenshot(liaison, 'agreements-sign-form', false);
        await d.getByRole('button', { name: '确认登记签订' }).click();
        await liaison.getByText('已登记签订').waitFor();
      }
      await d.getByText('已签订', { exact: true }).first().waitFor();
      await d.getByText('李建国').waitFor();
      await expect.poll(() => d.getByRole('img', { name: /签订文本扫描件/ }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      const download = liaison.waitForEvent('download');
      await d.getByRole('button', { name: '下载责任书' }).click();
      expect((await download).suggestedFilename()).toBe(`${current.year + 1}年度安全生产目标管理责任书（王村镇政府）.docx`);
      expect(await latinWords(liaison, ['png'])).toEqual([]);
      await screenshot(liaison, 'agreements-liaison', false);
      expect(pageProblems(liaison)).toEqual([]);
      await liaison.context().close();
    }
  });
});
