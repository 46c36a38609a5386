import { progressStreamType, type ProgressReport, type ProgressStreamLine } from '../../shared/schemas/progress-stream';
import { answerError, answerOf, ApiError, networkError, requestHeaders } from './client';

type FinalLine = Exclude<ProgressStreamLine, { type: 'progress' }>;

const interrupted = () => new ApiError(0, 'network', '与服务器的连接中断，未收到处理结果；请刷新页面查看是否已完成。');

/**
 * POSTs `body` asking for a progress stream (进度流, src/shared/schemas/progress-stream.ts):
 * `onProgress` hears every report while the server works, and the promise settles like
 * `api.post` — with the answer's body, or an ApiError carrying the server's Chinese message.
 * A refusal before the work started comes back as plain JSON and is handled exactly as by
 * `api.post`. A connection lost mid-way is reported as such: the work may still have finished.
 */
export async function postWithProgress<T>(path: string, body: unknown, onProgress: (report: ProgressReport) => void): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST', headers: requestHeaders('POST', true, progressStreamType), credentials: 'same-origin', body: JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  if (!response.body || !(response.headers.get('content-type') ?? '').startsWith(progressStreamType)) return answerOf<T>(response, path);
  const last = await readProgressStream(response.body, onProgress);
  if (!last) throw interrupted();
  if (last.type === 'result') return last.body as T;
  throw answerError(last.status, last.body, path);
}

/**
 * Reads a progress stream to its end: each progress line goes to `onProgress`, the final
 * `result` or `error` line is returned (null when the stream ended without one). Lines may be
 * split anywhere between chunks, even inside a character.
 */
export async function readProgressStream(stream: ReadableStream<Uint8Array>, onProgress: (report: ProgressReport) => void): Promise<FinalLine | null> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let last: FinalLine | null = null;
  const take = (text: string) => {
    if (!text.trim()) return;
    const line = JSON.parse(text) as ProgressStreamLine;
    if (line.type === 'progress') onProgress({ phase: line.phase, label: line.label, done: line.done, total: line.total });
    else last = line;
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        take(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
      }
    }
    take(buffer + decoder.decode());
  } catch {
    // The connection dropped or a line arrived cut short: no outcome was heard.
    return null;
  }
  return last;
}
