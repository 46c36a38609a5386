/**
 * Writes a ZIP archive (PKWARE APPNOTE 6.3.x: local headers, central directory, end record)
 * from whole entries. Used to put back a part of a generated DOCX after editing its XML.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { readAllEntries } from './zip-reader';

export interface ZipWriteEntry {
  name: string;
  data: Buffer;
}

/** DOS date 1980-01-01 00:00: fixed, so the same input gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function writeZip(entries: ZipWriteEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const crc = crc32(entry.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // bit 11: names are UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, compressed);
    directory.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralDirectory, end]);
}

/** Rewrites one part of an Office file, keeping every other part as it was. */
export async function replacePart(archive: Buffer, name: string, edit: (text: string) => string): Promise<Buffer> {
  const entries = await readAllEntries(archive);
  return writeZip(entries.map((entry) => (entry.name === name ? { name, data: Buffer.from(edit(entry.data.toString('utf8')), 'utf8') } : entry)));
}
