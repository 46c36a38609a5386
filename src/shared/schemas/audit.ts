import { z } from 'zod';
import { pageOf, pageQuery } from './list';

export const auditRecordSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  unitId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});

export const auditListQuerySchema = z.object({
  ...pageQuery,
  order: z.enum(['asc', 'desc']).default('desc'),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  from: z.iso.datetime().optional().describe('起始时间（含），ISO-8601'),
  to: z.iso.datetime().optional().describe('截止时间（不含），ISO-8601'),
});

export const auditListSchema = pageOf(auditRecordSchema).extend({
  totalCapped: z.boolean().describe('为 true 时符合条件的记录多于 total（计数截止于本页之后的下一个整千条再加 1000 条，例如第 1 页为 2000），界面显示“2000+”'),
});
