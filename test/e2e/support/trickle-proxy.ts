import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TrickleProxy {
  /** The proxy's origin: a page opened here talks to the server through it (same host, so the same cookies). */
  url: string;
  close: () => Promise<void>;
}

/**
 * A pass-through proxy in front of the test server that hands on a progress stream
 * (application/x-ndjson) one line every `delayMs`, everything else as it comes. The demo's
 * publication takes a moment only; held back like this, its progress stays on the screen long
 * enough to be seen and photographed, while every byte is still the server's own. (Chromium's
 * network throttling would not do: it hands a throttled answer over whole, at its end.)
 */
export async function trickleProxy(target: string, delayMs: number): Promise<TrickleProxy> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', target);
    const upstream = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      if (!String(answer.headers['content-type'] ?? '').startsWith('application/x-ndjson')) {
        answer.pipe(res);
        return;
      }
      const lines: string[] = [];
      let pending = '';
      let ended = false;
      let waiting = false;
      const next = () => {
        const line = lines.shift();
        if (line !== undefined) {
          res.write(line);
          waiting = true;
          setTimeout(() => { waiting = false; next(); }, delayMs);
        } else if (ended) {
          res.end(pending);
        }
      };
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        pending += chunk;
        for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
          lines.push(pending.slice(0, end + 1));
          pending = pending.slice(end + 1);
        }
        if (!waiting) next();
      });
      answer.on('end', () => {
        ended = true;
        if (!waiting) next();
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
