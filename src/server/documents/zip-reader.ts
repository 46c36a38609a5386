/**
 * A small reader for the ZIP container of .docx/.xlsx files (PKWARE APPNOTE 6.3.x, sections
 * 4.3.7 local header, 4.3.12 central directory header, 4.3.16 end of central directory).
 *
 * It exists so an uploaded workbook can be judged before anything inflates it: the central
 * directory declares every entry's compressed and uncompressed size, which is enough to
 * refuse a zip bomb, and an entry is only ever inflated with an output limit equal to its
 * declared size, so a directory that lies about sizes cannot make us allocate more.
 */
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export class ZipFormatError extends Error {
  constructor(messageZh: string) {
    super(messageZh);
    this.name = 'ZipFormatError';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export function bufferSource(buffer: Buffer): ZipSource {
  return {
    size: buffer.length,
    read: async (offset, length) => buffer.subarray(offset, Math.min(offset + length, buffer.length)),
    close: async () => {},
  };
}

export async function fileSource(path: string): Promise<ZipSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const target = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      await handle.read(target, 0, target.length, offset);
      return target;
    },
    close: () => handle.close(),
  };
}

/** True when the bytes start like a ZIP file (local header or an empty archive). */
export function looksLikeZip(head: Buffer): boolean {
  if (head.length < 4) return false;
  const signature = head.readUInt32LE(0);
  return signature === LOCAL_SIGNATURE || signature === EOCD_SIGNATURE;
}

export async function readCentralDirectory(source: ZipSource): Promise<ZipEntry[]> {
  if (source.size < EOCD_MIN) throw new ZipFormatError('文件太小，不是 ZIP 格式');
  const tailLength = Math.min(source.size, EOCD_MIN + MAX_COMMENT);
  const tail = await source.read(source.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipFormatError('找不到 ZIP 中央目录');
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 (4.3.14) marks sizes as 0xFFFFFFFF; a workbook an office uploads is far below 4 GiB,
  // so such an archive is refused rather than parsed.
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipFormatError('不支持 ZIP64 格式的文件');
  }
  if (directoryOffset + directorySize > source.size) throw new ZipFormatError('ZIP 中央目录超出文件范围');
  const directory = await source.read(directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('ZIP 中央目录已损坏');
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      encrypted: (flags & 1) === 1,
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) {
      throw new ZipFormatError('不支持 ZIP64 格式的文件');
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry, never producing more than its declared size, and checks its CRC-32.
 * Only stored (0) and deflated (8) entries exist in Office files.
 */
export async function readEntry(source: ZipSource, entry: ZipEntry): Promise<Buffer> {
  if (entry.encrypted) throw new ZipFormatError(`压缩包内文件“${entry.name}”已加密`);
  const compressed = await source.read(await dataOffset(source, entry), entry.compressedSize);
  if (compressed.length !== entry.compressedSize) throw new ZipFormatError(`压缩包内文件“${entry.name}”不完整`);
  let data: Buffer;
  if (entry.method === 0) {
    data = compressed;
  } else if (entry.method === 8) {
    try {
      // maxOutputLength makes inflation stop (RangeError) once the declared size is passed.
      data = entry.uncompressedSize === 0 ? Buffer.alloc(0) : inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize });
    } catch {
      throw new ZipFormatError(`压缩包内文件“${entry.name}”解压失败或大小与声明不符`);
    }
  } else {
    throw new ZipFormatError(`压缩包内文件“${entry.name}”使用了不支持的压缩方式`);
  }
  if (data.length !== entry.uncompressedSize || (crc32(data) >>> 0) !== entry.crc32) {
    throw new ZipFormatError(`压缩包内文件“${entry.name}”校验失败`);
  }
  return data;
}

/** Convenience for tests and small files: the text of one named entry of an in-memory ZIP. */
export async function readZipText(buffer: Buffer, name: string): Promise<string> {
  const source = bufferSource(buffer);
  const entry = (await readCentralDirectory(source)).find((e) => e.name === name);
  if (!entry) throw new ZipFormatError(`压缩包内没有“${name}”`);
  return (await readEntry(source, entry)).toString('utf8');
}

async function dataOffset(source: ZipSource, entry: ZipEntry): Promise<number> {
  const local = await source.read(entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError(`压缩包内文件“${entry.name}”的本地文件头已损坏`);
  }
  return entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

/**
 * Inflates one entry chunk by chunk without keeping the output, failing as soon as it grows
 * past the declared size, and checks its CRC-32: after this the declared sizes the bomb check
 * relied on are known to be true. Memory stays at one chunk whatever the entry's size.
 */
export async function verifyEntry(source: ZipSource, entry: ZipEntry, chunkSize = 1 << 20): Promise<void> {
  if (entry.encrypted) throw new ZipFormatError(`压缩包内文件“${entry.name}”已加密`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`压缩包内文件“${entry.name}”使用了不支持的压缩方式`);
  const start = await dataOffset(source, entry);
  if (start + entry.compressedSize > source.size) throw new ZipFormatError(`压缩包内文件“${entry.name}”不完整`);
  let produced = 0;
  let crc = 0;
  const accept = (data: Buffer): void => {
    produced += data.length;
    if (produced > entry.uncompressedSize) throw new ZipFormatError(`压缩包内文件“${entry.name}”解压后大于声明的大小`);
    crc = crc32(data, crc);
  };
  if (entry.method === 0) {
    for (let at = 0; at < entry.compressedSize; at += chunkSize) {
      accept(await source.read(start + at, Math.min(chunkSize, entry.compressedSize - at)));
    }
  } else {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    const done = new Promise<void>((resolve, reject) => {
      inflater.on('data', (data: Buffer) => {
        try { accept(data); } catch (error) { inflater.destroy(); reject(error); }
      });
      inflater.on('end', resolve);
      inflater.on('error', () => reject(new ZipFormatError(`压缩包内文件“${entry.name}”解压失败`)));
    });
    done.catch(() => {});
    for (let at = 0; at < entry.compressedSize && !inflater.destroyed; at += chunkSize) {
      const chunk = await source.read(start + at, Math.min(chunkSize, entry.compressedSize - at));
      if (!inflater.write(chunk)) await new Promise<void>((resolve) => { inflater.once('drain', resolve); inflater.once('close', resolve); });
    }
    if (!inflater.destroyed) inflater.end();
    await done;
  }
  if (produced !== entry.uncompressedSize || (crc >>> 0) !== entry.crc32) {
    throw new ZipFormatError(`压缩包内文件“${entry.name}”校验失败`);
  }
}

/**
 * Streams one entry's inflated bytes. The caller has already run verifyEntry (or trusts the
 * file), so the output is bounded by the declared size; `onCompressed` reports bytes consumed.
 */
export async function* entryChunks(
  source: ZipSource,
  entry: ZipEntry,
  onCompressed?: (bytes: number) => void,
  chunkSize = 256 * 1024,
): AsyncGenerator<Buffer> {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`压缩包内文件“${entry.name}”使用了不支持的压缩方式`);
  const start = await dataOffset(source, entry);
  async function* compressed(): AsyncGenerator<Buffer> {
    for (let at = 0; at < entry.compressedSize; at += chunkSize) {
      const chunk = await source.read(start + at, Math.min(chunkSize, entry.compressedSize - at));
      onCompressed?.(chunk.length);
      yield chunk;
    }
  }
  if (entry.method === 0) {
    yield* compressed();
    return;
  }
  const inflater = Readable.from(compressed()).pipe(createInflateRaw({ chunkSize: 64 * 1024 }));
  for await (const chunk of inflater) yield chunk as Buffer;
}

/** Every entry of an in-memory ZIP, inflated (for small Office files we generated ourselves). */
export async function readAllEntries(buffer: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const source = bufferSource(buffer);
  const entries = await readCentralDirectory(source);
  return Promise.all(entries.map(async (entry) => ({ name: entry.name, data: await readEntry(source, entry) })));
}
