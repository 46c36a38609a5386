import { z } from 'zod';
import { agreementStates } from '../../domain/workflow/agreement-state';

export const unitProgressSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  selfAssessment: z.enum(['draft', 'submitted', 'returned']),
  agreement: z.enum(agreementStates).nullable().describe('责任书状态；尚未起草时为空'),
  selfItems: z.number().int().describe('已自评的细则数'),
  teamItems: z.number().int().describe('考核组已评分的细则数'),
  teamComplete: z.boolean().describe('考核组评分已覆盖全部适用细则'),
  openObjections: z.number().int(),
  pendingVetoProposals: z.number().int(),
  paceWarnings: z.array(z.string()).describe('控制指标超进度或已突破的提示'),
});

export const campaignProgressSchema = z.object({
  campaignId: z.string(),
  asOf: z.string(),
  totals: z.object({
    units: z.number().int(),
    agreementsSigned: z.number().int().describe('已签订（含已归档）责任书的单位数'),
    selfSubmitted: z.number().int(),
    teamComplete: z.number().int(),
    openObjections: z.number().int(),
    pendingVetoProposals: z.number().int(),
    paceWarnings: z.number().int().describe('有控制指标提示的单位数'),
  }),
  units: z.array(unitProgressSchema),
});

export const todoSchema = z.object({
  kind: z.enum([
    'submitMonthlyReport', 'submitSelfAssessment', 'scoreUnits', 'reviewPublicity', 'nameTeamLeader', 'decideVeto', 'answerObjection', 'reviseForObjection', 'publish',
  ]),
  title: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  unitIds: z.array(z.string()),
  due: z.string().nullable(),
  reminder: z.enum(['overdue', 'dueSoon']).nullable().describe('已逾期 / 即将到期'),
});
export const todoListSchema = z.object({ items: z.array(todoSchema) });
