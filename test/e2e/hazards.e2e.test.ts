import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoScanPng } from '../../src/server/demo/seed-agreements';
import { creditCodeCheckChar } from '../../src/domain/ledgers/enterprise/credit-code';
import { chooseOption, latinWords, logInViaApi, pageProblems, screenshot } from './support/browser';
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

// page.evaluate takes the script as text: under tsx a function would carry the transform's helpers.
const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;

/**
 * Two-character buttons are shown with a space between the characters (antd); a button that was
 * just loading may still hold its fading icon, named 加载 or loading, before the text.
 */
const button = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: new RegExp(`${[...text].join('\\s*')}$`) });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
const enterpriseName = '淄博王村化工有限公司';
const description = '液氨储罐区围堰破损，未设置防泄漏收集设施';
const number = `ZC-YH-${day(0).slice(0, 4)}-${String(5000 + (Date.now() % 5000))}`;
/** 隐患编号 are data typed by the officers (ZC-YH-2026-0001), not words of the interface. */
const numberPrefix = ['ZC-YH-'];
/** “导出Excel”: the file format's name, as on the documents pages. */
const ledgerWords = [...numberPrefix, 'Excel'];

async function pick(page: Page, scope: Locator, label: string, text: string): Promise<void> {
  await scope.getByLabel(label).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  await dropdownsClosed(page);
}

/** An open list keeps hidden accessibility entries holding the options' codes until it has closed. */
async function dropdownsClosed(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

async function openTab(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tab', { name }).click();
  return page.getByRole('form', { name }).or(page.locator(`form[aria-label="${name}"]`)).first();
}

describe('一隐患一卡', () => {
  let hazardPath = '';

  test('the town’s officer records a hazard and takes it through to 销号 with the office, each step on the card', async () => {
    const page = await signedIn('wangcun', '/hazards');
    await page.getByRole('heading', { name: '隐患台账' }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: '录入隐患' }).click();
    const form = page.getByRole('dialog', { name: '录入隐患' });
    await pick(page, form, '生产经营单位', enterpriseName);
    await form.getByLabel('发现人').fill('王村镇安监办检查组');
    await form.getByLabel('隐患部位').fill('液氨储罐区');
    await form.getByLabel('隐患描述').fill(description);
    // A photo before rectification, uploaded as a file of the liaison's town as it is chosen.
    await form.locator('input[type=file]').setInputFiles({ name: '整改前.png', mimeType: 'image/png', buffer: demoScanPng(5) });
    await form.locator('.ant-upload-list-item-done').first().waitFor();
    await screenshot(page, 'hazard-form', false);
    await button(form, '录入').click();

    // The new card opens, found and not yet registered.
    await page.getByRole('heading', { name: /隐患卡片/ }).waitFor();
    await page.getByText('当前没有需要您办理的步骤').or(page.getByRole('tab', { name: '登记' })).first().waitFor();
    hazardPath = new URL(page.url()).pathname;
    expect(hazardPath).toMatch(/^\/hazards\/[^/]+$/);
    await page.locator('.ant-tag').filter({ hasText: '已发现' }).first().waitFor();
    await page.getByRole('img', { name: '整改前照片1' }).waitFor();

    // 登记: a number already used is refused by the server, next to the field.
    const api = page.context().request;
    const taken = ((await (await api.get('/api/hazards?state=closed&pageSize=1')).json()) as { items: { number: string }[] }).items[0]!.number;
    let step = await openTab(page, '登记');
    await step.getByLabel('隐患编号').fill(taken);
    await button(step, '登记').click();
    await step.locator('.ant-form-item-explain-error').filter({ hasText: '已被其他隐患使用' }).first().waitFor();
    await step.getByLabel('隐患编号').fill(number);
    await button(step, '登记').click();
    await page.locator('.ant-tag').filter({ hasText: '已登记' }).first().waitFor();

    // 定级: a town officer grades 一般 only.
    step = await openTab(page, '定级');
    expect(await step.getByText('重大隐患', { exact: true }).count()).toBe(0);
    await step.getByText('一般隐患', { exact: true }).click();
    await button(step, '定级').click();
    await page.locator('.ant-tag').filter({ hasText: '已定级' }).first().waitFor();

    // 开始整改, recorded for the enterprise; the form asks for what is missing first.
    step = await openTab(page, '开始整改');
    await button(step, '开始整改').click();
    await step.getByText('请填写整改措施').waitFor();
    await step.getByLabel('整改措施').fill('修复围堰，增设防泄漏收集池');
    await step.getByLabel('整改责任人').fill('孙明');
    await step.getByLabel('整改期限').click();
    await step.getByLabel('整改期限').fill(day(10));
    await step.getByLabel('整改期限').press('Enter');
    await step.getByLabel('整改资金').fill('30000');
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    await screenshot(page, 'hazard-rectification', true);
    await button(step, '开始整改').click();
    await page.locator('.ant-tag').filter({ hasText: '整改中' }).first().waitFor();

    step = await openTab(page, '申请验收');
    await step.getByLabel('整改情况说明').fill('围堰已修复，防泄漏收集池已建成');
    await step.locator('input[type=file]').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: demoScanPng(6) });
    await step.locator('.ant-upload-list-item-done').first().waitFor();
    await button(step, '申请验收').click();
    await page.locator('.ant-tag').filter({ hasText: '已申请验收' }).first().waitFor();
    await page.getByRole('img', { name: '整改后照片1' }).waitFor();

    step = await openTab(page, '验收');
    await step.getByLabel('验收结论').fill('经现场复查，整改到位');
    await step.getByLabel('验收人').fill('王村镇安监办');
    await button(step, '验收通过').click();
    await page.locator('.ant-tag').filter({ hasText: '已验收' }).first().waitFor();
    await settled(page);
    expect(await latinWords(page, numberPrefix)).toEqual([]);
    // The only failed request is the refused registration with a number already used.
    expect(pageProblems(page)).toEqual([expect.stringContaining('status of 409')]);

    // 销号 by the office (安委办).
    const office = await signedIn('admin', hazardPath);
    await office.getByRole('heading', { name: /隐患卡片/ }).waitFor();
    step = await openTab(office, '销号');
    await button(step, '销号').click();
    await office.getByText('该隐患已销号，办结。').waitFor();
    const history = office.getByRole('row');
    for (const [action, role] of [['发现隐患', '属地镇（街道）安全监管人员'], ['登记', '属地镇（街道）安全监管人员'], ['定级', '属地镇（街道）安全监管人员'],
      ['开始整改', '生产经营单位'], ['申请验收', '生产经营单位'], ['验收', '属地镇（街道）安全监管人员'], ['销号', '安委办']] as const) {
      expect(await history.filter({ has: office.getByRole('cell', { name: action, exact: true }) }).filter({ hasText: role }).count()).toBe(1);
    }
    await office.getByText('共 7 步').waitFor();
    await settled(office);
    await screenshot(office, 'hazard-card');
    expect(await latinWords(office, numberPrefix)).toEqual([]);
    expect(await overflow(office)).toBeLessThanOrEqual(0);
    expect(pageProblems(office)).toEqual([]);
  });

  test('the ledger filters by town and state, and exports the same filter to Excel', async () => {
    const page = await signedIn('admin', '/hazards');
    await page.getByRole('heading', { name: '隐患台账' }).waitFor();
    await settled(page);
    await pick(page, page.locator('body'), '按镇街筛选', '王村镇');
    await page.getByLabel('按状态筛选').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '已销号' }).click();
    await dropdownsClosed(page);
    await settled(page);
    await page.getByRole('link', { name: number }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    for (const text of await rows.allInnerTexts()) {
      expect(text).toContain('王村');
      expect(text).toContain('已销号');
    }
    await screenshot(page, 'hazards');
    expect(await latinWords(page, ledgerWords)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const [download, request] = await Promise.all([
      page.waitForEvent('download'), page.waitForRequest(/\/api\/hazards\.xlsx/), page.getByRole('button', { name: '导出Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^隐患台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // The export asked for the list's filters.
    const asked = new URL(request.url()).searchParams;
    expect(Object.fromEntries(asked)).toEqual({ territorialUnitId: 'wangcun', state: 'closed' });
    expect(pageProblems(page)).toEqual([]);

    // Overdue only: every row carries its overdue tag.
    const overdue = await signedIn('admin', '/hazards');
    await settled(overdue);
    await overdue.getByText('只看逾期').click();
    await settled(overdue);
    const overdueRows = overdue.locator('.ant-table-tbody tr.ant-table-row');
    expect(await overdueRows.count()).toBeGreaterThan(0);
    for (const text of await overdueRows.allInnerTexts()) expect(text).toMatch(/逾期 \d+ 天/);
    await screenshot(overdue, 'hazards-overdue');
  });

  test('at 1024 px the ledger and the card fit the window, in Chinese only', async () => {
    for (const path of ['/hazards', hazardPath, '/enterprises']) {
      const page = await signedIn('admin', path, 1024);
      await page.getByRole('heading', { level: 3 }).first().waitFor();
      await settled(page);
      await screenshot(page, path === hazardPath ? 'hazard-card' : path.slice(1));
      expect(await latinWords(page, ledgerWords)).toEqual([]);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(pageProblems(page)).toEqual([]);
    }
  });
});

describe('一企一档', () => {
  test('the enterprise’s file shows the hazard’s steps on its timeline, each linking to the card', async () => {
    const page = await signedIn('wangcun', '/enterprises');
    await page.getByRole('heading', { name: '企业档案' }).waitFor();
    await settled(page);
    await page.getByRole('link', { name: enterpriseName }).click();
    await page.getByRole('heading', { name: enterpriseName }).waitFor();
    await settled(page);
    // The card taken to 销号 in the first test: its 销号 is the newest entry.
    const closed = page.getByRole('link', { name: new RegExp(`隐患 ${number}（液氨储罐区围堰破损.*）：销号`) });
    await closed.waitFor();
    await page.getByText('危险化学品经营许可证').first().waitFor();
    await screenshot(page, 'enterprise-file');
    expect(await latinWords(page, numberPrefix)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await closed.click();
    await page.getByRole('heading', { name: `隐患卡片 ${number}` }).waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  test('a town’s liaison registers an enterprise of its town regulated by a department it picks from the district’s units', async () => {
    const page = await signedIn('wangcun', '/enterprises');
    await page.getByRole('heading', { name: '企业档案' }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: '登记企业' }).click();
    const form = page.getByRole('dialog', { name: '登记企业' });
    // Its own town is set; the department is one of the district's (the liaison reads only its own unit's data).
    await form.getByText('王村镇政府', { exact: true }).waitFor();
    const first17 = `91370306MA3W${String(Date.now() % 100000).padStart(5, '0')}`;
    await form.getByLabel('单位名称').fill('淄博王村联络员登记示范有限公司');
    await form.getByLabel('统一社会信用代码').fill(`${first17}${creditCodeCheckChar(first17)}`);
    await form.getByLabel('地址').fill('周村区王村镇工业路 8 号');
    await form.getByLabel('法定代表人').fill('孙强');
    await chooseOption(page, form.getByLabel('行业领域'), '危险化学品', '危险');
    await chooseOption(page, form.getByLabel('企业规模'), '小型');
    await chooseOption(page, form.getByLabel('行业监管部门'), '区安监局', '安监');
    await screenshot(page, 'enterprise-form-liaison', false);
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已登记企业').waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  test('registering: a wrong credit code is refused as typed; the import lists every wrong row and imports nothing', async () => {
    const page = await signedIn('admin', '/enterprises');
    await page.getByRole('heading', { name: '企业档案' }).waitFor();
    await settled(page);
    const total = await page.getByText(/共 \d+ 家/).innerText();
    await page.getByRole('button', { name: '登记企业' }).click();
    const form = page.getByRole('dialog', { name: '登记企业' });
    // The standard's worked example with its check character changed (GB 32100-2015: 91350100M000100Y43).
    await form.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
    await form.getByLabel('单位名称').click();
    await form.getByText('按 GB 32100-2015 由前17位计算应为“3”').waitFor();
    await form.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
    await form.getByLabel('单位名称').fill('淄博周村示范机械有限公司');
    await expect.poll(() => form.getByText(/校验码错误/).count()).toBe(0);
    await screenshot(page, 'enterprise-form', false);
    await form.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: '从表格导入' }).click();
    const dialog = page.getByRole('dialog', { name: '从表格导入企业' });
    const { writeWorkbook } = await import('../../src/server/documents/xlsx-adapter');
    const headers = ['单位名称', '统一社会信用代码', '地址', '法定代表人', '行业领域', '企业规模', '所属镇（街道）', '行业监管部门'];
    const good = { 单位名称: '淄博导入示范有限公司', 统一社会信用代码: '91350100M000100Y43', 地址: '周村区', 法定代表人: '赵六', 行业领域: '危险化学品', 企业规模: '小型', '所属镇（街道）': '王村镇政府', 行业监管部门: '区安监局' };
    const sheet = await writeWorkbook([{
      name: '一企一档', columns: headers.map((h) => ({ header: h, key: h })),
      rows: [good, { ...good, 单位名称: '淄博导入二号有限公司', 统一社会信用代码: '91350100M000100Y44' }, { ...good, 单位名称: '淄博导入三号有限公司', 统一社会信用代码: '91370306MA3C100011', 企业规模: '超大型' }],
    }]);
    await dialog.locator('input[type=file]').setInputFiles({ name: '企业.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet });
    await dialog.getByText('已选择：企业.xlsx').waitFor();
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
    const errors = dialog.getByRole('list', { name: '导入错误' });
    await errors.waitFor();
    await dialog.getByText(/未导入任何数据/).waitFor();
    const lines = await errors.getByRole('listitem').allInnerTexts();
    expect(lines.some((l) => l.startsWith('第3行B列（统一社会信用代码）'))).toBe(true);
    expect(lines.some((l) => l.startsWith('第4行F列（企业规模）'))).toBe(true);
    await screenshot(page, 'enterprise-import', false);
    expect(await latinWords(page, ['Excel', 'xlsx'])).toEqual([]); // the chosen file's name
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    // Nothing was imported.
    await settled(page);
    expect(await page.getByText(/共 \d+ 家/).innerText()).toBe(total);
    expect(pageProblems(page)).toEqual([expect.stringContaining('status of 400')]);
  });
});
