import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { latinWords, logInViaApi, pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';

const app = useDemoApp();

async function signedIn(username: string, path: string, width = 1280): Promise<Page> {
  const { context, page } = await app.newPage(width);
  await logInViaApi(context, username);
  await page.goto(path);
  return page;
}

function menu(page: Page) {
  return page.getByRole('menu');
}

async function menuEntries(page: Page): Promise<string[]> {
  await menu(page).getByRole('menuitem').first().waitFor();
  return (await menu(page).getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
}

describe('登录', () => {
  test('a wrong password shows the server message; the right one opens the dashboard', async () => {
    const { page } = await app.newPage();
    await page.goto('/organisation');
    await expect.poll(() => page.url()).toContain('/login?next=%2Forganisation');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('用户名或密码不正确。');
    await screenshot(page, 'login-failed');
    await page.getByLabel('密码').fill('Zhoucun@2014');
    await page.getByRole('button', { name: '登录' }).click();
    // Back to the page asked for before logging in.
    await page.getByRole('heading', { name: '单位与组织' }).waitFor();
    expect(page.url()).toMatch(/\/organisation$/);
    expect(pageProblems(page)).toEqual([]);
  });

  test('an empty form is refused in the browser with Chinese messages', async () => {
    const { page } = await app.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请输入用户名').waitFor();
    await page.getByText('请输入密码').waitFor();
  });

  test('five wrong passwords lock the account and the form says for how long', async () => {
    const { page } = await app.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('sysadmin');
    for (let i = 0; i < 5; i += 1) {
      await page.getByLabel('密码').fill(`wrong-${i}`);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        page.getByRole('button', { name: '登录' }).click(),
      ]);
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('用户名或密码不正确。');
    }
    await page.getByLabel('密码').fill('Zhoucun@2014');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/账户已锁定[\s\S]*请 1[45] 分钟后再试/);
    await screenshot(page, 'login-locked');
  });

  test('an idle session expires: the next request sends the user to the login page with the reason', async () => {
    const { context, page } = await app.newPage();
    await logInViaApi(context, 'admin');
    // When the page last heard from the API: the server reuses a session it looked up within
    // ANKE_SESSION_CACHE_MS (1000 by default) for reads, so the expiry is seen only after that.
    let lastAnswer = Date.now();
    page.on('response', (res) => { if (new URL(res.url()).pathname.startsWith('/api/')) lastAnswer = Date.now(); });
    await page.goto('/');
    await page.getByRole('heading', { name: '首页' }).waitFor();
    // The dashboard's own requests finish first, so the click below is the next request.
    await expect.poll(() => page.locator('.ant-skeleton').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    // Forty idle minutes pass for this session (the limit is 30).
    const db = new Database(join(app.server.dataDir, 'anke.db'));
    try {
      const longAgo = new Date(Date.now() - 40 * 60_000).toISOString();
      expect(db.prepare('UPDATE session SET last_seen_at = ?').run(longAgo).changes).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    await expect.poll(() => Date.now() - lastAnswer, { timeout: 5_000 }).toBeGreaterThan(1_000);
    await menu(page).getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('登录已过期');
    await screenshot(page, 'login-expired');
  });

  test('退出登录 ends the session', async () => {
    const page = await signedIn('leader', '/');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.goto('/audit');
    await expect.poll(() => page.url()).toContain('/login');
  });
});

describe('menu by role', () => {
  test.each([
    // 监管台账 (隐患台账, 企业档案, 执法措施, 举报受理, 检查台账, 培训持证, 专项行动, 专家库) for every role that
    // reads them: the office and leaders their tree, assessors their assigned units' (never tips, inspections or
    // special campaigns), a liaison its own unit's; the expert pool for the office alone.
    ['admin', ['首页', '单位与组织', '考核活动', '考核评分', '责任书', '事故登记', '月度指标', '隐患台账', '企业档案', '执法措施', '举报受理', '检查台账', '培训持证', '专项行动', '专家库', '用户与角色', '审计日志']],
    ['leader', ['首页', '单位与组织', '考核活动', '责任书', '事故登记', '月度指标', '隐患台账', '企业档案', '执法措施', '举报受理', '检查台账', '培训持证', '专项行动', '用户与角色', '审计日志']],
    ['assessor', ['首页', '单位与组织', '考核活动', '考核评分', '责任书', '月度指标', '隐患台账', '企业档案', '执法措施', '培训持证']],
    ['wangcun', ['首页', '单位与组织', '考核活动', '自评', '责任书', '月度指标', '隐患台账', '企业档案', '执法措施', '举报受理', '检查台账', '培训持证', '专项行动']],
  ])('%s sees %j', async (username, expected) => {
    const page = await signedIn(username, '/');
    expect(await menuEntries(page)).toEqual(expected);
    await page.getByRole('heading', { name: '首页' }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  test('a liaison typing the audit address is refused and sees only its own unit', async () => {
    const page = await signedIn('wangcun', '/audit');
    await page.getByText('无权访问').waitFor();
    await menu(page).getByRole('menuitem', { name: '单位与组织' }).click();
    await page.getByText('共 1 个单位').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('王村镇政府')]);
    // No organisation tree for a liaison: the server would refuse it.
    expect(await page.getByText('组织树').count()).toBe(0);
  });
});

describe('单位与组织', () => {
  test('the tree, the category filter and an edit that the audit log records', async () => {
    const page = await signedIn('admin', '/organisation');
    await page.getByRole('tree', { name: '组织树' }).getByText(/^周村区 县（区）$/).waitFor();
    const total = page.locator('.ant-pagination-total-text');
    await expect.poll(() => total.innerText()).toMatch(/共 \d+ 个单位/);
    const all = Number((await total.innerText()).match(/\d+/)![0]);

    await page.getByRole('combobox', { name: '按类别筛选' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '部门' }).click();
    await expect.poll(async () => Number((await total.innerText()).match(/\d+/)![0])).toBeLessThan(all);
    const categories = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(new Set(categories)).toEqual(new Set(['部门']));

    await page.getByRole('button', { name: '编辑区安监局' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位名称').fill('区应急管理局');
    // A post without its person's name, and a phone that is no number, are refused in the form as the server would.
    await dialog.getByLabel('主要负责人', { exact: true }).fill('');
    await dialog.getByLabel('主要负责人职务').fill('局长');
    await dialog.getByLabel('联系电话').fill('电话');
    await dialog.getByLabel('联系人', { exact: true }).fill('孙丽');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('联系电话应为 7–20 位数字').waitFor();
    await dialog.getByText('请先填写主要负责人姓名').waitFor();
    await dialog.getByLabel('联系电话').fill('0533-6180000');
    await dialog.getByLabel('主要负责人', { exact: true }).fill('周卫东');
    await screenshot(page, 'unit-edit', false);
    expect(await latinWords(page)).toEqual([]);
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = page.locator('.ant-table-tbody tr', { hasText: '区应急管理局' });
    await row.getByText('周卫东').waitFor();
    await row.getByText('0533-6180000').waitFor();

    await menu(page).getByRole('menuitem', { name: '审计日志' }).click();
    const firstRow = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await expect.poll(() => firstRow.innerText()).toContain('修改被考核单位');
    await firstRow.getByRole('button').first().click();
    await expect.poll(() => page.locator('.ant-table-expanded-row').innerText()).toContain('变更后：区应急管理局');
    await expect.poll(() => page.locator('.ant-table-expanded-row').innerText()).toContain('联系人 孙丽 0533-6180000');
    expect(pageProblems(page)).toEqual([]);
  });

  test('a stale edit is refused with the server message and nothing is overwritten', async () => {
    const page = await signedIn('admin', '/organisation');
    await page.getByRole('button', { name: '编辑北郊镇政府' }).click();
    // Someone else saves the same unit first.
    const list = await (await page.request.get('/api/units?q=北郊镇政府')).json() as { items: { id: string; version: number }[] };
    const unit = list.items[0]!;
    const session = await (await page.request.get('/api/auth/session')).json() as { csrfToken: string };
    const other = await page.request.patch(`/api/units/${unit.id}`, {
      headers: { 'x-csrf-token': session.csrfToken }, data: { version: unit.version, sortOrder: 99 },
    });
    expect(other.status()).toBe(200);
    const dialog = page.getByRole('dialog');
    // An empty name is refused in the form: nothing is sent, nothing is left uncaught.
    await dialog.getByLabel('单位名称').fill('');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请输入单位名称').waitFor();
    await dialog.getByLabel('单位名称').fill('北郊镇人民政府');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/已被|版本|刷新/);
    const after = await (await page.request.get(`/api/units/${unit.id}`)).json() as { name: string };
    expect(after.name).toBe('北郊镇政府');
    // The stale write is the only failed request.
    expect(pageProblems(page)).toEqual([expect.stringContaining('status of 409')]);
  });
});

describe('考核活动 and 结果与排名', () => {
  const expected = JSON.parse(readFileSync(new URL('../acceptance/zhoucun-2014-expected.json', import.meta.url), 'utf8')) as {
    rows: { seq: number; unit: string; category: string; score: number | null; reward: number | null; remark: string }[];
  };

  async function openResults(page: Page) {
    await menu(page).getByRole('menuitem', { name: '考核活动' }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '2014年全区安全生产目标管理考核' });
    await expect.poll(() => row.innerText()).toContain('已发布');
    await row.getByRole('link', { name: /结果与排名/ }).click();
    await page.getByRole('heading', { name: '结果与排名' }).waitFor();
    await page.getByText('已发布结果，第 1 版。').waitFor();
  }

  test('the 2014 demo campaign shows the published notice table exactly', async () => {
    const page = await signedIn('leader', '/');
    await openResults(page);
    const headers = (await page.locator('.ant-table-thead th').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    expect(headers).toEqual(['序号', '单位', '考核分数', '奖励金额（元）', '备注', '等次', '类别内排名']);
    const shown = await page.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent?.trim() ?? '')));
    const money = (v: number | null) => (v == null ? '—' : v.toLocaleString('zh-CN'));
    expect(shown).toEqual(expected.rows.map((r) => [String(r.seq), r.unit, r.score == null ? '—' : String(r.score), money(r.reward), r.remark]));
    await screenshot(page, 'results');
    // Printed, only the table and its heading remain.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('menu').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.locator('.ant-table').isVisible()).toBe(true);
    await screenshot(page, 'results-print');
    await page.emulateMedia({ media: 'screen' });
    expect(pageProblems(page)).toEqual([]);
  });

  test('the category filter keeps one category; the trace drawer reaches the accident behind a veto', async () => {
    const page = await signedIn('admin', '/');
    await openResults(page);
    await page.getByText('部门', { exact: true }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    const departments = expected.rows.filter((r) => r.category === '部门');
    await expect.poll(() => rows.count()).toBe(departments.length);
    const vetoed = departments.find((r) => r.score == null)!;
    await page.getByRole('button', { name: `查看${vetoed.unit}的得分反查` }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`得分反查：${vetoed.unit}`).waitFor();
    await expect.poll(() => drawer.getByRole('tree').innerText()).toContain('一票否决');
    expect(await drawer.getByRole('tree').innerText()).toMatch(/事故/);
    await screenshot(page, 'results-trace', false);
    // Accident numbers (事故编号, e.g. ZC-2014-002) are the register's own identifiers.
    expect(await latinWords(page, ['ZC-'])).toEqual([]);
  });

  test('the table shows without the units list; a version whose rows name the unit only still opens the trace', async () => {
    const { context, page } = await app.newPage();
    await logInViaApi(context, 'admin');
    // As a result version frozen before its rows carried the unit's id.
    await page.route('**/api/campaigns/*/results', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { rows: { unitId?: string }[] };
      for (const row of body.rows) delete row.unitId;
      await route.fulfill({ response, json: body });
    });
    const unitsAsked: string[] = [];
    page.on('request', (r) => { if (/\/api\/campaigns\/[^/]+\/units$/.test(new URL(r.url()).pathname)) unitsAsked.push(r.url()); });
    await page.goto('/');
    await openResults(page);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(unitsAsked).toEqual([]);
    const unit = expected.rows.find((r) => r.score != null)!.unit;
    await page.getByRole('button', { name: `查看${unit}的得分反查` }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByRole('tree').innerText()).toContain(`考核分数：${expected.rows.find((r) => r.unit === unit)!.score}分`);
    expect(unitsAsked).toHaveLength(1);
    expect(await drawer.getByText('找不到该单位在本次考核中的记录。').count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
  });

  test('the campaign detail shows its state and units', async () => {
    const page = await signedIn('admin', '/campaigns');
    await page.getByRole('link', { name: '2014年全区安全生产目标管理考核详情' }).click();
    await page.getByText('被考核单位（38 个）').waitFor();
    await page.getByText('区安委会2015年第1次会议').waitFor();
    expect(await latinWords(page)).toEqual([]);
  });

  test('a liaison sees the campaigns of its district but only its own unit in them', async () => {
    const page = await signedIn('wangcun', '/campaigns');
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '2014年' });
    await row.getByRole('link', { name: /详情/ }).click();
    await page.getByText('被考核单位（1 个）').waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts()).toEqual([expect.stringContaining('王村镇政府')]);
  });
});

describe('用户与角色', () => {
  test('the accounts of the district with their roles, filtered by role', async () => {
    const page = await signedIn('admin', '/accounts');
    await page.getByText('共 5 个账户').waitFor();
    await page.getByRole('combobox', { name: '按角色筛选' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '单位联络员' }).click();
    await page.getByText('共 1 个账户').waitFor();
    const rows = await page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    expect(rows).toEqual([expect.stringMatching(/wangcun\s+王村镇联络员\s+单位联络员\s+周村区\s+王村镇政府/)]);
  });

  test('the assessor has no such page', async () => {
    const page = await signedIn('assessor', '/accounts');
    await page.getByText('无权访问').waitFor();
  });
});

describe('首页', () => {
  test('shows the campaigns and the score distribution of the published one', async () => {
    const page = await signedIn('admin', '/');
    await page.getByRole('img', { name: '2014年全区安全生产目标管理考核得分分布' }).waitFor();
    await page.getByText('参评 38 个，合格率 89.47%').waitFor();
    await page.getByRole('img', { name: /被考核单位按类别：属地8个，部门30个，驻区单位0个/ }).waitFor();
  });
});

describe('screenshots at 1280 px and 1024 px', () => {
  const pages = [
    ['home', '/', '首页'],
    ['organisation', '/organisation', '单位与组织'],
    ['audit', '/audit', '审计日志'],
    ['campaigns', '/campaigns', '考核活动'],
    ['accounts', '/accounts', '用户与角色'],
    ['inspections', '/inspections', '检查台账'],
    ['experts', '/experts', '专家库'],
    ['training', '/training', '培训持证'],
    ['special-campaigns', '/special-campaigns', '专项行动'],
  ] as const;
  // Login names are what people type; they are Latin by design.
  const usernames = ['admin', 'leader', 'assessor', 'wangcun', 'sysadmin'];
  for (const width of [1280, 1024]) {
    for (const [name, path, heading] of pages) {
      test(`${heading} at ${width} px: Chinese only, nothing wider than the window`, async () => {
        const page = await signedIn('admin', path, width);
        await page.getByRole('heading', { name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton').count()).toBe(0);
        await screenshot(page, name);
        expect(await latinWords(page, name === 'accounts' ? usernames : [])).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(pageProblems(page)).toEqual([]);
      });
    }
  }

  for (const width of [1280, 1024]) {
    test(`campaign detail and results at ${width} px`, async () => {
      const page = await signedIn('admin', '/campaigns', width);
      await page.getByRole('link', { name: '2014年全区安全生产目标管理考核详情' }).click();
      await page.getByText('被考核单位（38 个）').waitFor();
      await screenshot(page, 'campaign-detail');
      expect(await latinWords(page)).toEqual([]);
      await page.getByRole('button', { name: '结果与排名' }).click();
      await page.getByText('已发布结果，第 1 版。').waitFor();
      await screenshot(page, 'results');
      expect(await latinWords(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    });
  }

  test('the login page at 1024 px', async () => {
    const { page } = await app.newPage(1024);
    await page.goto('/login');
    await page.getByRole('button', { name: '登录' }).waitFor();
    await screenshot(page, 'login');
    expect(await latinWords(page)).toEqual([]);
  });
});
