import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const chromiumPath = '/usr/bin/chromium';
export const screenshotDir = fileURLToPath(new URL('../../../.tmp/e2e-screenshots/', import.meta.url));

export interface TestBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with no background traffic (the machine's network is closed). */
export async function launchBrowser(): Promise<TestBrowser> {
  // playwright-core gives every launch a fresh, empty profile directory of its own.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

export const demoPassword = 'Zhoucun@2014';

/** A fresh browser context (its own cookies) at the given width. */
export async function newPage(browser: Browser, baseURL: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // A 401 before logging in is how the app learns that nobody is signed in.
    if (message.type() === 'error' && !message.text().includes('status of 401')) problems.push(message.text());
  });
  (page as Page & { problems: string[] }).problems = problems;
  return { context, page };
}

/** Errors the page threw or logged to the console (a failed request is logged too). */
export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/**
 * Logs in through the API in the page's context, so the session cookie is the browser's own;
 * returns the session's anti-forgery token for API writes from the same context.
 */
export async function logInViaApi(context: BrowserContext, username: string): Promise<string> {
  const res = await context.request.post('/api/auth/login', { data: { username, password: demoPassword } });
  if (res.status() !== 200) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/**
 * The whole page, or only the window when a drawer or dialog (fixed to the window) is open.
 * Animations are finished first, so a drawer or dialog just opened is shown where it rests,
 * not halfway through sliding in.
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const file = join(screenshotDir, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

/**
 * Text on the screen that is not Chinese: runs of three or more Latin letters (an English
 * word or a raw code). `allowed` lists the words a page may legitimately show.
 */
export async function latinWords(page: Page, allowed: readonly string[] = []): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const words = text.match(/[A-Za-z][A-Za-z_.-]{2,}/g) ?? [];
  return [...new Set(words)].filter((w) => !allowed.includes(w));
}

/**
 * Types a day into an antd date picker and moves on with Tab, as a person does (Enter would also
 * submit the form the field is in).
 */
export async function fillDay(field: Locator, day: string): Promise<void> {
  await field.click();
  await field.fill(day);
  await field.press('Tab');
}

/**
 * Picks an option of an antd select (typing first when `typed` is given, for a searched list)
 * and checks that it took: on a busy machine a list still loading its search answer can swap the
 * option under the click, so the choice is made again, up to three times.
 */
export async function chooseOption(page: Page, select: Locator, optionText: string, typed?: string): Promise<void> {
  // The select's own box, whose text shows the choice (the locator may be scoped to a dialog).
  const field = select.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    if (typed) await page.keyboard.type(typed);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: optionText }).first().click();
    try {
      await expect.poll(() => field.innerText({ timeout: 5_000 }), { timeout: 5_000 }).toContain(optionText);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * A dialog (antd Modal) by its title, once its opening animation has ended: during the zoom its
 * box still moves, and on a busy machine a click aimed at a button can land where the button was
 * a frame earlier, doing nothing.
 */
export async function openedDialog(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await expect.poll(() => dialog.getAttribute('class')).not.toMatch(/-(appear|enter)\b/);
  return dialog;
}
