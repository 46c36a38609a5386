import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import type { ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const sha256Pattern = /^[0-9a-f]{64}$/;

export interface StoredBlob {
  sha256: string;
  size: number;
  /** The first bytes, for type sniffing. */
  head: Buffer;
}

/**
 * Content-addressed file store under ANKE_DATA_DIR/files: a file lives at
 * files/<aa>/<bb>/<sha256>. Paths are built only from a validated SHA-256, never from
 * anything a client sends, so no request can name a path outside the store.
 */
export class FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir, 'files');
  }

  pathFor(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new Error(`invalid content address: ${JSON.stringify(sha256)}`);
    const path = resolve(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    if (!path.startsWith(this.root + sep)) throw new Error('content address escapes the store');
    return path;
  }

  /**
   * Streams an upload into a temporary file while hashing it, then moves it to its
   * address. The stream's own size limit (multipart) aborts oversized uploads.
   */
  async put(source: Readable, accept: (head: Buffer) => void = () => {}): Promise<StoredBlob> {
    const tmpDir = join(this.root, 'tmp');
    mkdirSync(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const headChunks: Buffer[] = [];
    let headLength = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        if (headLength < 16) {
          headChunks.push(chunk.subarray(0, 16 - headLength));
          headLength += Math.min(chunk.length, 16 - headLength);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmp, { flags: 'wx' }));
      // Durable before it is referenced by a committed row.
      const handle = await open(tmp, 'r');
      try { await handle.sync(); } finally { await handle.close(); }
      const head = Buffer.concat(headChunks);
      accept(head); // refuses before the file gets an address
      const sha256 = hash.digest('hex');
      const target = this.pathFor(sha256);
      mkdirSync(resolve(target, '..'), { recursive: true });
      if (existsSync(target)) rmSync(tmp);
      else renameSync(tmp, target);
      return { sha256, size, head };
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
  }

  read(sha256: string): ReadStream {
    return createReadStream(this.pathFor(sha256));
  }
}
