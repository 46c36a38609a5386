import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { latinWords, logInViaApi, pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';

const app = useDemoApp();
let campaignId: string;
let current: Page | undefined;

interface Client { request: APIRequestContext; csrf: string }

async function signedIn(username: string, width = 1280): Promise<{ page: Page } & Client> {
  const { context, page } = await app.newPage(width);
  current = page;
  return { page, request: context.request, csrf: await logInViaApi(context, username) };
}

/** An API write or read as the given client; any answer but 200 or 201 fails the test. */
async function call(as: Client, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown): Promise<unknown> {
  const res = await as.request.fetch(path, { method, data, headers: { 'x-csrf-token': as.csrf } });
  if (res.status() !== 200 && res.status() !== 201) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Picks an option of an antd select, then waits until its list has closed. */
async function pick(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

const row = (within: Page | Locator, id: string) => within.locator(`tr[data-row-key="${id}"]`);

/** Both members agree on these; each gives its own 1.2, and only the second scores 6.2. */
const agreed = {
  '1.1': { deductions: [{ times: 1, reason: '安委会例会缺1次记录' }] }, '1.3': { score: 4, note: '安全投入未达年初计划' }, '2.1': { deductions: [] },
  '2.2': { passed: true }, '2.3': 10, '3.1': 10, '3.2': 5, '4.1': { passed: true }, '4.2': 10, '5.1': 10, '6.1': 10,
};

beforeAll(async () => {
  // This year's demo round goes to 考核评分; 第一考核组 (led by the demo assessor) gains a second member for 王村镇.
  const admin = await signedIn('admin');
  const list = await call(admin, 'GET', '/api/campaigns') as { items: { id: string; state: string }[] };
  campaignId = list.items.find((c) => c.state === 'selfAssessment')!.id;
  const { version } = await call(admin, 'GET', `/api/campaigns/${campaignId}`) as { version: number };
  await call(admin, 'POST', `/api/campaigns/${campaignId}/transitions`, { action: 'startAssessment', version });

  const { account } = await call(admin, 'GET', '/api/auth/session') as { account: { organisationId: string } };
  const password = 'Pingfen#2026zw';
  const created = await call(admin, 'POST', '/api/accounts', {
    username: 'zhangwei', displayName: '张伟', role: 'assessor', organisationId: account.organisationId, password,
  }) as { account: { id: string } };
  const teams = await call(admin, 'GET', `/api/campaigns/${campaignId}/teams`) as { items: { id: string; name: string; version: number; leaderId: string }[] };
  const team = teams.items.find((t) => t.name === '第一考核组')!;
  await call(admin, 'PATCH', `/api/campaigns/${campaignId}/teams/${team.id}`, { version: team.version, memberIds: [team.leaderId, created.account.id] });

  const leader = await signedIn('assessor');
  await call(leader, 'PUT', `/api/campaigns/${campaignId}/units/wangcun/scores/team`, { items: { ...agreed, '1.2': { score: 3, note: '两个村未签订责任书' } } });
  // The new member signs in with the password the office set, changes it as required, then scores.
  const { context } = await app.newPage();
  const login = await context.request.post('/api/auth/login', { data: { username: 'zhangwei', password } });
  const member: Client = { request: context.request, csrf: (await login.json() as { csrfToken: string }).csrfToken };
  await call(member, 'POST', '/api/auth/password', { currentPassword: password, newPassword: 'Pingfen#2026zw-new' });
  await call(member, 'PUT', `/api/campaigns/${campaignId}/units/wangcun/scores/team`, {
    items: { ...agreed, '1.2': { score: 4, note: '一个村未签订责任书' }, '6.2': { deductions: [{ times: 1, reason: '7月一起事故迟报' }] } },
  });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && current) await screenshot(current, `failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('组长确认', { timeout: 240_000 }, () => {
  test('the leader takes one member’s score, enters another with its reason, and confirms', async () => {
    const { page } = await signedIn('assessor');
    await page.goto(`/campaigns/${campaignId}/scoring/wangcun`);
    await page.getByRole('heading', { name: '考核评分：王村镇政府' }).waitFor();
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('尚未确认');
    await page.getByRole('tab', { name: '组长确认' }).click();
    // The leader's own scores stay in the other tab; everything below is in the 组长确认 one.
    const panel = page.getByRole('tabpanel', { name: '组长确认' });

    // Each member's score by name, and their mean: 3 and 4 give 3.5; 6.2 only 张伟 scored (10 − 5).
    await expect.poll(() => panel.getByLabel('1.2 安全生产责任制与“一岗双责” 张伟评分').innerText()).toContain('4');
    expect(await panel.getByLabel('1.2 安全生产责任制与“一岗双责” 考核组成员评分').innerText()).toContain('两个村未签订责任书');
    expect(await panel.getByLabel('1.2 安全生产责任制与“一岗双责” 组员平均分').innerText()).toBe('3.5');
    expect(await panel.getByLabel('6.2 事故信息报送 组员平均分').innerText()).toBe('5');
    const totals = panel.locator('.ant-statistic');
    await expect.poll(() => totals.filter({ hasText: '考核组成员评分合计' }).innerText()).toContain('86');
    expect(await totals.filter({ hasText: '张伟评分合计' }).innerText()).toContain('92');

    // Nothing chosen where they differ: refused on the page, naming the rows.
    await page.getByRole('button', { name: '确认考核组评分' }).click();
    await expect.poll(() => row(panel, '1.2').innerText()).toContain('组员评分不一致，请选择采用的评分或由组长录入');
    expect(await row(panel, '6.2').innerText()).toContain('组员评分不一致');

    // 6.2: 张伟's score is the mean of those given, so no reason is asked.
    await pick(page, panel.getByLabel('6.2 事故信息报送 采用评分'), '采用张伟的评分');
    await expect.poll(() => row(panel, '6.2').innerText()).toContain('与平均分相同，无需理由');
    // 1.2: the leader enters 3 with its own reason; 3 is not the mean 3.5, so a reason is asked.
    await pick(page, panel.getByLabel('1.2 安全生产责任制与“一岗双责” 采用评分'), '组长录入');
    await panel.getByLabel('1.2 安全生产责任制与“一岗双责” 组长评分').fill('3');
    await panel.getByLabel('1.2 安全生产责任制与“一岗双责” 扣分理由').fill('两个村均未签订安全生产责任书');
    await expect.poll(() => totals.filter({ hasText: '按所选评分合计' }).innerText()).toContain('91');
    await page.getByRole('button', { name: '确认考核组评分' }).click();
    await expect.poll(() => row(panel, '1.2').innerText()).toContain('确认得分与组员平均分 3.5 不同，须写明理由');
    await screenshot(page, 'team-confirmation-reason');
    await panel.getByLabel('1.2 安全生产责任制与“一岗双责” 与平均分不同的理由').fill('现场核实两个村均未签订责任书');
    await page.getByRole('button', { name: '确认考核组评分' }).click();
    await page.getByText('考核组评分已确认').waitFor();

    // Confirmed: the state, the confirmed total, the chosen scores and the reason stay shown.
    await expect.poll(() => panel.getByLabel('组长确认状态').innerText()).toContain('已确认');
    await expect.poll(() => page.locator('.ant-statistic').filter({ hasText: '考核组确认合计' }).innerText()).toContain('91');
    expect(await page.locator('.ant-descriptions').innerText()).toContain('已确认');
    expect(await panel.getByLabel('1.2 安全生产责任制与“一岗双责” 与平均分不同的理由').inputValue()).toBe('现场核实两个村均未签订责任书');
    expect(await row(panel, '6.2').innerText()).toContain('采用张伟的评分');
    expect(await row(panel, '1.2').innerText()).toContain('组长录入');
    expect(await latinWords(page)).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
    await screenshot(page, 'team-confirmation-confirmed');
  });

  test('the office sees the confirmed team score as the unit’s team score', async () => {
    const { page } = await signedIn('admin');
    await page.goto(`/campaigns/${campaignId}/scoring/wangcun`);
    await page.getByRole('heading', { name: '考核评分：王村镇政府' }).waitFor();
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('已确认');
    await expect.poll(() => page.locator('.ant-statistic').filter({ hasText: '考核组评分合计' }).innerText()).toContain('91');
    expect(await page.getByLabel('6.2 事故信息报送 考核得分（扣分次数）').inputValue()).toBe('1');
    expect(await page.getByLabel('1.2 安全生产责任制与“一岗双责” 考核得分').inputValue()).toBe('3');
    expect(await latinWords(page)).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
    await screenshot(page, 'team-confirmation-office');
  });

  test('a confirmation made meanwhile is refused in Chinese and the page shows the newer one', async () => {
    const leader = await signedIn('assessor');
    const { page } = leader;
    await page.goto(`/campaigns/${campaignId}/scoring/wangcun`);
    await page.getByRole('tab', { name: '组长确认' }).click();
    const panel = page.getByRole('tabpanel', { name: '组长确认' });
    await panel.getByLabel('组长确认状态').waitFor();
    // The same leader confirms again elsewhere (version 1 → 2), taking 考核组成员's 1.2 of 3 this time.
    const scores = await call(leader, 'GET', `/api/campaigns/${campaignId}/units/wangcun/scores`) as { team: { teamId: string; confirmation: { version: number } } };
    await call(leader, 'POST', `/api/campaigns/${campaignId}/teams/${scores.team.teamId}/units/wangcun/confirmation`, {
      version: scores.team.confirmation.version,
      items: { '1.2': { input: { score: 3, note: '两个村未签订责任书' }, reason: '两个村均未签订' }, '6.2': { input: { deductions: [{ times: 1, reason: '7月一起事故迟报' }] } } },
    });
    await page.getByRole('button', { name: '确认考核组评分' }).click();
    await page.getByRole('alert').filter({ hasText: '考核组评分已被确认或修改，请刷新后重试。' }).waitFor();
    // Reloaded: 1.2 is now exactly 考核组成员's input, with the newer reason.
    await expect.poll(() => row(panel, '1.2').innerText()).toContain('采用考核组成员的评分');
    expect(await panel.getByLabel('1.2 安全生产责任制与“一岗双责” 与平均分不同的理由').inputValue()).toBe('两个村均未签订');
    expect(await latinWords(page)).toEqual([]);
    // The refused request is the one problem the browser reports.
    expect(pageProblems(page)).toEqual([expect.stringContaining('status of 409')]);
    await screenshot(page, 'team-confirmation-refused');
  });
});
