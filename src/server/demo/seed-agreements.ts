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
import { findUnit } from '../modules/units/repository';
import { updateUnit } from '../modules/units/update-unit';

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
 * Invented people for the registry's units (demo only; the notice names none): a 主要负责人 and
 * 分管负责人 with the posts of a town or a department, and a contact with a made-up number.
 */
/** The head's and the deputy's posts as a unit of this kind names them (by the end of its name). */
function postsOf(name: string): [string, string] {
  const posts: [RegExp, string, string][] = [
    [/镇(政府)?$/, '镇长', '副镇长'], [/(街道|办事处|办|办公室|委|委员会|管委会|中心|联社)$/, '主任', '副主任'], [/部$/, '部长', '副部长'],
    [/(局|分局)$/, '局长', '副局长'], [/大队$/, '大队长', '副大队长'], [/(公司|集团)$/, '总经理', '副总经理'],
  ];
  const found = posts.find(([pattern]) => pattern.test(name));
  return found ? [found[1], found[2]] : ['主要负责人', '分管负责人'];
}

async function seedDemoUnitPeople(db: Kysely<DB>, admin: Actor, unitIds: readonly string[], now: Date): Promise<void> {
  for (const [i, unitId] of unitIds.entries()) {
    const unit = (await findUnit(db, unitId))!;
    const [head, deputyPost] = postsOf(unit.name);
    await updateUnit(db, admin, unitId, {
      version: unit.version,
      contacts: {
        principal: { name: `${principals[i % principals.length]}${i % 2 === 0 ? '建国' : '振华'}`, post: head },
        deputy: { name: `${principals[(i + 5) % principals.length]}${i % 2 === 0 ? '明' : '强'}`, post: deputyPost },
        contact: { name: `${principals[(i + 9) % principals.length]}${i % 3 === 0 ? '丽' : '伟'}`, phone: `0533-61${String(81000 + i * 37).slice(-5)}` },
      },
    }, now);
  }
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
  const unitIds = (await db.selectFrom('campaign_unit').select('unit_id').where('campaign_id', '=', campaignId).orderBy('sort_order').execute()).map((u) => u.unit_id);
  await seedDemoUnitPeople(db, admin, unitIds, now);
  // The drafts take their signatories from the registry just filled.
  const { items } = await draftAgreements(db, admin, campaignId, undefined, now);
  for (const [i, draft] of items.entries()) {
    const edited = await updateAgreement(db, admin, campaignId, draft.unitId, {
      version: draft.version, targets: draft.targets, keyTasks: draft.keyTasks,
      controlIndicators: draft.controlIndicators.map(({ label: _label, ...indicator }) => indicator),
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
