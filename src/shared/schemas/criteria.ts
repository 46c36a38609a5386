import { z } from 'zod';

/** How a leaf item is scored (docs/scheme-format.md, Methods), with its Chinese label. */
export const criterionMethodSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('manual'), label: z.string() }),
  z.object({ type: z.literal('deduction'), label: z.string(), perOccurrence: z.number(), variable: z.boolean() }),
  z.object({ type: z.literal('passFail'), label: z.string() }),
  z.object({ type: z.literal('formula'), label: z.string(), metric: z.string(), metricName: z.string() }),
]);
export type CriterionMethod = z.infer<typeof criterionMethodSchema>;

export const unitCriterionSchema = z.object({
  id: z.string().describe('细则编号'),
  name: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  points: z.number().describe('标准分：本条计入上级的分值'),
  childScale: z.number().describe('分组：下级合计的满分（不等于标准分时折算）'),
  leaf: z.boolean(),
  method: criterionMethodSchema.nullable(),
  notApplicableAllowed: z.boolean().describe('可申报缺项'),
  description: z.string().nullable().describe('评分标准'),
});
export type UnitCriterion = z.infer<typeof unitCriterionSchema>;

/** The criteria tree that applies to one assessed unit (its category's items), in scheme order. */
export const unitCriteriaSchema = z.object({
  unitId: z.string(),
  category: z.string(),
  categoryName: z.string(),
  scale: z.number().describe('总分'),
  notApplicableMode: z.enum(['normalise', 'fullMarks', 'zero']).describe('缺项计分方式'),
  items: z.array(unitCriterionSchema),
});
export type UnitCriteria = z.infer<typeof unitCriteriaSchema>;
