import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { AppError, forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/repository';
import { findUnit } from '../units/repository';
import type { FileStore } from './file-store';
import { cleanFileName, toStoredFileView } from './presenter';
import { insertStoredFile } from './repository';
import { acceptedTypesZh, sniffType } from './sniff-type';
import type { SniffedType } from './sniff-type';

/** Checks that the actor may upload for the unit, before any bytes are read. */
export async function assertCanUpload(db: Kysely<DB>, actor: Actor, unitId: string) {
  const unit = await findUnit(db, unitId);
  const resource = unit && { organisationPath: unit.organisation_path, unitId: unit.id };
  if (!unit || !resource || !can(actor, 'unit.read', resource)) throw notFound('被考核单位');
  if (!can(actor, 'file.upload', resource)) throw forbidden();
  return unit;
}

export async function uploadFile(
  db: Kysely<DB>,
  store: FileStore,
  actor: Actor,
  unitId: string,
  upload: { filename: string; stream: Readable & { truncated?: boolean } },
  maxBytes: number,
  now: Date,
) {
  const unit = await assertCanUpload(db, actor, unitId);
  const originalName = cleanFileName(upload.filename);
  let type: SniffedType | null = null;
  const blob = await store.put(upload.stream, (head) => {
    // The multipart parser stops at the limit and marks the stream truncated.
    if (upload.stream.truncated) {
      throw new AppError('payload_too_large', `文件超过大小上限（${Math.round(maxBytes / 1024 / 1024 * 10) / 10} MB）。`);
    }
    type = sniffType(head, originalName);
    if (!type) throw new AppError('unsupported_media_type', `不支持的文件类型。可上传：${acceptedTypesZh}。`);
  });
  if (blob.size === 0) throw new AppError('validation_failed', '上传的文件是空的。');
  const row = {
    id: randomUUID(), unit_id: unit.id, sha256: blob.sha256, size: blob.size, media_type: type!.mediaType,
    original_name: originalName, uploaded_by: actor.accountId, created_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await insertStoredFile(trx, row);
    await appendAudit(trx, {
      actorId: actor.accountId, action: 'file.upload', entityType: 'stored_file', entityId: row.id,
      organisationPath: unit.organisation_path, unitId: unit.id, before: null, after: toStoredFileView(row),
    }, now);
  });
  return toStoredFileView(row);
}
