import { z } from 'zod';
import { objectionDecisions } from '../../domain/workflow/objection';

export const objectionCreateSchema = z.object({
  unitId: z.string().min(1).max(100),
  content: z.string().trim().min(5, '申诉内容至少 5 个字').max(5000).describe('申诉的事项和理由'),
}).strict();

/** 处理结论: required with every new answer (申诉成立 or 申诉不成立). */
export const objectionDecisionSchema = z.enum(objectionDecisions, { error: '请选择处理结论：申诉成立或申诉不成立' }).describe('处理结论：upheld 申诉成立，dismissed 申诉不成立');

export const objectionAnswerSchema = z.object({
  decision: objectionDecisionSchema,
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
  /** null while unanswered, and for answers given before decisions were recorded (shown as 已答复) */
  decision: objectionDecisionSchema.nullable(),
  /** when the results went back to re-scoring after it was upheld */
  revisedAt: z.string().nullable(),
});
export const objectionListSchema = z.object({ items: z.array(objectionSchema) });
export const objectionParamsSchema = z.object({ id: z.string().min(1).max(100), objectionId: z.string().min(1).max(100) });
