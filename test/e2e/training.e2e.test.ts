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

/** Screenshots are taken once the success toasts and closing select lists are gone, so nothing lies over the page. */
async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 790);
  await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
  await screenshot(page, name);
}

/** An option of the open antd select (closed ones stay in the page, hidden). */
const option = (page: Page, hasText: string): Locator =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText }).first();

async function choose(page: Page, select: Locator, typed: string, hasText = typed): Promise<void> {
  await chooseOption(page, select, hasText, typed);
}

const chinaToday = (n = 0) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

interface Coverage { required: number; covered: number; uncovered: { name: string; reason: string }[]; expiringSoon: { number: string }[] }

async function wangcunCoverage(page: Page): Promise<Coverage> {
  const units = await (await page.request.get('/api/units?q=王村镇政府')).json() as { items: { id: string }[] };
  return await (await page.request.get(`/api/training/coverage?unitId=${encodeURIComponent(units.items[0]!.id)}`)).json() as Coverage;
}

describe('培训持证', () => {
  test('the office adds a person to 王村化工, issues a certificate expiring soon, and 王村镇\'s coverage counts them', async () => {
    const page = await signedIn('admin', '/training');
    const problems = pageProblems(page);
    await page.getByRole('heading', { name: '培训持证' }).waitFor();
    await settled(page);
    const before = await wangcunCoverage(page);

    await page.getByRole('button', { name: '登记人员' }).click();
    const form = page.getByRole('dialog', { name: '登记须持证人员' });
    await choose(page, form.getByLabel('所在生产经营单位'), '王村化工');
    await form.getByLabel('姓名').fill('赵建国');
    await form.getByText('主要负责人', { exact: true }).click();
    await form.getByLabel('识别号').fill('0371');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: '赵建国', exact: true }).waitFor();
    await settled(page);
    await shot(page, 'training-persons');
    expect(await latinWords(page)).toEqual([]);

    // Not yet certified: counted, not covered, with the reason.
    const added = await wangcunCoverage(page);
    expect(added.required).toBe(before.required + 1);
    expect(added.covered).toBe(before.covered);
    expect(added.uncovered.filter((p) => p.name === '赵建国')).toHaveLength(1);

    await page.getByRole('tab', { name: '覆盖率' }).click();
    await choose(page, page.getByLabel('统计的镇街或部门'), '王村镇', '王村镇政府');
    const reason = added.uncovered.find((p) => p.name === '赵建国')!.reason;
    await page.getByRole('row').filter({ hasText: '赵建国' }).filter({ hasText: reason }).waitFor();
    await settled(page);
    await shot(page, 'training-coverage-uncovered');
    expect(await latinWords(page)).toEqual([]);

    await page.getByRole('tab', { name: '人员' }).click();
    await page.getByRole('button', { name: '为赵建国登记证书' }).click();
    const cert = page.getByRole('dialog', { name: '登记证书' });
    await cert.getByLabel('证书编号').fill('鲁安主证2026099');
    await fillDay(cert.getByLabel('发证日期'), chinaToday(-10));
    await fillDay(cert.getByLabel('有效期至'), chinaToday(20));
    await cert.getByRole('button', { name: /登\s*记/ }).click();
    await cert.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: '持证' }).click();
    const certRow = page.getByRole('row').filter({ hasText: '鲁安主证2026099' });
    await certRow.getByText('即将到期').waitFor();
    await settled(page);
    await shot(page, 'training-certificates');
    expect(await latinWords(page)).toEqual([]);

    // The coverage tab keeps 王村镇 and reads it again after the certificate.
    await page.getByRole('tab', { name: '覆盖率' }).click();
    await page.getByText('30日内到期的证书').waitFor();
    await settled(page);
    const stat = (title: string) => page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');
    await expect.poll(() => stat('须持证人数').innerText()).toBe(String(before.required + 1));
    await expect.poll(() => stat('持有效证书').innerText()).toBe(String(before.covered + 1));
    await page.getByRole('row').filter({ hasText: '鲁安主证2026099' }).filter({ hasText: chinaToday(20) }).waitFor();
    // Covered now: shown only with the certificate expiring soon, no longer among the uncovered.
    expect(await page.getByRole('row').filter({ hasText: '赵建国', hasNotText: '鲁安主证2026099' }).count()).toBe(0);
    const after = await wangcunCoverage(page);
    expect(after.covered).toBe(before.covered + 1);
    expect(after.expiringSoon.map((c) => c.number)).toContain('鲁安主证2026099');
    await shot(page, 'training-coverage');
    expect(await latinWords(page)).toEqual([]);
    expect(problems).toEqual([]);

    // The town keeps its own register: it sees the person and records a session held by itself.
    const town = await signedIn('wangcun', '/training');
    await town.getByRole('cell', { name: '赵建国', exact: true }).waitFor();
    await town.getByRole('tab', { name: '培训' }).click();
    await town.getByRole('button', { name: '登记培训' }).click();
    const session = town.getByRole('dialog', { name: '登记培训' });
    await session.getByLabel('培训名称').fill('王村镇化工企业主要负责人安全培训');
    await session.getByLabel('组织实施单位').fill('王村镇安监办');
    await session.getByText('主要负责人', { exact: true }).click();
    await session.getByRole('button', { name: /登\s*记/ }).click();
    await session.waitFor({ state: 'detached' });
    await town.getByRole('row').filter({ hasText: '王村镇化工企业主要负责人安全培训' }).filter({ hasText: '王村镇政府' }).waitFor();
    await settled(town);
    await shot(town, 'training-sessions-town');
    expect(await latinWords(town)).toEqual([]);
    expect(pageProblems(town)).toEqual([]);
  });
});

describe('专项行动', () => {
  const name = '冬季安全隐患排查整治（王村镇试点）';

  test('the office plans a campaign for 王村镇 (a task due outside its phase is refused first); the town reports; the office sees it', async () => {
    const page = await signedIn('admin', '/special-campaigns');
    const problems = pageProblems(page);
    await page.getByRole('heading', { name: '专项行动' }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: '部署专项行动' }).click();
    const form = page.getByRole('dialog', { name: '部署专项行动' });
    await form.getByLabel('专项行动名称').fill(name);
    await form.getByLabel('类型', { exact: true }).click();
    await option(page, '冬季安全隐患排查整治').click();
    await form.getByLabel('阶段1名称').fill('自查自改');
    await fillDay(form.getByLabel('阶段1开始日期'), chinaToday(-5));
    await fillDay(form.getByLabel('阶段1结束日期'), chinaToday(20));
    await choose(page, form.getByLabel('任务1承担单位'), '王村镇', '王村镇政府');
    await form.getByLabel('任务1内容').fill('组织化工企业开展冬季隐患自查');
    await fillDay(form.getByLabel('任务1完成期限'), chinaToday(30));
    await form.getByRole('button', { name: /部\s*署/ }).click();
    await form.getByRole('alert').filter({ hasText: `任务“组织化工企业开展冬季隐患自查”的完成期限${chinaToday(30)}不在阶段“自查自改”` }).waitFor();
    await shot(page, 'special-campaign-refused');
    expect(await latinWords(page)).toEqual([]);
    const listed = await (await page.request.get('/api/special-campaigns')).json() as { items: { name: string }[] };
    expect(listed.items.map((c) => c.name)).not.toContain(name);

    await fillDay(form.getByLabel('任务1完成期限'), chinaToday(10));
    await form.getByRole('button', { name: /部\s*署/ }).click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByRole('row').filter({ hasText: '组织化工企业开展冬季隐患自查' }).getByText('未完成').waitFor();
    await settled(page);
    await shot(page, 'special-campaign-planned');
    expect(await latinWords(page)).toEqual([]);
    const campaignPath = new URL(page.url()).pathname;

    const town = await signedIn('wangcun', '/special-campaigns');
    await town.getByRole('link', { name }).click();
    await town.getByRole('heading', { name }).waitFor();
    await town.getByRole('button', { name: '报告进展：组织化工企业开展冬季隐患自查' }).click();
    const report = town.getByRole('dialog', { name: '报告进展' });
    await report.getByText('已完成', { exact: true }).click();
    await report.getByLabel('进展情况').fill('已组织辖区12家化工企业完成自查，发现隐患5项，已整改4项。');
    await report.getByRole('button', { name: /报\s*送/ }).click();
    await report.waitFor({ state: 'detached' });
    await town.getByRole('row').filter({ hasText: '组织化工企业开展冬季隐患自查' }).getByText('按期完成').waitFor();
    await settled(town);
    await shot(town, 'special-campaign-reported');
    expect(await latinWords(town)).toEqual([]);
    expect(pageProblems(town)).toEqual([]);

    await page.goto(campaignPath);
    await page.getByRole('heading', { name }).waitFor();
    await settled(page);
    await page.getByRole('row').filter({ hasText: '组织化工企业开展冬季隐患自查' }).getByText('按期完成').waitFor();
    await page.getByRole('cell', { name: '已组织辖区12家化工企业完成自查，发现隐患5项，已整改4项。', exact: true }).waitFor();
    await page.getByText('完成 1/1 项').first().waitFor();
    await page.goto('/special-campaigns');
    await page.getByRole('row').filter({ hasText: name }).getByText('完成 1/1 项').waitFor();
    await settled(page);
    await shot(page, 'special-campaigns-list');
    expect(await latinWords(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
