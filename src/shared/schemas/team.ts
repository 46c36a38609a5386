import { z } from 'zod';

const id = z.string().min(1).max(100);

export const teamParamsSchema = z.object({ id, teamId: id });
export const teamUnitParamsSchema = z.object({ id, teamId: id, unitId: id });

/**
 * An assessment team (考核组) of a campaign: its members are assessor accounts of the
 * campaign's organisation; the leader (组长) is one of them. A team may be formed before it
 * is staffed (no members, no leader).
 */
export const teamCreateSchema = z.object({
  name: z.string().trim().min(1, '请填写考核组名称').max(50).describe('考核组名称，如“第一考核组”'),
  leaderId: id.nullable().optional().describe('组长（须为组员）；缺省为无'),
  memberIds: z.array(id).max(50).default([]).describe('组员账号 id（考核组成员）'),
  unitIds: z.array(id).max(1000).default([]).describe('分配给本组的被考核单位 id'),
}).strict();
export type TeamCreate = z.infer<typeof teamCreateSchema>;

export const teamUpdateSchema = z.object({
  version: z.number().int().min(1).describe('读取时的考核组版本号'),
  name: teamCreateSchema.shape.name.optional(),
  leaderId: id.nullable().optional(),
  memberIds: z.array(id).max(50).optional(),
}).strict();
export type TeamUpdate = z.infer<typeof teamUpdateSchema>;

export const teamUnitsUpdateSchema = z.object({
  version: z.number().int().min(1).describe('读取时的考核组版本号'),
  unitIds: z.array(id).max(1000).describe('本组负责的全部被考核单位 id（整体替换）'),
}).strict();

export const teamDeleteSchema = z.object({ version: z.number().int().min(1).describe('读取时的考核组版本号') }).strict();

export const teamSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  name: z.string(),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  members: z.array(z.object({ accountId: z.string(), displayName: z.string(), isLeader: z.boolean() })),
  units: z.array(z.object({ unitId: z.string(), name: z.string() })),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TeamView = z.infer<typeof teamSchema>;

export const teamListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('页码，从 1 开始'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数，最多 200'),
  order: z.enum(['asc', 'desc']).default('asc').describe('按组建先后（同时组建的按名称）排序的方向'),
  memberId: id.optional().describe('只列出含此组员的考核组'),
  unitId: id.optional().describe('只列出负责此单位的考核组'),
}).strict();

export const teamListSchema = z.object({
  items: z.array(teamSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/**
 * The leader's confirmation of a unit's team score. Per criterion: take one member's input
 * (`fromMember`) or enter one (`input`), with a reason when the confirmed score differs from
 * the members' mean. A criterion left out takes the members' input when all of them agree.
 */
export const teamConfirmationSchema = z.object({
  version: z.number().int().min(0).describe('读取时的确认版本号（尚未确认为 0）'),
  items: z.record(z.string().min(1).max(50), z.object({
    fromMember: id.optional().describe('采用该组员的评分'),
    input: z.unknown().optional().describe('组长录入的评分（格式同逐项得分）'),
    reason: z.string().trim().max(500).optional().describe('与组员平均分不同时的理由'),
  }).strict()).default({}).describe('按细则编号'),
}).strict();
export type TeamConfirmationInput = z.infer<typeof teamConfirmationSchema>;

export const teamConfirmationViewSchema = z.object({
  unitId: z.string(),
  teamId: z.string(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string(),
  version: z.number().int(),
  /** criterion id → why the confirmed score differs from the members' mean */
  reasons: z.record(z.string(), z.string()),
  /** criterion id → the confirmed team input */
  items: z.record(z.string(), z.unknown()),
});

export const evidenceParamsSchema = z.object({ id, unitId: id, kind: z.enum(['self', 'team']) });
export const evidenceDetachParamsSchema = z.object({ id, unitId: id, kind: z.enum(['self', 'team']), criterionId: z.string().min(1).max(50), fileId: id });
export const evidenceAttachSchema = z.object({
  criterionId: z.string().min(1, '请选择细则').max(50).describe('细则编号'),
  fileIds: z.array(id).min(1, '请选择至少一个文件').max(20).describe('已上传文件的 id'),
}).strict();

export const evidenceFileSchema = z.object({
  fileId: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int(), attachedAt: z.string(),
});
export const evidenceListSchema = z.object({
  unitId: z.string(),
  kind: z.enum(['self', 'team']),
  criterionId: z.string(),
  files: z.array(evidenceFileSchema),
});
