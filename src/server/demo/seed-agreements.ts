import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/can';
import type { DB } from '../db/schema';
import { changeAgreementState } from '../modules/agreements/change-agreement-state';
import { draftAgreements } from '../modules/agreements/draft-agreements';
import { updateAgreement } from '../modules/agreements/update-agreement';
import type { FileStore } from '../modules/files/file-store';
import { uploadFile } from '../modules/files/upload-file';

/** Units of the demo whose agreement is issued but not yet signed, so the unsigned list is not empty. */
export const demoUnsignedUnits = ['nanjiao', 'gongshang', 'jiaotong'];

const principals = ['刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];

async function actorOf(db: Kysely<DB>, username: string): Promise<Actor> {
  const a = await db.selectFrom('account').innerJoin('organisation', 'organisation.id', 'account.organisation_id')
    .select(['account.id', 'account.role', 'account.unit_id', 'organisation.path']).where('account.username', '=', username).executeTakeFirstOrThrow();
  return { accountId: a.id, role: a.role as Actor['role'], organisationPath: a.path, unitId: a.unit_id, assignedUnitIds: [] };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A stand-in for a scanned signature page (demo only): a white A4-shaped page with grey
 * lines of text and a red seal, as a real PNG the browser previews.
 */
export function demoScanPng(seed: number): Buffer {
  const width = 420;
  const height = 594;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      let rgb = [252, 251, 247];
      const line = y > 60 && y < 420 && (y - 60) % 24 < 3 && x > 50 && x < 370 - ((y * 7 + seed * 13) % 90);
      const title = y > 30 && y < 40 && x > 130 && x < 290;
      const dx = x - 300;
      const dy = y - 490;
      const r = Math.sqrt(dx * dx + dy * dy);
      if (line || title) rgb = [90, 90, 90];
      if ((r > 44 && r < 50) || (r < 12)) rgb = [200, 30, 30];
      if (y > 480 && y < 483 && x > 60 && x < 200) rgb = [40, 40, 40];
      raw.set(rgb, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * This year's agreements, through the same use cases the API runs: drafted from the units'
 * indicators, issued by the office, and signed with a scanned page for every unit but a few
 * (demoUnsignedUnits), which stay issued. Without a file store (tests of the seed), the
 * agreements are issued only.
 */
export async function seedDemoAgreements(db: Kysely<DB>, now: Date, files?: FileStore): Promise<void> {
  const admin = await actorOf(db, 'admin');
  // This year's round: the latest campaign of the demo.
  const campaign = await db.selectFrom('campaign').select(['id', 'year']).orderBy('year', 'desc').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const campaignId = campaign.id;
  const { items } = await draftAgreements(db, admin, campaignId, undefined, now);
  for (const [i, draft] of items.entries()) {
    const edited = await updateAgreement(db, admin, campaignId, draft.unitId, {
      version: draft.version, targets: draft.targets, keyTasks: draft.keyTasks,
      controlIndicators: draft.controlIndicators.map(({ label: _label, ...indicator }) => indicator),
      unitPrincipal: `${principals[i % principals.length]}${i % 2 === 0 ? '建国' : '振华'}`,
      unitDeputy: `${principals[(i + 5) % principals.length]}${i % 2 === 0 ? '明' : '强'}`,
      governmentSignatory: '王区长',
    }, now);
    const issued = await changeAgreementState(db, admin, campaignId, draft.unitId, { action: 'issue', version: edited.version }, now);
    if (!files || demoUnsignedUnits.includes(draft.unitId)) continue;
    const scan = await uploadFile(db, files, admin, draft.unitId, {
      filename: `${draft.unitName}责任书签字页.png`, stream: Readable.from([demoScanPng(i)]),
    }, 10 * 1024 * 1024, now);
    const day = String(10 + (i % 18)).padStart(2, '0');
    await changeAgreementState(db, admin, campaignId, draft.unitId, {
      action: 'sign', version: issued.version, signedOn: `${campaign.year}-02-${day}`, scannedFileId: scan.id,
    }, now);
  }
}
