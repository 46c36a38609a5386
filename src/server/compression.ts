import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { gzip } from 'node:zlib';

/**
 * Gzip for the API's answers. The embedded single-server deployment (docs/operations.md) has no
 * reverse proxy in front of it to compress, and the 5,000-unit results table is 743 KB of JSON
 * raw against 51 KB gzipped: 0.3 s against 0.02 s at 20 Mbit/s, seconds on a slow or shared
 * office link (docs/benchmarks.md, Web app). The web app's own files are compressed once at build
 * time instead (scripts/precompress-web.ts) and sent as they are by @fastify/static
 * (`preCompressed`, web-files.ts), so this hook sees them as streams and leaves them alone.
 *
 * Only answers already in memory are compressed (strings and Buffers: every JSON answer and the
 * generated documents); streams are file downloads and static files, sent as they are. What is
 * already compressed (DOCX/XLSX are ZIP containers; PNG, JPEG, WebP, PDF) would only grow and
 * cost CPU, so only text types are compressed.
 *
 * `npm run bench:api` drives the server with autocannon, which sends no Accept-Encoding: it
 * measures the uncompressed path (bench/api/run.ts).
 */

/** Below about one TCP packet, gzip saves nothing worth the work (its header alone is 18 bytes). */
export const minimumBytes = 1024;

/**
 * zlib level 4. On the 743 KB results JSON of 5,000 units it gives 51 KB in 2.6 ms, where level 6
 * (zlib's default) gives 55 KB in 5.5 ms, level 1 55 KB in 1.2 ms and level 9 53 KB in 24 ms; the
 * campaign's units list likewise (33 KB at level 4, 40 KB at level 6). Measured in
 * docs/benchmarks.md, Web app. The work runs on libuv's thread pool, not on the event loop.
 */
const level = 4;

// JSON (and +json), JavaScript, XML (and +xml), any text/*, and SVG; not ZIP-based Office files,
// images or PDF, which are compressed already.
const compressibleType = /^(?:text\/|application\/(?:json|javascript|ecmascript|xml|x-javascript|[\w.-]+\+(?:json|xml))\b|image\/svg\+xml\b)/i;

export function isCompressible(contentType: string | undefined): boolean {
  return contentType !== undefined && compressibleType.test(contentType.trim());
}

/**
 * Whether an Accept-Encoding header accepts gzip (RFC 9110 §12.5.3): `gzip` (or `x-gzip`) listed
 * with a q-value above 0, or not listed while `*` is with a q-value above 0. `gzip;q=0` refuses it;
 * no header at all means the client asked for nothing, and is answered uncompressed.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  let gzipQ: number | null = null;
  let anyQ: number | null = null;
  for (const entry of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const m = /^q\s*=\s*([0-9.]+)$/.exec(param);
      if (m) q = Number(m[1]);
    }
    if (Number.isNaN(q)) q = 0;
    if (name === 'gzip' || name === 'x-gzip') gzipQ = Math.max(gzipQ ?? 0, q);
    else if (name === '*') anyQ = q;
  }
  return (gzipQ ?? anyQ ?? 0) > 0;
}

/** Adds Accept-Encoding to Vary, keeping what is there. */
function varyOnAcceptEncoding(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  if (current === undefined) {
    reply.header('vary', 'Accept-Encoding');
    return;
  }
  const value = Array.isArray(current) ? current.join(', ') : String(current);
  const tokens = value.split(',').map((t) => t.trim().toLowerCase());
  if (!tokens.includes('accept-encoding') && !tokens.includes('*')) reply.header('vary', `${value}, Accept-Encoding`);
}

/** The payload to compress, or null when the answer is sent as it is (most answers, decided at once). */
function toCompress(request: FastifyRequest, reply: FastifyReply, payload: unknown): string | Buffer | null {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return null;
  // 1xx, 204 and 304 carry no content; a 206 is a range of the identity content.
  const status = reply.statusCode;
  if (status < 200 || status === 204 || status === 206 || status === 304) return null;
  if (reply.hasHeader('content-encoding')) return null;
  if (!isCompressible(reply.getHeader('content-type') as string | undefined)) return null;
  if (Buffer.byteLength(payload) < minimumBytes) return null;
  // From here the answer depends on the request's Accept-Encoding, so caches must know it.
  varyOnAcceptEncoding(reply);
  return acceptsGzip(request.headers['accept-encoding']) ? payload : null;
}

/**
 * Registers the hook for every route of the app (the 404 and error answers included). It is a
 * callback hook, not an async one: an answer left as it is (every answer to a client that does
 * not ask for gzip) goes on at once, without a promise per request (bench:api measures that path).
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    const raw = toCompress(request, reply, payload);
    if (raw === null) {
      done(null, payload);
      return;
    }
    gzip(raw, { level }, (error, compressed) => {
      if (error) {
        done(error);
        return;
      }
      // A HEAD answer gets the headers a GET would: Fastify's own HEAD hook, which runs after this
      // one, takes the Content-Length from the compressed body and then drops the body.
      reply.header('content-encoding', 'gzip');
      // Fastify sets the length of what is finally sent; one set by the route would be the raw length.
      reply.removeHeader('content-length');
      done(null, compressed);
    });
  });
}
