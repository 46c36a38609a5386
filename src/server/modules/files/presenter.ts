import type { StoredFileView } from '../../../shared/schemas/file';

interface StoredFileRow {
  id: string; unit_id: string; sha256: string; size: number; media_type: string;
  original_name: string; uploaded_by: string; created_at: string;
}

export function toStoredFileView(row: StoredFileRow): StoredFileView {
  return {
    id: row.id, unitId: row.unit_id, originalName: row.original_name, mediaType: row.media_type,
    size: row.size, sha256: row.sha256, uploadedBy: row.uploaded_by, createdAt: row.created_at,
  };
}

/** A display name only: the last path segment, without control characters. */
export function cleanFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '未命名文件' : cleaned;
}

/**
 * Content-Disposition with the original (Chinese) name: RFC 6266 / RFC 5987 `filename*`
 * in UTF-8, plus an ASCII `filename` for old clients.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
