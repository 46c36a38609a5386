import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { findStoredFile } from '../files/repository';

/** Photos are files uploaded first (files module); each must be an image the actor may read. */
export async function checkPhotos(db: Kysely<DB>, actor: Actor, field: string, ids: readonly string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const file = await findStoredFile(db, id);
    if (!file || !can(actor, 'file.read', { organisationPath: file.organisation_path, unitId: file.unit_id })) {
      throw new AppError('validation_failed', `请求体字段“${field}.${i}”：照片文件“${id}”不存在或无权查看。`);
    }
    if (!file.media_type.startsWith('image/')) {
      throw new AppError('validation_failed', `请求体字段“${field}.${i}”：文件“${file.original_name}”不是图片。`);
    }
  }
}
