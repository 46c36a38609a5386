import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { fillDay, latinWords, logInViaApi, pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';

const app = useDemoApp();
let campaignId: string;
let year: number;
let current: Page | undefined;
const accounts: Record<string, string> = {};

interface Client { request: APIRequestContext; csrf: string }
interface Team { id: string; name: string; version: number; leaderId: string | null; members: { accountId: string }[] }

async function signedIn(username: string, width = 1280): Promise<{ page: Page } & Client> {
  const { context, page } = await app.newPage(width);
  current = page;
  return { page, request: context.request, csrf: await logInViaApi(context, username) };
}

/** An API call as the given client; any answer but 200 or 201 fails the test. */
async function call(as: Client, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<unknown> {
  const res = await as.request.fetch(path, { method, data, headers: { 'x-csrf-token': as.csrf } });
  if (res.status() !== 200 && res.status() !== 201) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

const teamsOf = async (as: Client, id = campaignId) => ((await call(as, 'GET', `/api/campaigns/${id}/teams`)) as { items: Team[] }).items;

/** Picks the named people in an antd multiple select, typing each to search, then closes its list. */
async function pickMany(page: Page, select: Locator, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await select.click();
    await page.keyboard.type(name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).click();
  }
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

async function pickOne(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

async function teamsPage(username: string, width = 1280, id = campaignId): Promise<{ page: Page } & Client> {
  const client = await signedIn(username, width);
  await client.page.goto(`/campaigns/${id}/teams`);
  await client.page.getByRole('heading', { name: '考核组', exact: true }).waitFor();
  return client;
}

const unassigned = async (page: Page) => {
  const text = await page.getByLabel('未分配考核组的单位').locator('.ant-statistic-content').innerText();
  return Number(text.replace(/\D/g, ''));
};
const teamRow = (page: Page, name: string) => page.locator('tr.ant-table-row', { has: page.getByRole('cell', { name, exact: true }) });

async function looked(page: Page, name: string, fullPage = true) {
  // Settled: nothing loading, no dialog or list still opening or closing.
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur, [class*="-enter-active"], [class*="-appear-active"], .ant-picker-dropdown:visible, .ant-select-dropdown:visible').count()).toBe(0);
  // A table that has just loaded fades back in (a CSS transition, no class to wait for).
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('.ant-spin-container')].every((e) => getComputedStyle(e).opacity === '1'))).toBe(true);
  await screenshot(page, name, fullPage);
  expect(await latinWords(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  // This year's demo round is in 单位自评; the district gains four 考核组成员 accounts.
  const admin = await signedIn('admin');
  const list = await call(admin, 'GET', '/api/campaigns') as { items: { id: string; state: string; year: number }[] };
  const round = list.items.find((c) => c.state === 'selfAssessment')!;
  campaignId = round.id;
  year = round.year;
  const { account } = await call(admin, 'GET', '/api/auth/session') as { account: { organisationId: string } };
  for (const [username, displayName] of [['liming', '李明'], ['wangfang', '王芳'], ['zhaoqiang', '赵强'], ['sunli', '孙丽']]) {
    const created = await call(admin, 'POST', '/api/accounts', {
      username, displayName, role: 'assessor', organisationId: account.organisationId, password: 'Kaohe#2026-zu',
    }) as { account: { id: string } };
    accounts[displayName!] = created.account.id;
  }
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && current) await screenshot(current, `failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`).catch(() => undefined);
});

describe('考核组', { timeout: 240_000 }, () => {
  test('the office forms a team with a leader and two members, assigns its units, edits it, and a stale edit is refused', async () => {
    const { page, ...admin } = await teamsPage('admin');
    await teamRow(page, '第一考核组').waitFor();
    const before = await unassigned(page);
    expect(before).toBeGreaterThan(2);
    // The demo's 第二 and 第三考核组 have units but nobody yet.
    expect(await page.getByLabel('第二考核组组长提示').innerText()).toBe('尚未配备组员和组长');

    await page.getByRole('button', { name: '组建考核组' }).click();
    const dialog = page.getByRole('dialog', { name: '组建考核组' });
    await dialog.getByLabel('考核组名称').fill('第四考核组');
    await pickMany(page, dialog.getByLabel('组员'), ['李明', '王芳', '赵强']);
    // Members without a leader: refused on the form, as the server would.
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('考核组有组员时须指定组长').waitFor();
    await pickOne(page, dialog.getByLabel('组长'), '李明');
    await looked(page, 'teams-create', false);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = teamRow(page, '第四考核组');
    await expect.poll(() => row.innerText()).toContain('李明（组长）');
    expect(await row.innerText()).toContain('王芳');
    expect(await row.innerText()).toContain('赵强');
    expect(await row.innerText()).toContain('未分配');

    // Units: one of another team is marked with that team and cannot be taken.
    await row.getByRole('button', { name: '分配第四考核组的负责单位' }).click();
    const units = page.getByRole('dialog', { name: '分配负责单位：第四考核组' });
    const item = (name: string) => units.locator('li', { hasText: name });
    await expect.poll(() => item('王村镇政府').innerText()).toContain('（第一考核组）');
    expect(await item('王村镇政府').getAttribute('class')).toContain('disabled');
    for (const name of ['周村交警大队', '周村消防大队']) await item(name).click();
    await units.getByRole('button', { name: '分配到本组' }).click();
    await looked(page, 'teams-units', false);
    await units.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => units.count()).toBe(0);
    await expect.poll(() => row.getByLabel('第四考核组负责单位').innerText()).toBe('2 个：周村交警大队、周村消防大队');
    await expect.poll(() => unassigned(page)).toBe(before - 2);

    // Edit: 赵强 leaves the team, and it is renamed.
    await row.getByRole('button', { name: '修改第四考核组' }).click();
    let edit = page.getByRole('dialog', { name: '修改考核组：第四考核组' });
    await edit.locator('.ant-select-selection-item', { hasText: '赵强' }).locator('.ant-select-selection-item-remove').click();
    await edit.getByLabel('考核组名称').fill('第四考核组（交通消防）');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => edit.count()).toBe(0);
    const renamed = teamRow(page, '第四考核组（交通消防）');
    await expect.poll(() => renamed.innerText()).not.toContain('赵强');
    expect(await renamed.innerText()).toContain('王芳');
    await looked(page, 'teams-list');

    // Someone else changes the team while the form is open: the save is refused in the server's words.
    await renamed.getByRole('button', { name: '修改第四考核组（交通消防）' }).click();
    edit = page.getByRole('dialog', { name: '修改考核组：第四考核组（交通消防）' });
    await edit.getByLabel('考核组名称').fill('第四考核组（已改）');
    const team = (await teamsOf(admin)).find((t) => t.name === '第四考核组（交通消防）')!;
    await call(admin, 'PATCH', `/api/campaigns/${campaignId}/teams/${team.id}`, { version: team.version, memberIds: [...team.members.map((m) => m.accountId), accounts['赵强']] });
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.getByRole('alert').filter({ hasText: '该考核组已被他人修改，请刷新后重试。' }).waitFor();
    await looked(page, 'teams-stale', false);
    await edit.getByRole('button', { name: '取消' }).click();
    // The list now shows the other change, and the refused name was not saved.
    await expect.poll(() => renamed.innerText()).toContain('赵强');
    expect(await teamRow(page, '第四考核组（已改）').count()).toBe(0);

    // The same for the units: 赵强 leaves again while the dialog is open, and the assignment is refused.
    await renamed.getByRole('button', { name: '分配第四考核组（交通消防）的负责单位' }).click();
    const staleUnits = page.getByRole('dialog', { name: '分配负责单位：第四考核组（交通消防）' });
    await staleUnits.locator('li', { hasText: '周村交警大队' }).click();
    await staleUnits.getByRole('button', { name: '移出本组' }).click();
    const changed = (await teamsOf(admin)).find((t) => t.name === '第四考核组（交通消防）')!;
    await call(admin, 'PATCH', `/api/campaigns/${campaignId}/teams/${changed.id}`, {
      version: changed.version, memberIds: changed.members.map((m) => m.accountId).filter((id) => id !== accounts['赵强']),
    });
    await staleUnits.getByRole('button', { name: '保存' }).click();
    await staleUnits.getByRole('alert').filter({ hasText: '该考核组已被他人修改，请刷新后重试。' }).waitFor();
    await staleUnits.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => renamed.innerText()).not.toContain('赵强');
    expect(await renamed.getByLabel('第四考核组（交通消防）负责单位').innerText()).toBe('2 个：周村交警大队、周村消防大队');
    expect(pageProblems(page)).toEqual([expect.stringContaining('status of 409'), expect.stringContaining('status of 409')]);
  });

  test('the office dissolves a team after confirming, and its units return to the unassigned', async () => {
    const { page } = await teamsPage('admin');
    await teamRow(page, '第三考核组').waitFor();
    const before = await unassigned(page);
    await teamRow(page, '第三考核组').getByRole('button', { name: '撤销第三考核组' }).click();
    await page.getByRole('tooltip').getByText('撤销第三考核组？').waitFor();
    await screenshot(page, 'teams-delete-confirm', false);
    await page.getByRole('tooltip').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => teamRow(page, '第三考核组').count()).toBe(0);
    await expect.poll(() => unassigned(page)).toBe(before + 7);
    expect(pageProblems(page)).toEqual([]);
  });

  test('the office edits the campaign\'s dates on its 基本信息 card; an out-of-order date is refused', async () => {
    const { page } = await signedIn('admin');
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByRole('button', { name: '修改日期' }).click();
    const form = page.getByRole('form', { name: '修改考核活动日期' });
    // In 单位自评 the agreement deadline is history.
    expect(await form.getByLabel('责任书签订截止日期').isDisabled()).toBe(true);
    expect(await form.getByText('该阶段已结束，不能再修改').count()).toBe(1);
    await fillDay(form.getByLabel('考核评分截止日期'), `${year}-12-01`);
    await form.getByRole('button', { name: '保存日期' }).click();
    await form.getByRole('alert').filter({ hasText: `考核评分截止日期（${year}-12-01）不能早于单位自评截止日期（${year}-12-15）` }).waitFor();
    await looked(page, 'campaign-dates-refused');
    await fillDay(form.getByLabel('考核评分截止日期'), `${year + 1}-01-10`);
    await form.getByLabel('计划公示天数').fill('7');
    await form.getByRole('button', { name: '保存日期' }).click();
    await expect.poll(() => form.count()).toBe(0);
    const info = page.locator('.ant-descriptions');
    await expect.poll(() => info.innerText()).toContain(`${year + 1}-01-10`);
    expect(await info.innerText()).toContain('7 天');
    await looked(page, 'campaign-dates-saved');
    expect(pageProblems(page)).toEqual([expect.stringContaining('status of 400')]);
  });

  test('a leaderless team copied into next year is flagged and its to-do leads to the teams page', async () => {
    const admin = await signedIn('admin');
    // 第五考核组 is led by 孙丽, whose account is disabled before the round is copied.
    await call(admin, 'POST', `/api/campaigns/${campaignId}/teams`, { name: '第五考核组', leaderId: accounts['孙丽'], memberIds: [accounts['赵强']], unitIds: ['guotu'] });
    const sunli = await call(admin, 'GET', `/api/accounts?q=sunli`) as { items: { id: string; version: number }[] };
    await call(admin, 'POST', `/api/accounts/${accounts['孙丽']}/disable`, { version: sunli.items[0]!.version });
    const copy = await call(admin, 'POST', `/api/campaigns/${campaignId}/copy`, { year: year + 1 }) as { id: string; name: string };

    const { page } = admin;
    await page.goto('/');
    const todo = page.getByTestId('todos').locator('.ant-list-item', { hasText: /为.*第五考核组指定组长/ }).filter({ hasText: copy.name });
    await todo.getByRole('link', { name: '去指定' }).click();
    await page.getByRole('heading', { name: '考核组', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/campaigns/${copy.id}/teams`);
    await expect.poll(() => page.getByLabel('第五考核组组长提示').innerText()).toBe('未指定组长：组员评分无法确认为考核组评分');
    await page.getByRole('alert').filter({ hasText: '第五考核组没有可用的组长' }).waitFor();
    await looked(page, 'teams-leaderless');
    // This year's 第五考核组 keeps 孙丽 as leader, marked as disabled.
    await page.goto(`/campaigns/${campaignId}/teams`);
    await expect.poll(() => page.getByLabel('第五考核组组长提示').innerText()).toContain('组长账号已停用');
    expect(pageProblems(page)).toEqual([]);
  });

  test('at 1024 px the office\'s page, forms and the dates card fit', async () => {
    const { page } = await teamsPage('admin', 1024);
    await teamRow(page, '第一考核组').waitFor();
    await looked(page, 'teams-list');
    await teamRow(page, '第一考核组').getByRole('button', { name: '分配第一考核组的负责单位' }).click();
    await page.getByRole('dialog', { name: '分配负责单位：第一考核组' }).locator('li', { hasText: '王村镇政府' }).waitFor();
    await looked(page, 'teams-units', false);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await teamRow(page, '第一考核组').getByRole('button', { name: '修改第一考核组' }).click();
    await page.getByRole('dialog', { name: '修改考核组：第一考核组' }).getByLabel('组长').waitFor();
    await looked(page, 'teams-edit', false);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByRole('button', { name: '修改日期' }).click();
    await page.getByRole('form', { name: '修改考核活动日期' }).getByLabel('单位自评截止日期').waitFor();
    await looked(page, 'campaign-dates-form');
    expect(pageProblems(page)).toEqual([]);
  });

  test('leaders read the teams; a liaison neither sees the button nor reaches the page', async () => {
    const { page } = await teamsPage('leader');
    await teamRow(page, '第一考核组').waitFor();
    expect(await page.getByRole('button', { name: '组建考核组' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '修改第一考核组' }).count()).toBe(0);
    await looked(page, 'teams-leader');
    expect(pageProblems(page)).toEqual([]);

    const liaison = await signedIn('wangcun');
    await liaison.page.goto(`/campaigns/${campaignId}`);
    await liaison.page.getByRole('button', { name: '责任书' }).waitFor();
    expect(await liaison.page.getByRole('button', { name: '考核组' }).count()).toBe(0);
    expect(await liaison.page.getByRole('button', { name: '修改日期' }).count()).toBe(0);
    await liaison.page.goto(`/campaigns/${campaignId}/teams`);
    await liaison.page.getByText('无权查看考核组').waitFor();
    expect(await liaison.page.locator('table').count()).toBe(0);
    await looked(liaison.page, 'teams-liaison');
    expect(pageProblems(liaison.page)).toEqual([]);
  });
});
