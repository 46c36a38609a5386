import type { FastifyStaticOptions } from '@fastify/static';
import { relative, sep } from 'node:path';

/**
 * How the built web app (dist/web) is served. Vite names every file under assets/ by a hash of
 * its content, so a browser may keep them for good; index.html (and the favicon) keep their names
 * across releases and name the current assets, so the browser asks again each time (no-cache: it
 * revalidates with the ETag and gets a 304 while nothing changed) and a new release is seen at once.
 *
 * Each text file also exists as `.gz` (scripts/precompress-web.ts); `preCompressed` sends it,
 * with Content-Encoding and Vary, to a browser that accepts gzip — there is no reverse proxy in
 * the embedded deployment to compress them — and the `.gz` files are not routes of their own.
 */
export function webFileOptions(root: string): FastifyStaticOptions {
  return {
    root,
    wildcard: false,
    preCompressed: true,
    globIgnore: ['**/*.gz'],
    setHeaders(reply, path) {
      const hashed = relative(root, path).startsWith(`assets${sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  };
}
