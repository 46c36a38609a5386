import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProgressReport } from '../../src/shared/schemas/progress-stream';
import { ApiError } from '../../src/web/api/client';
import { postWithProgress, readProgressStream } from '../../src/web/api/progress-stream';
import { freezeProgressView } from '../../src/web/pages/campaigns/approval/freeze-progress';

const lines = [
  { type: 'progress', phase: 'trace', label: '生成得分反查', done: 0, total: 5000 },
  { type: 'progress', phase: 'trace', label: '生成得分反查', done: 2400, total: 5000 },
  { type: 'result', status: 200, body: { state: 'published', stateLabel: '已发布' } },
];

/** A stream of the given bytes, cut into pieces of `size` bytes (so lines and characters break anywhere). */
function streamOf(text: string, size: number, fail = false): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) {
        if (fail) controller.error(new Error('connection reset'));
        else controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

describe('readProgressStream', () => {
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

  test.each([1, 2, 7, 64, 10_000])('reads every line when chunks are %i bytes', async (size) => {
    const heard: ProgressReport[] = [];
    const last = await readProgressStream(streamOf(text, size), (r) => heard.push(r));
    expect(heard).toEqual([
      { phase: 'trace', label: '生成得分反查', done: 0, total: 5000 },
      { phase: 'trace', label: '生成得分反查', done: 2400, total: 5000 },
    ]);
    expect(last).toEqual(lines[2]);
  });

  test('takes a last line without its newline', async () => {
    expect(await readProgressStream(streamOf(text.trimEnd(), 5), () => undefined)).toEqual(lines[2]);
  });

  test('no outcome when the stream ends early or breaks', async () => {
    const cut = lines.slice(0, 2).map((l) => JSON.stringify(l)).join('\n') + '\n';
    expect(await readProgressStream(streamOf(cut, 9), () => undefined)).toBeNull();
    expect(await readProgressStream(streamOf(text.slice(0, -20), 9), () => undefined)).toBeNull();
    expect(await readProgressStream(streamOf(cut, 9, true), () => undefined)).toBeNull();
  });
});

describe('postWithProgress over HTTP', () => {
  let server: Server;
  let base: string;
  let seen: IncomingHttpHeaders | undefined;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen = req.headers;
      if (req.url === '/plain-refusal') {
        res.writeHead(409, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: 'conflict', message: '尚有 1 件申诉未答复，不能发布。' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
      res.write(`${JSON.stringify(lines[0])}\n${JSON.stringify(lines[1]).slice(0, 10)}`);
      setTimeout(() => {
        res.write(`${JSON.stringify(lines[1]).slice(10)}\n`);
        const last = req.url === '/stream-error'
          ? { type: 'error', status: 400, body: { code: 'validation_failed', message: '评分：1.2：应为数字' } }
          : req.url === '/stream-cut' ? null : lines[2];
        res.end(last ? `${JSON.stringify(last)}\n` : '');
      }, 20);
    });
    await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => { server.close(() => resolve()); }));

  test('asks for the stream, reports progress and resolves with the result line’s body', async () => {
    const heard: number[] = [];
    const body = await postWithProgress<{ state: string }>(`${base}/stream`, { action: 'publish', version: 3 }, (r) => heard.push(r.done));
    expect(seen?.accept).toBe('application/x-ndjson');
    expect(seen?.['content-type']).toBe('application/json');
    expect(heard).toEqual([0, 2400]);
    expect(body).toEqual({ state: 'published', stateLabel: '已发布' });
  });

  test('rejects with the server’s code and Chinese message, from an error line or a plain refusal', async () => {
    const failure = (path: string) => postWithProgress(`${base}${path}`, {}, () => undefined).then(() => null, (e: unknown) => e);
    const inStream = await failure('/stream-error');
    expect(inStream).toBeInstanceOf(ApiError);
    expect(inStream).toMatchObject({ status: 400, code: 'validation_failed', message: '评分：1.2：应为数字' });
    expect(await failure('/plain-refusal')).toMatchObject({ status: 409, code: 'conflict', message: '尚有 1 件申诉未答复，不能发布。' });
    expect(await failure('/stream-cut')).toMatchObject({ status: 0, code: 'network', message: expect.stringContaining('连接中断') });
  });
});

describe('freezeProgressView', () => {
  test('percent within the phase, its name with the counts, and the step', () => {
    expect(freezeProgressView({ phase: 'trace', label: '生成得分反查', done: 2400, total: 5000 }))
      .toEqual({ percent: 48, text: '生成得分反查 2,400 / 5,000', step: '第 4 步，共 6 步' });
    expect(freezeProgressView({ phase: 'load', label: '读取考核数据', done: 0, total: 37 }))
      .toEqual({ percent: 0, text: '读取考核数据 0 / 37', step: '第 1 步，共 6 步' });
    expect(freezeProgressView({ phase: 'save', label: '保存', done: 4999, total: 5000 }).percent).toBe(99);
    expect(freezeProgressView({ phase: 'done', label: '完成', done: 0, total: 0 })).toEqual({ percent: 100, text: '完成 0 / 0', step: '第 6 步，共 6 步' });
    expect(freezeProgressView({ phase: 'other', label: '其他', done: 1, total: 2 }).step).toBe('');
  });
});
