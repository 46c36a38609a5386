import type { Page } from 'playwright-core';
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

const chinaToday = (n = 0) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe('执法措施', () => {
  test('the register shows the demo\'s measures; the overdue 查封 warns with its rule', async () => {
    const page = await signedIn('admin', '/enforcement');
    const problems = pageProblems(page);
    await page.getByRole('heading', { name: '执法措施' }).waitFor();
    await settled(page);
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThanOrEqual(5);
    await page.getByText('逾期 1 项').first().waitFor();
    await screenshot(page, 'enforcement-register');
    expect(await latinWords(page)).toEqual([]);

    await page.getByRole('link', { name: '查封', exact: true }).first().click();
    await page.getByText('已逾期：作出处理决定').waitFor();
    await page.getByText('周应急查封〔2026〕3号').first().waitFor();
    await settled(page);
    await screenshot(page, 'enforcement-seal');
    expect(await latinWords(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('a town records a 责令限期整改 in order: a step missing its second officer is refused and nothing recorded, then to its review', async () => {
    const page = await signedIn('wangcun', '/enforcement');
    await page.getByRole('heading', { name: '执法措施' }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: '采取执法措施' }).click();
    const form = page.getByRole('dialog', { name: '采取执法措施' });
    await chooseOption(page, form.getByLabel('生产经营单位'), '王村化工', '王村化工');
    await chooseOption(page, form.getByLabel('措施类型'), '责令限期整改');
    await form.getByText('安全生产法（2014）第六十二条第一款第二项、第三项').waitFor();
    await form.getByRole('button', { name: /登\s*记/ }).click();

    // The measure's page: only 现场实施 may come first.
    await page.getByRole('heading', { name: /责令限期整改：淄博王村化工/ }).waitFor();
    await page.getByRole('button', { name: '现场实施（现场笔录）' }).click();
    await page.getByLabel('执法人员1姓名').fill('韩立军');
    await page.getByLabel('执法人员1证件号').fill('37030611001');
    await page.getByText('已当场告知理由、依据以及当事人的权利和救济途径').click();
    await page.getByText('已听取当事人的陈述和申辩').click();
    await page.getByText('当事人签名', { exact: true }).click();
    await page.getByRole('button', { name: '记录“现场实施（现场笔录）”' }).click();
    await page.getByRole('alert').filter({ hasText: '两名以上' }).waitFor();
    expect(await page.getByText('尚未记录步骤。').count()).toBe(1);

    await page.getByLabel('执法人员2姓名').fill('孙晓燕');
    await page.getByLabel('执法人员2证件号').fill('37030611002');
    await page.getByRole('button', { name: '记录“现场实施（现场笔录）”' }).click();
    await page.getByRole('button', { name: '作出决定（文书）' }).click();
    await page.getByLabel('决定书文书编号').fill('周应急责改〔2026〕99号');
    await fillDay(page.getByLabel('整改期限'), chinaToday(10));
    await page.getByRole('button', { name: '记录“作出决定（文书）”' }).click();
    await page.getByText('整改期限').first().waitFor();
    await page.getByRole('cell', { name: '未到期' }).waitFor();
    await screenshot(page, 'enforcement-decided');

    await page.getByRole('button', { name: '复查' }).click();
    await page.getByText('已整改到位').click();
    await page.getByRole('button', { name: '记录“复查”' }).click();
    await page.getByText('已结束：复查').first().waitFor();
    await page.getByText('该措施已结束。').waitFor();
    await page.getByRole('cell', { name: '按期完成' }).waitFor();
    await settled(page);
    await screenshot(page, 'enforcement-ended');
    expect(await latinWords(page)).toEqual([]);
  });
});
