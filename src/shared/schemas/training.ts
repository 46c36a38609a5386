import { z } from 'zod';
import { CERTIFICATE_STATUS_ZH, TRAINING_ROLE_ZH, TRAINING_ROLES } from '../../domain/ledgers/training/training-coverage';
import type { CertificateStatus, TrainingRole } from '../../domain/ledgers/training/training-coverage';
import { pageOf, pageQuery } from './list';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(100);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const trainingRoleSchema = z.enum(TRAINING_ROLES as [TrainingRole, ...TrainingRole[]]).describe('人员类别：主要负责人、安全生产管理人员、特种作业人员');
export const trainingRoleLabels = TRAINING_ROLE_ZH;
export const certificateStatusLabels = CERTIFICATE_STATUS_ZH;

export const trainingParamsSchema = z.object({ id });

export const personCreateSchema = z.object({
  enterpriseId: text(100).describe('所在生产经营单位'),
  name: text(50).describe('姓名'),
  role: trainingRoleSchema,
  operationType: text(50).optional().describe('特种作业类别（电工作业、焊接与热切割作业……）'),
  identifier: text(50).optional().describe('身份证号后四位或其他识别号'),
  active: z.boolean().default(true).describe('在岗'),
}).strict();
export type PersonCreate = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = z.object({
  version: z.number().int().min(1).describe('读取时的版本号'),
  name: text(50).optional(),
  role: trainingRoleSchema.optional(),
  operationType: text(50).nullable().optional().describe('特种作业类别；null 清除'),
  identifier: text(50).nullable().optional().describe('识别号；null 清除'),
  active: z.boolean().optional().describe('在岗（离岗人员不再计入覆盖率）'),
}).strict();
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const personSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  territorialUnitId: z.string(),
  regulatingUnitId: z.string(),
  name: z.string(),
  role: trainingRoleSchema,
  roleLabel: z.string(),
  operationType: z.string().nullable(),
  identifier: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type PersonView = z.infer<typeof personSchema>;

export const personListQuerySchema = z.object({
  enterpriseId: id.optional().describe('生产经营单位'),
  unitId: id.optional().describe('属地镇街或监管部门'),
  role: trainingRoleSchema.optional(),
  active: bool.optional().describe('是否在岗'),
  ...pageQuery,
}).strict();
export type PersonListQuery = z.infer<typeof personListQuerySchema>;
export const personListSchema = pageOf(personSchema);

export const sessionCreateSchema = z.object({
  organisationId: id.optional().describe('举办培训的组织（安委办举办时填写）'),
  unitId: id.optional().describe('举办培训的单位（镇街或部门举办时填写）'),
  title: text(200).describe('培训名称'),
  heldOn: date.describe('培训日期'),
  organiser: text(100).describe('组织实施单位'),
  hours: z.number().int().min(1).max(200).describe('学时'),
  roles: z.array(trainingRoleSchema).min(1).max(3).describe('培训对象'),
}).strict();
export type SessionCreate = z.infer<typeof sessionCreateSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  unitId: z.string().nullable(),
  title: z.string(),
  heldOn: z.string(),
  organiser: z.string(),
  hours: z.number().int(),
  roles: z.array(z.object({ role: trainingRoleSchema, label: z.string() })),
});
export type SessionView = z.infer<typeof sessionSchema>;

export const sessionListQuerySchema = z.object({
  unitId: id.optional().describe('举办单位'),
  from: date.optional().describe('培训日期起'),
  to: date.optional().describe('培训日期止'),
  ...pageQuery,
  order: pageQuery.order.default('desc'),
}).strict();
export type SessionListQuery = z.infer<typeof sessionListQuerySchema>;
export const sessionListSchema = pageOf(sessionSchema);

export const certificateCreateSchema = z.object({
  personId: text(100).describe('持证人'),
  role: trainingRoleSchema.optional().describe('证书类别（缺省为持证人的人员类别）'),
  operationType: text(50).optional().describe('特种作业类别（缺省为持证人的作业类别）'),
  number: text(100).describe('证书编号'),
  issuedOn: date.describe('发证日期'),
  validUntil: date.describe('有效期至'),
  sessionId: text(100).optional().describe('取得证书的培训'),
}).strict();
export type CertificateCreate = z.infer<typeof certificateCreateSchema>;

const statusSchema = z.enum(['valid', 'expiringSoon', 'expired', 'notYetValid', 'revoked'] as [CertificateStatus, ...CertificateStatus[]]);

export const certificateSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  role: trainingRoleSchema,
  roleLabel: z.string(),
  operationType: z.string().nullable(),
  number: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  sessionId: z.string().nullable(),
  status: statusSchema.describe('当前（应用时钟）状态'),
  statusLabel: z.string(),
});
export type CertificateView = z.infer<typeof certificateSchema>;

export const certificateListQuerySchema = z.object({
  enterpriseId: id.optional().describe('生产经营单位'),
  personId: id.optional().describe('持证人'),
  ...pageQuery,
}).strict();
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;
export const certificateListSchema = pageOf(certificateSchema);

export const coverageQuerySchema = z.object({
  unitId: id.optional().describe('属地镇街或监管部门'),
  enterpriseId: id.optional().describe('生产经营单位'),
}).strict();

export const coverageSchema = z.object({
  asOf: z.string().describe('统计日期（今天，中国时间）'),
  scope: z.object({ kind: z.enum(['enterprise', 'territorial', 'sectoral']), id: z.string(), name: z.string() }),
  required: z.number().int().describe('须持证人数'),
  covered: z.number().int().describe('持有效证书人数'),
  rate: z.number().nullable().describe('覆盖率（%，两位小数）；无须持证人员时为空'),
  byRole: z.array(z.object({ role: trainingRoleSchema, label: z.string(), required: z.number().int(), covered: z.number().int() })),
  uncovered: z.array(z.object({ personId: z.string(), name: z.string(), enterpriseName: z.string(), role: trainingRoleSchema, roleLabel: z.string(), reason: z.string() })),
  expiringSoon: z.array(z.object({ certificateId: z.string(), number: z.string(), personId: z.string(), personName: z.string(), enterpriseName: z.string(), expiresOn: z.string() })),
});
export type CoverageView = z.infer<typeof coverageSchema>;
