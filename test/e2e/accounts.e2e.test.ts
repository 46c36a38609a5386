import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { latinWords, logInViaApi, pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';

const app = useDemoApp();

/** Picks an option of an antd Select opened from its labelled combobox. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  // Typed into a searchable list, so the option is in view whatever the list's length; only the
  // open list counts (the one closed just before may still be fading out with the same names).
  await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option, visible: true }).first().click();
}

async function logInWithForm(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('用户与角色: an account from creation to being disabled', () => {
  const username = 'liaison-e2e';
  let initialPassword = '';
  const ownPassword = 'Beijiao#2026x';
  let adminPage: Page;

  test('the system administrator creates a liaison; the generated password is shown once', async () => {
    const { context, page } = await app.newPage(1280);
    adminPage = page;
    await logInViaApi(context, 'sysadmin');
    await page.goto('/accounts');
    await page.getByRole('heading', { name: '用户与角色' }).waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.waitFor();
    // Refused in the browser, with the server's own rules and Chinese messages.
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('请输入用户名').waitFor();
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByText('密码至少需要 10 个字符。').waitFor();
    await dialog.getByLabel('初始密码').fill('');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('北郊镇联络员');
    await choose(page, '所属组织', '周村区');
    await choose(page, '所属被考核单位', '北郊镇');
    await screenshot(page, 'accounts-create', false);
    await dialog.getByRole('button', { name: '创建' }).click();
    const shown = page.getByRole('dialog').filter({ hasText: '用户已创建' });
    await shown.waitFor();
    initialPassword = (await shown.locator('code').innerText()).trim();
    expect(initialPassword).toMatch(/^\S{14}$/);
    await screenshot(page, 'accounts-initial-password', false);
    await shown.getByRole('button', { name: '我已记下' }).click();
    await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).fill(username);
    await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).press('Enter');
    await page.getByText('共 1 个账户').waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => row.innerText()).toMatch(/liaison-e2e\s+北郊镇联络员\s+单位联络员\s+周村区\s+北郊镇\S*\s+待改密/);
    expect(pageProblems(page)).toEqual([]);
  });

  test('the new user must change the password first, then uses the app; 修改密码 from the header menu', async () => {
    const { page } = await app.newPage(1024);
    await logInWithForm(page, username, initialPassword);
    await page.getByRole('heading', { name: '请修改密码' }).waitFor();
    expect(await page.getByRole('menu').count()).toBe(0);
    await page.getByLabel('当前密码').fill(initialPassword);
    await page.getByLabel('新密码', { exact: true }).fill('alllowercase');
    await page.getByLabel('确认新密码').fill('different');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码须包含小写字母、大写字母、数字、符号中的至少三类。').waitFor();
    await page.getByText('两次输入的新密码不一致').waitFor();
    await screenshot(page, 'password-forced');
    expect(await latinWords(page, ['liaison-e'])).toEqual([]);
    await page.getByLabel('新密码', { exact: true }).fill(ownPassword);
    await page.getByLabel('确认新密码').fill(ownPassword);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码已修改').waitFor();
    await page.getByRole('button', { name: '进入系统' }).click();
    await page.getByRole('heading', { name: '首页' }).waitFor();

    // The voluntary change from the user menu: a wrong current password is the server's Chinese message.
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.getByLabel('当前密码').fill('Not-my-passw0rd');
    await dialog.getByLabel('新密码', { exact: true }).fill('Another#Pass2026');
    await dialog.getByLabel('确认新密码').fill('Another#Pass2026');
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await dialog.getByRole('alert').filter({ hasText: '当前密码不正确' }).waitFor();
    await screenshot(page, 'password-change-modal', false);
    await dialog.getByLabel('当前密码').fill(ownPassword);
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码已修改。您在其他设备上的登录已退出。').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // The session continues.
    await page.getByRole('menu').getByRole('menuitem', { name: '考核活动' }).click();
    await page.getByRole('heading', { name: '考核活动' }).waitFor();
    // The one 400 is the wrong current password above, which the browser logs.
    expect(pageProblems(page).filter((p) => !p.includes('status of 400'))).toEqual([]);
  });

  test('the administrator disables the account: its login is refused with the Chinese message', async () => {
    const page = adminPage;
    const row = page.locator('.ant-table-tbody tr.ant-table-row');
    await page.reload();
    await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).fill(username);
    await page.getByRole('searchbox', { name: '按用户名或姓名搜索' }).press('Enter');
    await expect.poll(() => row.innerText()).toContain('正常');
    await row.getByRole('button', { name: '停用' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => row.innerText()).toContain('已停用');
    await row.getByRole('button', { name: '启用' }).waitFor();
    await screenshot(page, 'accounts-disabled');

    const { page: userPage } = await app.newPage(1280);
    await logInWithForm(userPage, username, 'Another#Pass2026');
    await expect.poll(() => userPage.getByRole('alert').innerText()).toMatch(/账户已停用[\s\S]*该账户已停用，不能登录/);
    await screenshot(userPage, 'login-disabled');
  });
});

describe('用户与角色 at 1280 px and 1024 px', () => {
  for (const width of [1280, 1024]) {
    test(`the system administrator's page at ${width} px: Chinese only, nothing wider than the window`, async () => {
      const { context, page } = await app.newPage(width);
      await logInViaApi(context, 'sysadmin');
      await page.goto('/accounts');
      await page.getByText(/共 \d+ 个账户/).waitFor();
      await page.getByRole('button', { name: '新建用户' }).waitFor();
      await page.waitForLoadState('networkidle');
      const usernames = ['admin', 'leader', 'assessor', 'wangcun', 'sysadmin', 'liaison-e'];
      expect(await latinWords(page, usernames)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'accounts-manage');
    });
  }
});
