import type { APIRequestContext, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { samples } from '../support/multipart';
import { latinWords, logInViaApi, openedDialog, pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';

const app = useDemoApp();
let campaignId: string;
/** The page a test is on, shown in a screenshot when the test fails. */
let current: Page | undefined;

/** Signs in through the API in a fresh context at the given width; the token is for API writes. */
async function signedIn(username: string, width = 1280): Promise<{ page: Page; request: APIRequestContext; csrf: string }> {
  const { context, page } = await app.newPage(width);
  current = page;
  return { page, request: context.request, csrf: await logInViaApi(context, username) };
}

let admin: { request: APIRequestContext; csrf: string };

/** The office's own steps, through the API. */
async function asAdmin(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<unknown> {
  const res = await admin.request.fetch(path, { method, data, headers: { 'x-csrf-token': admin.csrf } });
  if (res.status() !== 200) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** The row of one criterion in the criteria table. */
const row = (page: Page, id: string) => page.locator(`tr[data-row-key="${id}"]`);

beforeAll(async () => {
  // This year's demo round: self-assessment open, 王村镇 has submitted (the office returns it in the first test).
  admin = await signedIn('admin');
  const list = await asAdmin('GET', '/api/campaigns') as { items: { id: string; state: string }[] };
  campaignId = list.items.find((c) => c.state === 'selfAssessment')!.id;
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && current) await screenshot(current, `failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('自评 and 考核评分', { timeout: 240_000 }, () => {
  test('the office returns a submitted self-assessment: the reason is required, and a refusal shows the stored state in the server’s words', async () => {
    const { page } = await signedIn('admin');
    await page.goto(`/campaigns/${campaignId}/self-assessment/wangcun`);
    await page.getByRole('heading', { name: '自评：王村镇政府' }).waitFor();
    await page.getByRole('button', { name: '退回自评' }).click();
    const dialog = await openedDialog(page, '退回自评');
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.getByText('请填写退回原因').waitFor();
    await dialog.getByLabel('退回原因').fill('第1.1项自评说明不全，请补充（另行填写）');
    // A colleague returns it first, with the reason the unit is to see.
    await asAdmin('POST', `/api/campaigns/${campaignId}/units/wangcun/self-assessment`, { action: 'return', reason: '第1.1项自评说明不全，请补充' });
    await dialog.getByRole('button', { name: '退回' }).click();
    // The page reloads what is stored: returned, with the colleague's reason, and nothing left to return.
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '不能退回自评' }).count()).toBe(1);
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('已退回');
    await page.getByTestId('return-reason').filter({ hasText: '退回原因：第1.1项自评说明不全，请补充（' }).waitFor();
    expect(await page.getByRole('button', { name: '退回自评' }).count()).toBe(0);
    await screenshot(page, 'self-assessment-return-refused', false);
    expect(await latinWords(page)).toEqual([]);
    // The refusal is the only failed request; the empty reason sent nothing and left nothing uncaught.
    expect(pageProblems(page)).toEqual([expect.stringContaining('status of 409')]);
  });

  test('the liaison’s evidence upload, refused because the self-assessment was submitted in another window, shows the stored locked state', async () => {
    const { page, request, csrf } = await signedIn('wangcun');
    await page.goto(`/campaigns/${campaignId}/self-assessment/wangcun`);
    await page.getByText('安委办已退回自评').waitFor();
    const total = page.locator('.ant-statistic').filter({ hasText: '自评合计' });
    await expect.poll(() => total.innerText()).toContain('95');
    await page.getByLabel('1.2 安全生产责任制与“一岗双责” 自评得分').fill('3');
    await expect.poll(() => total.innerText()).not.toContain('95');
    // The same liaison submits it from another window of the same session.
    const submitted = await request.post(`/api/campaigns/${campaignId}/units/wangcun/self-assessment`, { data: { action: 'submit' }, headers: { 'x-csrf-token': csrf } });
    expect(submitted.status()).toBe(200);
    await row(page, '1.2').locator('input[type=file]').setInputFiles({ name: '责任书签订情况.png', mimeType: 'image/png', buffer: samples.png });
    // The server's words (“…锁定，如需修改…”, not the page's own “…锁定，不能再修改…”).
    await page.getByRole('alert').filter({ hasText: '自评已提交并锁定，如需修改请联系安委办退回。' }).waitFor();
    // The page now shows what is stored: submitted and locked, the unsaved 3 gone, the stored total back.
    await page.getByText('自评已提交并锁定，不能再修改').waitFor();
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('已提交');
    expect(await page.getByRole('spinbutton').count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
    await expect.poll(() => total.innerText()).toContain('95');
    expect(await latinWords(page)).toEqual([]);
    expect(pageProblems(page)).toEqual([expect.stringContaining('status of 409')]);
    expect(await page.getByRole('button', { name: /上传自评佐证材料/ }).count()).toBe(0);
    await screenshot(page, 'self-assessment-upload-refused', false);
    // The office returns it again for the unit to go on.
    await asAdmin('POST', `/api/campaigns/${campaignId}/units/wangcun/self-assessment`, { action: 'return', reason: '第1.1项自评说明不全，请补充' });
  });

  test('the liaison changes two items, sees the total, submits, and can edit no more', async () => {
    const { page } = await signedIn('wangcun');
    await page.goto('/');
    await page.getByRole('menu').getByRole('menuitem', { name: '自评' }).click();
    await page.getByRole('heading', { name: '自评：王村镇政府' }).waitFor();
    expect(page.url()).toContain(`/campaigns/${campaignId}/self-assessment/wangcun`);
    await page.getByText('安委办已退回自评').waitFor();
    await page.getByText('退回原因：第1.1项自评说明不全，请补充').waitFor();
    // The demo's self-assessment totals 95 (1.1 and 2.1 each lose one deduction).
    const total = page.locator('.ant-statistic').filter({ hasText: '自评合计' });
    await expect.poll(() => total.innerText()).toContain('95');

    await page.getByLabel('1.2 安全生产责任制与“一岗双责” 自评得分').fill('3');
    await page.getByLabel('1.2 安全生产责任制与“一岗双责” 自评说明').fill('两个村未签订责任书');
    await page.getByLabel('6.2 事故信息报送 自评得分（扣分次数）').fill('1');
    await expect.poll(() => total.innerText()).toContain('89');
    // A deduction without its reason is refused in the form, before any request.
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => row(page, '6.2').innerText()).toContain('扣分须写明扣分理由');
    await page.getByLabel('6.2 事故信息报送 自评说明').fill('7月一起事故迟报');
    await expect.poll(() => row(page, '1').innerText()).toContain('小计 11');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('自评已保存').waitFor();
    // Evidence for an item: uploaded as a file of the unit and attached to the item's self score.
    await row(page, '1.2').locator('input[type=file]').setInputFiles({ name: '责任书签订情况.png', mimeType: 'image/png', buffer: samples.png });
    await page.getByText('已上传“责任书签订情况.png”').waitFor();
    await expect.poll(() => page.getByLabel('1.2 安全生产责任制与“一岗双责” 自评佐证材料').innerText()).toContain('责任书签订情况.png');
    await screenshot(page, 'self-assessment-editing');

    await page.getByRole('button', { name: '提交自评' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('提交后自评即锁定').waitFor();
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('自评已提交并锁定').waitFor();
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('已提交');
    expect(await page.getByRole('spinbutton').count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
    expect(await row(page, '1.2').innerText()).toContain('两个村未签订责任书');
    await expect.poll(() => total.innerText()).toContain('89');
    expect(await latinWords(page, ['png'])).toEqual([]); // the evidence file's own name
    expect(pageProblems(page)).toEqual([]);
    await screenshot(page, 'self-assessment-submitted');

    const narrow = (await signedIn('wangcun', 1024)).page;
    await narrow.goto(`/campaigns/${campaignId}/self-assessment/wangcun`);
    await narrow.getByText('自评已提交并锁定').waitFor();
    await screenshot(narrow, 'self-assessment-submitted');
  });

  test('an assessor scores an assigned unit with a deduction reason, the self score beside', async () => {
    const { version } = await asAdmin('GET', `/api/campaigns/${campaignId}`) as { version: number };
    await asAdmin('POST', `/api/campaigns/${campaignId}/transitions`, { action: 'startAssessment', version });
    // Another member of the team has scored every item but two.
    await asAdmin('PUT', `/api/campaigns/${campaignId}/units/wangcun/scores/team`, {
      items: {
        '1.1': { deductions: [{ times: 1, reason: '安委会例会缺1次记录' }] }, '1.3': { score: 4, note: '安全投入未达年初计划' }, '2.1': { deductions: [] }, '2.2': { passed: true },
        '2.3': 10, '3.1': 10, '3.2': 5, '4.1': { passed: true }, '4.2': 10, '5.1': 10, '6.1': 10,
      },
    });

    const { page } = await signedIn('assessor');
    await page.goto('/');
    await page.getByRole('menu').getByRole('menuitem', { name: '考核评分' }).click();
    await page.getByRole('heading', { name: /^考核评分：/ }).waitFor();
    await page.getByRole('link', { name: '为王村镇政府评分' }).waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(3);
    await screenshot(page, 'scoring-list');
    await page.getByRole('link', { name: '为王村镇政府评分' }).click();
    await page.getByRole('heading', { name: '考核评分：王村镇政府' }).waitFor();

    // The unit's own score and description beside the team's.
    await expect.poll(() => page.getByLabel('1.2 安全生产责任制与“一岗双责” 单位自评').innerText()).toContain('3');
    expect(await page.getByLabel('1.2 安全生产责任制与“一岗双责” 单位自评').innerText()).toContain('两个村未签订责任书');
    expect(await page.getByLabel('6.2 事故信息报送 单位自评').innerText()).toContain('扣 1 次');
    expect(await page.getByLabel('1.2 安全生产责任制与“一岗双责” 自评佐证材料').innerText()).toContain('责任书签订情况.png');

    await page.getByLabel('1.2 安全生产责任制与“一岗双责” 考核得分').fill('3.5');
    await page.getByLabel('6.2 事故信息报送 考核得分（扣分次数）').fill('0');
    await page.getByRole('button', { name: '保存评分' }).click();
    await expect.poll(() => row(page, '1.2').innerText()).toContain('扣分须写明扣分理由');
    await page.getByLabel('1.2 安全生产责任制与“一岗双责” 扣分理由').fill('一个村未签订责任书，另一村已于年中补签');
    await page.getByRole('button', { name: '保存评分' }).click();
    await page.getByText('考核评分已保存').waitFor();
    const teamTotal = page.locator('.ant-statistic').filter({ hasText: '考核组评分合计' });
    await expect.poll(() => teamTotal.innerText()).toContain('96.5');
    await expect.poll(() => page.locator('.ant-statistic').filter({ hasText: '考核组已评' }).innerText()).toContain('13');
    expect(await latinWords(page, ['png'])).toEqual([]); // the evidence file's own name
    expect(pageProblems(page)).toEqual([]);
    await screenshot(page, 'scoring-unit');

    const narrow = (await signedIn('assessor', 1024)).page;
    await narrow.goto(`/campaigns/${campaignId}/scoring/wangcun`);
    await narrow.getByLabel('1.2 安全生产责任制与“一岗双责” 扣分理由').waitFor();
    await screenshot(narrow, 'scoring-unit');
  });

  test('the liaison sees the team scores with their reasons and confirms them', async () => {
    const { page } = await signedIn('wangcun');
    await page.goto(`/campaigns/${campaignId}/self-assessment/wangcun`);
    await page.getByRole('link', { name: '查看考核组评分' }).click();
    await page.getByRole('heading', { name: '考核评分：王村镇政府' }).waitFor();
    await expect.poll(() => page.getByLabel('1.2 安全生产责任制与“一岗双责” 考核组评分').innerText()).toContain('一个村未签订责任书');
    expect(await page.getByRole('spinbutton').count()).toBe(0);
    await page.getByText('单位尚未确认考核组评分').waitFor();
    // A disagreement needs its reason: the form says so and sends nothing.
    await page.getByRole('button', { name: '提出异议' }).click();
    const disagree = await openedDialog(page, '对考核组评分提出异议');
    await disagree.getByRole('button', { name: '提交异议' }).click();
    await disagree.getByText('请写明异议理由').waitFor();
    await disagree.getByRole('button', { name: '取消' }).click();
    await disagree.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '确认评分' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByText('已确认考核组评分').waitFor();
    await expect.poll(() => page.getByLabel('单位确认状态').innerText()).toContain('已确认');
    expect(await latinWords(page, ['png'])).toEqual([]); // the evidence file's own name
    expect(pageProblems(page)).toEqual([]);
    await screenshot(page, 'scoring-confirmed');

    const narrow = (await signedIn('wangcun', 1024)).page;
    await narrow.goto(`/campaigns/${campaignId}/scoring/wangcun`);
    await expect.poll(() => narrow.getByLabel('单位确认状态').innerText()).toContain('已确认');
    await screenshot(narrow, 'scoring-confirmed');
  });
});
