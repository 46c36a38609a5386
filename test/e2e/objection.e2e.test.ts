import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { latinWords, logInViaApi, openedDialog, pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';

const app = useDemoApp();
/** The page a test is on, shown in a screenshot when the test fails. */
let current: Page | undefined;

interface Client { request: APIRequestContext; csrf: string }
interface Campaign { id: string; name: string; year: number; version: number; state: string }

async function signedIn(username: string, width = 1280): Promise<{ page: Page } & Client> {
  const { context, page } = await app.newPage(width);
  current = page;
  return { page, request: context.request, csrf: await logInViaApi(context, username) };
}

/** An API call as the given client; any answer but 200 or 201 fails the test. */
async function call<T>(as: Client, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const res = await as.request.fetch(path, { method, data, headers: { 'x-csrf-token': as.csrf } });
  if (res.status() !== 200 && res.status() !== 201) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const year = 2015;
const campaignName = `${year}年全区安全生产目标管理考核`;
const wangcunText = '第1.1项扣1分：本镇安委会例会四个季度均已召开，会议记录已补充上传，请复核';
const beijiaoText = '第2.1项扣分所依据的隐患整改记录已于年底前补齐，请复核';
const wangcunAnswer = '经复核，第四季度例会记录已于考核期内报送，第1.1项不应扣分，申诉成立';
const upheldBlocker = '1 件申诉经复核成立，须先退回重新评分，更正结果后重新审定并公示，不能按本次公示的结果发布';
let campaignId: string;
let admin: Client;
let beijiao: Client;

beforeAll(async () => {
  // The office's round up to publicity, through the API (the browser steps before it are other files' tests):
  // 2014 copied into 2015, the year run, every unit scored by the office with 2014's item scores, reviewed,
  // approved with five days of publicity.
  admin = await signedIn('admin');
  const list = await call<{ items: Campaign[] }>(admin, 'GET', '/api/campaigns');
  const source = list.items.find((c) => c.year === 2014)!;
  let campaign = await call<Campaign>(admin, 'POST', `/api/campaigns/${source.id}/copy`, { year });
  campaignId = campaign.id;
  const step = async (action: string, extra: Record<string, unknown> = {}) => {
    campaign = await call<Campaign>(admin, 'POST', `/api/campaigns/${campaignId}/transitions`, { action, version: campaign.version, ...extra });
  };
  for (const action of ['openSigning', 'startYear', 'openSelfAssessment', 'startAssessment']) await step(action);
  const scores = (parse(readFileSync(join(import.meta.dirname, '../../examples/zhoucun-2014/scores.yaml'), 'utf8')) as { scores: Record<string, unknown> }).scores;
  const units = await call<{ items: { unitId: string }[] }>(admin, 'GET', `/api/campaigns/${campaignId}/units`);
  for (const { unitId } of units.items) await call(admin, 'PUT', `/api/campaigns/${campaignId}/units/${unitId}/scores/team`, { items: scores[unitId] });
  await step('submitForReview');
  await step('submitForApproval');
  await step('approve', { meeting: '区安委会2016年第1次会议', publicityDays: 5 });
  expect(campaign.state).toBe('publicity');

  // 北郊镇's liaison (an account the office adds) objects first, through the API.
  const { account } = await call<{ account: { organisationId: string } }>(admin, 'GET', '/api/auth/session');
  const password = 'Lianluo#2016bj';
  await call(admin, 'POST', '/api/accounts', {
    username: 'beijiao', displayName: '北郊镇联络员', role: 'unitLiaison', organisationId: account.organisationId, unitId: 'beijiao', password,
  });
  const { context } = await app.newPage();
  const login = await context.request.post('/api/auth/login', { data: { username: 'beijiao', password } });
  beijiao = { request: context.request, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
  await call(beijiao, 'POST', '/api/auth/password', { currentPassword: password, newPassword: 'Lianluo#2016bj-new' });
  await call(beijiao, 'POST', `/api/campaigns/${campaignId}/objections`, { unitId: 'beijiao', content: beijiaoText });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && current) await screenshot(current, `failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`).catch(() => undefined);
});

/** The publicity term runs out: its end moves to a minute ago, as if the five days had passed. */
function endPublicity(): void {
  const db = new Database(join(app.server.dataDir, 'anke.db'));
  try {
    const ended = new Date(Date.now() - 60_000).toISOString();
    expect(db.prepare('UPDATE campaign SET publicity_ends_at = ? WHERE id = ?').run(ended, campaignId).changes).toBe(1);
  } finally {
    db.close();
  }
}

describe('公示期间的申诉', { timeout: 240_000 }, () => {
  test('王村镇’s liaison finds the campaign in publicity, sees the deadline and files an objection with its reason', async () => {
    const { page } = await signedIn('wangcun');
    // The home page reminds the unit of the deadline and leads to the page.
    await page.goto('/');
    const reminder = page.getByTestId('todos').locator('.ant-list-item').filter({ hasText: '核对公示结果，如有异议在公示期内提出申诉' });
    await expect.poll(() => reminder.innerText()).toMatch(new RegExp(`${campaignName}，截止 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`));
    await screenshot(page, 'objection-home-reminder', false);
    await reminder.getByRole('link', { name: '去查看' }).click();
    await page.getByRole('heading', { name: '审批与公示' }).waitFor();
    await expect.poll(() => page.getByLabel('当前状态').innerText()).toBe('结果公示');
    const form = page.getByRole('form', { name: '提出申诉' });
    await page.getByText(/^申诉截止：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（还剩 [45] 天）$/).waitFor();
    // Only its own unit's objections: 北郊镇's is not listed.
    await page.getByText('本单位未提出申诉').waitFor();
    expect(await page.getByText(beijiaoText).count()).toBe(0);
    // No state change is the liaison's, and the office's operation records are not shown to it.
    await page.getByLabel('无可办理的操作').waitFor();
    expect(await page.getByText('操作记录').count()).toBe(0);

    await form.getByRole('button', { name: '提交申诉' }).click();
    await form.getByText('请填写申诉的事项和理由').waitFor();
    await form.getByLabel('申诉事项和理由（王村镇政府）').fill(wangcunText);
    await form.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('申诉已提交，安委办答复后可在此查看').waitFor();
    const mine = page.getByLabel('王村镇政府的申诉');
    await mine.getByText(wangcunText).waitFor();
    await mine.getByText('待答复').waitFor();
    expect(await page.getByText(beijiaoText).count()).toBe(0);
    await expect.poll(() => page.getByText(/^申诉（1 件，1 件待答复）$/).count()).toBe(1);
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await screenshot(page, 'objection-filed');
    }
    expect(await latinWords(page)).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  test('the office sees both open; publication waits for the term and every answer, an upheld one sends the results back to re-scoring, and the new publicity is published', async () => {
    const { page } = await signedIn('admin');
    await page.goto(`/campaigns/${campaignId}/approval`);
    await page.getByRole('heading', { name: '审批与公示' }).waitFor();
    await page.getByText(/^申诉（2 件，2 件待答复）$/).waitFor();
    await page.getByLabel('王村镇政府的申诉').getByText(wangcunText).waitFor();
    await page.getByLabel('北郊镇政府的申诉').getByText(beijiaoText).waitFor();
    const waiting = page.getByLabel('暂不能发布的原因');
    await expect.poll(() => waiting.innerText()).toMatch(/公示期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 结束，期满后方可发布。\s*尚有 2 件申诉未答复，不能发布。/);
    await screenshot(page, 'objection-office-open');

    // The five days pass with both objections unanswered: the server refuses publication, in its own words.
    endPublicity();
    await page.reload();
    await expect.poll(() => waiting.innerText()).toContain('尚有 2 件申诉未答复，不能发布。');
    expect(await waiting.innerText()).not.toContain('期满后方可发布');
    await page.getByText(/^公示期已于 .* 结束，不能再提出申诉。$/).waitFor();
    await page.getByRole('button', { name: '发布通报' }).click();
    let confirm = await openedDialog(page, '确认：发布通报');
    await confirm.getByRole('button', { name: '确认' }).click();
    await confirm.getByText('尚有 2 件申诉未答复，不能发布。').waitFor();
    await screenshot(page, 'objection-publish-refused', false);
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    // The term over, the liaison's form gives way to the reason.
    const liaison = (await signedIn('wangcun')).page;
    await liaison.goto(`/campaigns/${campaignId}/approval`);
    await liaison.getByText(/^公示期已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 结束，不能再提出申诉。$/).waitFor();
    await liaison.getByText('安委办答复后在此查看。').waitFor();
    expect(await liaison.getByRole('form', { name: '提出申诉' }).count()).toBe(0);
    await liaison.close();
    current = page;

    // 王村镇's objection: the decision and the reply are required; upheld, the dialog says what follows.
    await page.getByLabel('王村镇政府的申诉').getByRole('button', { name: '答复' }).click();
    const reply = await openedDialog(page, '答复申诉：王村镇政府');
    await reply.getByText(wangcunText).waitFor();
    await reply.getByRole('button', { name: '提交答复' }).click();
    await reply.getByText('请选择处理结论').waitFor();
    await reply.getByText('请填写答复意见').waitFor();
    await reply.getByRole('radio', { name: '申诉成立' }).check();
    await reply.getByText('申诉成立，公示的结果须更正').waitFor();
    await reply.getByText('答复后请点击上方“退回重新评分”，更正王村镇政府的评分后重新审定并公示；在此之前不能发布通报。').waitFor();
    await reply.getByLabel('答复意见').fill(wangcunAnswer);
    await screenshot(page, 'objection-answer-upheld', false);
    await reply.getByRole('button', { name: '提交答复' }).click();
    await page.getByText('已答复王村镇政府的申诉：申诉成立').waitFor();
    await page.getByLabel('王村镇政府的申诉').getByText('申诉成立，待退回重新评分').waitFor();
    await page.getByLabel('王村镇政府的申诉').getByText('安委办答复：申诉成立').waitFor();
    await expect.poll(() => waiting.innerText()).toContain('尚有 1 件申诉未答复，不能发布。');
    expect(await waiting.innerText()).toContain(upheldBlocker);

    // 北郊镇's: a colleague answers it while this reply is being written; the server's refusal is shown and the list shows the answer.
    await page.getByLabel('北郊镇政府的申诉').getByRole('button', { name: '答复' }).click();
    const second = await openedDialog(page, '答复申诉：北郊镇政府');
    await second.getByRole('radio', { name: '申诉不成立' }).check();
    await second.getByText('申诉不成立的，维持公示的结果。').waitFor();
    await second.getByLabel('答复意见').fill('经复核，整改记录补齐时间晚于考核截止日，维持原评分');
    const open = await call<{ items: { id: string; unitId: string }[] }>(admin, 'GET', `/api/campaigns/${campaignId}/objections`);
    await call(admin, 'POST', `/api/campaigns/${campaignId}/objections/${open.items.find((o) => o.unitId === 'beijiao')!.id}/answer`, {
      decision: 'dismissed', answer: '经复核，整改记录补齐时间晚于考核截止日，维持原评分。',
    });
    await second.getByRole('button', { name: '提交答复' }).click();
    await second.getByText('该申诉已经答复。').waitFor();
    await second.getByRole('button', { name: '取消' }).click();
    await page.getByLabel('北郊镇政府的申诉').getByText('申诉不成立', { exact: true }).waitFor();
    await page.getByText(/^申诉（2 件）$/).waitFor();
    // Every objection answered, the upheld one still holds publication and the page says what to do.
    await expect.poll(() => waiting.innerText()).not.toContain('未答复');
    expect(await waiting.innerText()).toContain(upheldBlocker);
    expect(await waiting.innerText()).toContain('请点击上方“退回重新评分”，更正王村镇政府的评分。');
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await screenshot(page, 'objection-office-answered');
    }
    await page.getByRole('button', { name: '发布通报' }).click();
    confirm = await openedDialog(page, '确认：发布通报');
    await confirm.getByRole('button', { name: '确认' }).click();
    await confirm.getByText(`${upheldBlocker}。`).waitFor();
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });

    // 退回重新评分, the reason filled in from the upheld objection.
    await page.getByRole('button', { name: '退回重新评分' }).click();
    const back = await openedDialog(page, '确认：退回重新评分');
    expect(await back.getByLabel('退回理由').inputValue()).toBe('王村镇政府的申诉经复核成立，更正评分后重新审定并公示');
    await screenshot(page, 'objection-return-for-revision', false);
    await back.getByRole('button', { name: '确认' }).click();
    await page.getByText('已退回重新评分，当前状态：考核评分').waitFor();
    await page.getByLabel('王村镇政府的申诉').getByText('申诉成立，已退回重新评分').waitFor();
    await page.getByLabel('王村镇政府的申诉').getByText(/^考核结果已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 退回重新评分，更正后重新审定并公示。$/).waitFor();
    await screenshot(page, 'objection-returned');

    // The office corrects 1.1 and puts the results through approval and a new publicity (through the API), which then runs out.
    let campaign = await call<Campaign>(admin, 'GET', `/api/campaigns/${campaignId}`);
    const scores = (parse(readFileSync(join(import.meta.dirname, '../../examples/zhoucun-2014/scores.yaml'), 'utf8')) as { scores: Record<string, Record<string, unknown>> }).scores;
    await call(admin, 'PUT', `/api/campaigns/${campaignId}/units/wangcun/scores/team`, { items: { ...scores.wangcun, '1.1': { deductions: [] } } });
    for (const [action, extra] of [['submitForReview', {}], ['submitForApproval', {}], ['approve', { meeting: '区安委会2016年第2次会议', publicityDays: 5 }]] as const) {
      campaign = await call<Campaign>(admin, 'POST', `/api/campaigns/${campaignId}/transitions`, { action, version: campaign.version, ...extra });
    }
    expect(campaign.state).toBe('publicity');
    endPublicity();
    await page.reload();
    await expect.poll(() => page.getByLabel('当前状态').innerText()).toBe('结果公示');
    await page.getByLabel('王村镇政府的申诉').getByText('申诉成立，已退回重新评分').waitFor();
    await expect.poll(() => waiting.count()).toBe(0);

    await page.getByRole('button', { name: '发布通报' }).click();
    confirm = await openedDialog(page, '确认：发布通报');
    await confirm.getByRole('button', { name: '确认' }).click();
    await page.getByText('已发布通报，当前状态：已发布').waitFor();
    await expect.poll(() => page.getByLabel('当前状态').innerText()).toBe('已发布');
    await page.getByRole('table', { name: '结果版本' }).getByText('第 1 版').waitFor();
    expect(await latinWords(page)).toEqual([]);
    // The three refusals above are the only failed requests.
    expect(pageProblems(page)).toEqual([expect.stringContaining('status of 409'), expect.stringContaining('status of 409'), expect.stringContaining('status of 409')]);
  });

  test('王村镇’s liaison reads the office’s answer to its own objection, and only that', async () => {
    for (const width of [1280, 1024]) {
      const { page } = await signedIn('wangcun', width);
      await page.goto('/campaigns');
      await page.getByRole('link', { name: `${campaignName}审批与公示` }).click();
      await expect.poll(() => page.getByLabel('当前状态').innerText()).toBe('已发布');
      const mine = page.getByLabel('王村镇政府的申诉');
      await mine.getByText('安委办答复：申诉成立').waitFor();
      await mine.getByText(wangcunAnswer).waitFor();
      await mine.getByText('申诉成立，已退回重新评分').waitFor();
      expect(await page.getByText(beijiaoText).count()).toBe(0);
      expect(await page.getByRole('form', { name: '提出申诉' }).count()).toBe(0);
      await screenshot(page, 'objection-answer-seen');
      expect(await latinWords(page)).toEqual([]);
      expect(pageProblems(page)).toEqual([]);
    }
  });
});
