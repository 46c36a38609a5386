/**
 * The type of an upload, decided from its first bytes (the declared Content-Type and the
 * file name are not trusted). ZIP and OLE containers are accepted only as the Office
 * formats their extension names, since the container alone does not say which.
 */
export interface SniffedType {
  mediaType: string;
  label: string;
}

const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);

export function sniffType(head: Buffer, originalName: string): SniffedType | null {
  const ext = originalName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', label: 'JPEG 图片' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: 'image/png', label: 'PNG 图片' };
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return { mediaType: 'image/webp', label: 'WebP 图片' };
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mediaType: 'application/pdf', label: 'PDF 文档' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'docx') return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档' };
    if (ext === 'xlsx') return { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格' };
    return null;
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (ext === 'doc') return { mediaType: 'application/msword', label: 'Word 文档' };
    if (ext === 'xls') return { mediaType: 'application/vnd.ms-excel', label: 'Excel 表格' };
    return null;
  }
  return null;
}

export const acceptedTypesZh = 'JPEG、PNG、WebP 图片，PDF，Word（doc/docx），Excel（xls/xlsx）';
