import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { pageProblems, screenshot } from './support/browser';
import { useDemoApp } from './support/demo-app';

// The built app's files as the server sends them: the .gz that the build wrote beside each text
// file (scripts/precompress-web.ts) to a client that accepts gzip, the file itself to one that
// does not; hashed assets cached for good, index.html revalidated (src/server/web-files.ts).
const app = useDemoApp();
const web = fileURLToPath(new URL('../../dist/web/', import.meta.url));

interface Answer { status: number; headers: IncomingHttpHeaders; body: Buffer }

/** A raw request, so the bytes on the wire and the Content-Encoding are seen as sent. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, app.server.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (a: Answer) => (a.headers['content-encoding'] === 'gzip' ? gunzipSync(a.body) : a.body);
const varies = (a: Answer) => String(a.headers.vary ?? '').toLowerCase().split(/\s*,\s*/).includes('accept-encoding');
const entryScript = () => {
  const src = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(web, 'index.html'), 'utf8'))?.[1];
  if (!src) throw new Error('index.html names no entry script');
  return src;
};

describe('the web app files', () => {
  test('the entry script comes gzipped to a client that accepts it, as is to one that does not, cached for good', async () => {
    const src = entryScript();
    const onDisk = readFileSync(join(web, src));
    expect(existsSync(join(web, `${src}.gz`))).toBe(true);

    const gz = await get(src, { 'accept-encoding': 'gzip, deflate, br' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(gz.body.length).toBeLessThan(onDisk.length / 2);
    expect(gunzipSync(gz.body).equals(onDisk)).toBe(true);
    expect(varies(gz)).toBe(true);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const accept of [undefined, 'gzip;q=0, deflate']) {
      const plain = await get(src, accept ? { 'accept-encoding': accept } : {});
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding'], accept).toBeUndefined();
      expect(plain.body.equals(onDisk), accept).toBe(true);
      expect(varies(plain)).toBe(true);
    }
  });

  test('index.html, for / and for any page of the app, is revalidated each time and decodes to the built file', async () => {
    const onDisk = readFileSync(join(web, 'index.html'));
    for (const path of ['/', '/campaigns', '/hazards/some-card']) {
      for (const accept of ['gzip, deflate, br', undefined]) {
        const res = await get(path, accept ? { 'accept-encoding': accept } : {});
        expect(res.status, path).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control'], path).toBe('no-cache');
        // Compressed exactly when the build wrote its .gz (files under 1 KB are sent as they are).
        expect(res.headers['content-encoding'], `${path} ${accept}`).toBe(accept && existsSync(join(web, 'index.html.gz')) ? 'gzip' : undefined);
        expect(decoded(res).equals(onDisk), path).toBe(true);
      }
    }
    // The .gz files are no addresses of their own.
    expect((await get(`${entryScript()}.gz`)).status).toBe(404);
  });

  test('the browser loads the app from the compressed files', async () => {
    const { page } = await app.newPage();
    const scripts: { url: string; encoding: string | undefined }[] = [];
    page.on('response', (res) => {
      if (/\/assets\/.+\.js$/.test(res.url())) scripts.push({ url: res.url(), encoding: res.headers()['content-encoding'] });
    });
    await page.goto('/login');
    await page.getByRole('button', { name: '登录' }).waitFor();
    const entry = scripts.find((s) => s.url.endsWith(entryScript()));
    expect(entry?.encoding).toBe('gzip');
    expect(scripts.filter((s) => s.encoding === 'gzip').length).toBeGreaterThan(5);
    expect(pageProblems(page)).toEqual([]);
    await screenshot(page, 'login-from-compressed-files');
  });
});
