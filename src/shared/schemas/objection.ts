import { z } from 'zod';

export const objectionCreateSchema = z.object({
  unitId: z.string().min(1).max(100),
  content: z.string().trim().min(5, '申诉内容至少 5 个字').max(5000).describe('申诉的事项和理由'),
}).strict();

export const objectionAnswerSchema = z.object({
  answer: z.string().trim().min(5, '答复至少 5 个字').max(5000).describe('答复意见'),
}).strict();

export const objectionSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  content: z.string(),
  filedBy: z.string().nullable(),
  filedAt: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export const objectionListSchema = z.object({ items: z.array(objectionSchema) });
export const objectionParamsSchema = z.object({ id: z.string().min(1).max(100), objectionId: z.string().min(1).max(100) });
