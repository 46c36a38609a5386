import { z } from 'zod';
import { pageOf, pageQuery } from './list';

export const storedFileSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  originalName: z.string().describe('上传时的文件名'),
  mediaType: z.string().describe('按文件内容判定的类型'),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});
export type StoredFileView = z.infer<typeof storedFileSchema>;

export const fileParamsSchema = z.object({ id: z.uuid() });

export const unitFilesParamsSchema = z.object({ unitId: z.string().min(1).max(100) });

export const fileListQuerySchema = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const fileListSchema = pageOf(storedFileSchema);
