import { z } from 'zod';

/** Pagination shared by every list endpoint: `page` from 1, `pageSize` up to 200. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1).describe('页码，从 1 开始'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数，最多 200'),
  order: z.enum(['asc', 'desc']).default('asc').describe('排序方向'),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('符合条件的总条数'),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
