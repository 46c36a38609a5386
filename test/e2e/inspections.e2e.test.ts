import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chooseOption, fillDay, latinWords, logInViaApi, pageProblems, screenshot } from './support/browser';
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

/** Screenshots are taken once the success toasts are gone, so nothing lies over the page. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.mouse.move(0, 790);
  await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
  await screenshot(page, name, fullPage);
}

/** An option of the open antd select (closed ones stay in the page, hidden). */
const option = (page: Page, hasText: string): Locator =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText }).first();

async function chooseEnterprise(page: Page, select: Locator, name: string): Promise<void> {
  await chooseOption(page, select, name, name);
}

async function addSpecialty(page: Page, form: Locator, specialty: string): Promise<void> {
  await form.getByLabel('专业', { exact: true }).click();
  await page.keyboard.type(specialty);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

describe('专家库 and 检查', () => {
  test('the office adds two experts, one employed by a demo enterprise; a period ending before it starts is refused in words and nothing saved', async () => {
    const page = await signedIn('admin', '/experts');
    const problems = pageProblems(page);
    await page.getByRole('heading', { name: '专家库' }).waitFor();
    await settled(page);

    // 李建国 works for the enterprise to be inspected.
    await page.getByRole('button', { name: '专家入库' }).click();
    let form = page.getByRole('dialog', { name: '专家入库' });
    await form.getByLabel('姓名').fill('李建国');
    await form.getByLabel('级别').click();
    await option(page, '市级').click();
    await addSpecialty(page, form, '危险化学品');
    await form.getByText('本区台账中的生产经营单位').click();
    await chooseEnterprise(page, form.getByLabel('工作单位（台账中的企业）'), '王村化工');
    await shot(page, 'expert-add', false);
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '李建国' }).waitFor();
    await page.getByRole('cell', { name: '淄博王村化工有限公司' }).waitFor();

    // 王敏 from a school; a period ending before it starts is refused by the server, shown, then corrected.
    await page.getByRole('button', { name: '专家入库' }).click();
    form = page.getByRole('dialog', { name: '专家入库' });
    await form.getByLabel('姓名').fill('王敏');
    await form.getByLabel('级别').click();
    await option(page, '市级').click();
    await addSpecialty(page, form, '危险化学品');
    await form.getByText('其他单位（填写名称）').click();
    await form.getByLabel('工作单位名称').fill('淄博职业学院');
    await form.getByRole('button', { name: '添加期间' }).click();
    await fillDay(form.getByLabel('期间1起'), '2027-03-20');
    await fillDay(form.getByLabel('期间1止'), '2027-03-10');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('alert').filter({ hasText: '不能参加检查的期间第1项的终止日期：起始日期不能晚于终止日期' }).waitFor();
    await shot(page, 'expert-refused', false);
    expect(await page.getByRole('cell', { name: '王敏' }).count()).toBe(0);
    await fillDay(form.getByLabel('期间1止'), '2027-03-30');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '王敏' }).waitFor();
    await page.getByRole('cell', { name: '2027-03-20至2027-03-30' }).waitFor();
    await settled(page);
    await shot(page, 'experts');
    expect(await latinWords(page)).toEqual([]);

    // Changing 李建国 shows the ledger employer by its name, never its id.
    await page.getByRole('row', { name: /李建国/ }).getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('dialog', { name: '修改专家信息：李建国' });
    await edit.getByText('淄博王村化工有限公司', { exact: true }).first().waitFor();
    expect(await edit.getByText('正在读取……').count()).toBe(0);
    expect(await latinWords(page)).toEqual([]);
    await edit.getByRole('button', { name: '取消' }).click();
    // The one failed request is the refused period, shown above in words.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  test('the office plans an expert check, draws one expert with the employee recused, and records a finding that becomes a hazard card', async () => {
    const page = await signedIn('admin', '/');
    const problems = pageProblems(page);
    // 制定检查计划: an expert check of the demo's 王村 chemicals enterprise, today.
    await page.getByRole('menu').getByRole('menuitem', { name: '检查台账' }).click();
    await page.getByRole('heading', { name: '检查台账' }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: '制定检查计划' }).click();
    const plan = page.getByRole('dialog', { name: '制定检查计划' });
    await chooseEnterprise(page, plan.getByLabel('被检查的生产经营单位'), '王村化工');
    await plan.getByText('专家查隐患', { exact: true }).click();
    await plan.getByRole('button', { name: '制定' }).click();
    await page.getByRole('heading', { name: '专家查隐患：淄博王村化工有限公司' }).waitFor();
    await page.getByText('专家查隐患须先随机抽取专家，再登记检查记录。').waitFor();
    expect(await page.getByRole('button', { name: '登记检查记录' }).count()).toBe(0);

    // 随机抽取专家: one of 危险化学品; the employee is recused with the reason, the other drawn.
    await page.getByRole('button', { name: '随机抽取专家' }).click();
    const draw = page.getByRole('dialog', { name: '随机抽取专家' });
    await draw.getByLabel('专业1').fill('危险化学品');
    // Three are asked of a pool where one is eligible: refused with the counts, nothing drawn.
    await draw.getByLabel('人数1').fill('3');
    await draw.getByRole('button', { name: '抽取' }).click();
    await draw.getByRole('alert').filter({ hasText: '不足所需3名' }).waitFor();
    await shot(page, 'inspection-draw-refused', false);
    expect(await page.getByText('尚未抽取专家。').count()).toBe(1);
    await draw.getByLabel('人数1').fill('1');
    await draw.getByRole('button', { name: '抽取' }).click();
    await page.getByText('现任职于被检查单位').waitFor();
    await page.getByRole('cell', { name: '王敏' }).waitFor();
    expect(await page.getByRole('cell', { name: '李建国' }).count()).toBe(0);
    await page.getByText('回避（1 名）').waitFor();
    await settled(page);
    await shot(page, 'inspection-drawn');
    expect(await latinWords(page)).toEqual([]);

    // 登记检查记录 with one non-compliant item: its hazard card is linked.
    await page.getByRole('button', { name: '登记检查记录' }).click();
    const record = page.getByRole('dialog', { name: '登记检查记录' });
    await record.getByText('王敏').waitFor();
    await record.getByLabel('检查项1').fill('可燃气体报警仪定期检定');
    await record.getByText('不符合', { exact: true }).click();
    await record.getByLabel('隐患部位1').fill('储罐区');
    await record.getByLabel('检查情况1').fill('可燃气体报警仪超期未检定');
    await shot(page, 'inspection-record-form', false);
    await record.getByRole('button', { name: '登记' }).click();
    await page.getByText('不符合的 1 项已建立隐患卡片').waitFor();
    const link = page.getByRole('link', { name: '查看隐患卡片' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/hazards\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: '第 1 项：储罐区' }).waitFor();
    expect(await page.getByRole('button', { name: '登记检查记录' }).count()).toBe(0);

    // The experts' report, with its file, is attached and listed.
    await page.getByRole('button', { name: '附加检查报告' }).click();
    const report = page.getByRole('dialog', { name: '附加检查报告' });
    await report.getByLabel('出具报告的专家或服务机构').fill('王敏');
    await report.getByLabel('报告标题').fill('淄博王村化工有限公司专家查隐患报告');
    await report.getByLabel('主要结论').fill('发现一般事故隐患一项，已建立隐患卡片。');
    await report.locator('input[type=file]').setInputFiles({ name: '检查报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await report.getByText('检查报告.pdf').waitFor();
    await report.getByRole('button', { name: '附加', exact: true }).click();
    await page.getByRole('cell', { name: '淄博王村化工有限公司专家查隐患报告' }).waitFor();
    await page.getByRole('cell', { name: '专家：王敏' }).waitFor();
    expect(await page.getByRole('link', { name: '下载' }).getAttribute('href')).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
    await page.getByText('检查报告（共 1 份）').waitFor();
    await settled(page);
    await shot(page, 'inspection-recorded');
    expect(await latinWords(page)).toEqual([]);

    // The register shows it as inspected with one non-compliant item.
    await page.getByRole('link', { name: '返回检查台账' }).click();
    await page.getByText('已检查，不符合 1 项').waitFor();
    await settled(page);
    await shot(page, 'inspections');
    expect(await latinWords(page)).toEqual([]);
    // The one failed request is the refused drawing, shown above.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
  });

  test('leaders read the inspections but plan none and see no expert pool; assessors see neither', async () => {
    const leader = await signedIn('leader', '/inspections');
    await leader.getByRole('heading', { name: '检查台账' }).waitFor();
    await settled(leader);
    await leader.getByRole('cell', { name: /淄博王村化工有限公司/ }).first().waitFor();
    expect(await leader.getByRole('button', { name: '制定检查计划' }).count()).toBe(0);
    const menu = leader.getByRole('menu');
    expect(await menu.getByRole('menuitem', { name: '检查台账' }).count()).toBe(1);
    expect(await menu.getByRole('menuitem', { name: '专家库' }).count()).toBe(0);
    // The drawing and its recusals are part of the inspection its readers see; nothing to do for a leader.
    await leader.getByRole('row', { name: /淄博王村化工有限公司/ }).first().getByRole('link').first().click();
    await leader.getByRole('heading', { name: '专家查隐患：淄博王村化工有限公司' }).waitFor();
    await leader.getByText('现任职于被检查单位').waitFor();
    expect(await leader.getByRole('button', { name: '附加检查报告' }).count()).toBe(0);
    expect(await latinWords(leader)).toEqual([]);

    const assessor = await signedIn('assessor', '/');
    await assessor.getByRole('menu').waitFor();
    expect(await assessor.getByRole('menu').getByRole('menuitem', { name: '检查台账' }).count()).toBe(0);
    expect(await assessor.getByRole('menu').getByRole('menuitem', { name: '专家库' }).count()).toBe(0);
  });
});
