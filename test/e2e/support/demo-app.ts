import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newPage } from './browser';
import type { TestBrowser } from './browser';
import { startServer } from './server';
import type { RunningServer } from './server';

export interface DemoApp {
  /** The real server on a fresh SQLite demo, started before the file's tests. */
  readonly server: RunningServer;
  /** A fresh browser context (its own cookies) on that server at the given width. */
  newPage: (width?: number) => Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * One demo server and one Chromium for the whole test file: started before its tests (before the
 * file's own `beforeAll`, which may use them) and stopped after them.
 */
export function useDemoApp(): DemoApp {
  let server: RunningServer | undefined;
  let chrome: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startServer();
    chrome = await launchBrowser();
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !chrome) throw new Error('the demo server and browser start in beforeAll');
    return { server, browser: chrome.browser };
  };
  return {
    get server() { return started().server; },
    newPage: (width = 1280) => { const s = started(); return newPage(s.browser, s.server.url, width); },
  };
}
