import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip as gzipCallback } from 'node:zlib';
import type { Plugin } from 'vite';

const gzip = promisify(gzipCallback);

/** The built files worth compressing: text. Images and fonts are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|xml)$/;

/** Under about one TCP packet there is nothing to gain, and the server would stat a file for nothing. */
const minimumBytes = 1024;

/**
 * Writes `<file>.gz` beside each text file of the build, at zlib's highest level: it is done once
 * per build, so the time is spent there and not on every request. The server sends the `.gz` to a
 * browser that accepts gzip (@fastify/static `preCompressed`, src/server/app.ts): the embedded
 * single-server deployment has no reverse proxy in front of it to compress the app's files.
 * Vite's own `.vite/` (the manifest bench:web asks for) is not served and is skipped.
 */
export function precompressWeb(): Plugin {
  return {
    name: 'anke-precompress-web',
    apply: 'build',
    async writeBundle(options) {
      const outDir = options.dir;
      if (!outDir) return;
      const files = (await readdir(outDir, { recursive: true }))
        .filter((file) => compressible.test(file) && !file.split(/[\\/]/).includes('.vite'));
      await Promise.all(files.map(async (file) => {
        const path = join(outDir, file);
        if ((await stat(path)).size < minimumBytes) return;
        await writeFile(`${path}.gz`, await gzip(await readFile(path), { level: constants.Z_BEST_COMPRESSION }));
      }));
    },
  };
}
