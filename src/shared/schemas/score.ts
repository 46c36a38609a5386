import { z } from 'zod';
import { evidenceFileSchema } from './team';

export const scoreKindSchema = z.enum(['self', 'team']).describe('self：单位自评；team：考核组评分');

export const scoreParamsSchema = z.object({
  id: z.string().min(1).max(100),
  unitId: z.string().min(1).max(100),
  kind: scoreKindSchema,
});

/**
 * Criterion id → the engine's item input (docs/scheme-format.md): a number, `{ score }`,
 * `{ deductions: [{ times, points?, reason }] }`, `{ passed }`, or `{ notApplicable: true, reason }` (缺项).
 */
export const scoreItemsSchema = z.object({
  items: z.record(z.string().min(1).max(50), z.unknown()).refine((o) => Object.keys(o).length >= 1 && Object.keys(o).length <= 500, '应有 1 至 500 项'),
}).strict();

export const unitScoresSchema = z.object({
  unitId: z.string(),
  selfAssessmentState: z.enum(['draft', 'submitted', 'returned']),
  /** 退回原因 of the last return, with its time (null: never returned) */
  selfAssessmentReturn: z.object({ reason: z.string(), returnedAt: z.string() }).nullable().describe('安委办最近一次退回自评的原因'),
  response: z.object({ response: z.enum(['confirmed', 'disagreed']), comment: z.string().nullable(), respondedAt: z.string() }).nullable()
    .describe('单位对考核组评分的确认或异议'),
  /** criterion id → { self, team }: the team's score with the unit's own beside it */
  items: z.record(z.string(), z.object({ self: z.unknown().nullable(), team: z.unknown().nullable() })),
  /** the unit's assessment team in the campaign (null: scored by assigned assessors or the office) */
  team: z.object({
    teamId: z.string(),
    name: z.string(),
    leaderId: z.string().nullable(),
    memberCount: z.number().int(),
    /** members: each member scores separately and the leader confirms the team score; single: the one member's score is the team's */
    scoring: z.enum(['single', 'members']),
    confirmation: z.object({
      confirmedBy: z.string().nullable(), confirmedAt: z.string(), version: z.number().int(), reasons: z.record(z.string(), z.string()),
      outdated: z.boolean().describe('确认后组员又修改了评分，需组长重新确认'),
    }).nullable().describe('组长对考核组评分的确认'),
    officeScoredAt: z.string().nullable()
      .describe('多名组员评分时，安委办（非本组组员）在组长确认之后或未经确认直接录入或导入考核组评分的最近时间；null 为没有'),
  }).nullable(),
  /** each member's own inputs (teams of several members); hidden from the unit; a member other than the leader gets only its own */
  members: z.array(z.object({ accountId: z.string(), displayName: z.string(), items: z.record(z.string(), z.unknown()) })),
  /** criterion id → evidence files of the self-assessment and of the team */
  evidence: z.record(z.string(), z.object({ self: z.array(evidenceFileSchema), team: z.array(evidenceFileSchema) })),
});

/** 退回原因: why the office returns a submitted self-assessment. */
export const returnReasonSchema = z.string({ error: '请填写退回原因' }).trim().min(1, '请填写退回原因').max(1000, '退回原因不能超过 1000 字');

export const selfAssessmentActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit') }).strict(),
  z.object({
    action: z.literal('return'),
    reason: returnReasonSchema.describe('退回原因'),
  }).strict(),
]);
export const selfAssessmentParamsSchema = z.object({ id: z.string().min(1).max(100), unitId: z.string().min(1).max(100) });
export const selfAssessmentSchema = z.object({
  unitId: z.string(),
  state: z.enum(['draft', 'submitted', 'returned']),
  submittedAt: z.string().nullable(),
  returnReason: z.string().nullable().describe('退回原因（最近一次退回）'),
  returnedAt: z.string().nullable(),
});

export const scoreResponseBodySchema = z.object({
  response: z.enum(['confirmed', 'disagreed']).describe('confirmed：确认；disagreed：提出异议'),
  comment: z.string().trim().max(2000).optional().describe('异议理由（提出异议时必填）'),
}).strict();
export const scoreResponseSchema = z.object({
  unitId: z.string(),
  response: z.enum(['confirmed', 'disagreed']),
  comment: z.string().nullable(),
  respondedAt: z.string(),
});
