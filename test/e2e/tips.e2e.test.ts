import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
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

async function choose(page: Page, label: string, text: string, typed?: string): Promise<void> {
  await chooseOption(page, page.getByLabel(label), text, typed);
}

describe('举报受理', () => {
  test('the office receives a tip and assigns it; the town verifies it true (a hazard card is made) and answers; the office decides the reward', async () => {
    const office = await signedIn('admin', '/tips');
    const problems = pageProblems(office);
    await office.getByRole('heading', { name: '举报受理' }).waitFor();
    await settled(office);
    await office.getByRole('button', { name: '受理举报' }).click();
    await office.getByLabel('举报人姓名').fill('李四');
    await office.getByLabel('联系方式').fill('13800000000');
    await choose(office, '举报事项', '重大事故隐患');
    await choose(office, '被举报的生产经营单位', '王村化工', '王村化工');
    await office.getByLabel('举报内容').fill('液氨储罐区可燃气体报警仪损坏多日未修');
    await office.getByRole('button', { name: /受\s*理/ }).last().click();

    await office.getByRole('heading', { name: '举报：重大事故隐患' }).waitFor();
    await office.getByText('李四（13800000000）').waitFor();
    await office.getByRole('button', { name: '交办' }).click();
    await choose(office, '负责核查的单位', '王村镇', '王村');
    await office.getByRole('button', { name: '交 办' }).or(office.getByRole('button', { name: '交办', exact: true })).click();
    await office.getByText('已交办').first().waitFor();
    const tipUrl = office.url();
    await screenshot(office, 'tip-assigned');
    expect(await latinWords(office)).toEqual([]);

    // The town's liaison: no reporter identity; verifies it true with the hazard's facts.
    const town = await signedIn('wangcun', new URL(tipUrl).pathname);
    await town.getByRole('heading', { name: '举报：重大事故隐患' }).waitFor();
    await town.getByText('实名（仅安委办可见）').waitFor();
    expect(await town.getByText('13800000000').count()).toBe(0);
    await town.getByRole('button', { name: '登记核查结果' }).click();
    await town.getByText('属实', { exact: true }).click();
    await town.getByLabel('核查情况').fill('现场核实：报警仪2台损坏');
    await town.getByLabel('罚款金额').fill('50000');
    await town.getByRole('button', { name: '登记核查结果' }).click();
    // A true 重大事故隐患 tip without the hazard's facts is refused by the form before the server.
    await town.getByText('请填写核查人').waitFor();
    await town.getByLabel('核查人').fill('王村镇安监办');
    await town.getByLabel('隐患部位').fill('液氨储罐区');
    await town.getByLabel('隐患描述').fill('可燃气体报警仪损坏');
    await town.getByRole('button', { name: '登记核查结果' }).click();
    // The card is made with the verification; a refusal would show as an alert instead.
    await town.getByRole('link', { name: '查看据此建立的隐患卡' }).or(town.locator('.ant-alert-error')).first().waitFor({ timeout: 60_000 });
    expect(await town.locator('.ant-alert-error').allInnerTexts()).toEqual([]);
    await town.getByRole('button', { name: '答复举报人' }).click();
    await town.getByLabel('答复内容').fill('经核查属实，已责令企业整改。');
    await town.getByRole('button', { name: '答复举报人' }).click();
    await town.getByText('按期答复').first().waitFor();
    await settled(town);
    await screenshot(town, 'tip-answered');
    expect(await latinWords(town)).toEqual([]);

    await office.reload();
    await office.getByRole('button', { name: '核定奖励' }).click();
    await office.getByRole('button', { name: '核定奖励' }).click();
    await office.locator('.ant-descriptions-item-label', { hasText: '核定奖励' }).waitFor();
    expect(await office.getByRole('button', { name: '核定奖励' }).count()).toBe(0);
    await settled(office);
    await screenshot(office, 'tip-rewarded');
    expect(await latinWords(office)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
