import { campaignTransitions } from '../domain/workflow/campaign-state';
import type { CampaignAction } from '../domain/workflow/campaign-state';
import { STEP_ZH } from '../domain/ledgers/enforcement/procedures';
import type { StepKey } from '../domain/ledgers/enforcement/procedures';
import { HAZARD_ACTION_ZH } from '../domain/ledgers/hazard/hazard-card';
import type { HazardAction } from '../domain/ledgers/hazard/hazard-card';
import type { OrganisationView } from '../shared/schemas/organisation';

// Chinese labels for codes that have none in src/shared or src/domain yet. Unknown codes
// are shown through `labelOr`, which never puts a bare English code on the screen.

export const organisationKindLabels: Record<OrganisationView['kind'], string> = {
  province: '省',
  city: '市',
  county: '县（区）',
  town: '镇（街道）',
  body: '机关与委员会',
};

export const auditActionLabels: Record<string, string> = {
  'account.create': '创建账户',
  'account.lock': '锁定账户',
  'account.login': '登录',
  'account.update': '修改账户',
  'account.disable': '停用账户',
  'account.enable': '启用账户',
  'account.password_reset': '重置密码',
  'account.password_change': '修改密码',
  'organisation.create': '新建组织',
  'unit.create': '新建被考核单位',
  'unit.update': '修改被考核单位',
  'file.upload': '上传文件',
  'campaign.create': '创建考核活动',
  'campaign.reviseScheme': '修改考核方案',
  'import.criteria': '从表格导入考核细则',
  'campaign.copy': '复制考核活动',
  'campaign.updateDates': '修改考核活动日期',
  'campaign.transition': '考核活动状态变更',
  'results.correct': '更正考核结果',
  'score.self': '保存自评分',
  'score.team': '保存考核组评分',
  'selfAssessment.submit': '提交自评',
  'selfAssessment.return': '退回自评',
  'veto.confirm': '确认一票否决',
  'veto.reject': '驳回一票否决',
  'accident.record': '登记事故',
  'accident.update': '更新事故',
  'accident.updateFigures': '补报事故数据',
  'accident.recordReport': '登记事故报告时间',
  'monthlyReport.submit': '报送月度指标',
  'metrics.save': '录入考核指标值',
  'score.member': '保存考核组成员评分',
  'adjustment.bonus': '记录加分',
  'adjustment.penalty': '记录减分',
  'team.create': '组建考核组',
  'team.update': '修改考核组',
  'team.delete': '撤销考核组',
  'team.assignUnits': '分配考核单位',
  'team.confirmScore': '组长确认考核组评分',
  'evidence.attach': '附加佐证材料',
  'evidence.detach': '移除佐证材料',
  'import.units': '从表格导入单位',
  'import.item_scores': '从表格导入评分',
  'enterprise.create': '登记生产经营单位',
  'enterprise.update': '修改企业档案',
  'enterprise.import': '从表格导入企业',
  'demo.ledgers': '载入演示台账',
  'demo.enforcement': '载入演示执法措施',
  'hazard.create': '发现隐患',
  'tip.receive': '受理举报',
  'tip.assign': '交办举报',
  'tip.extend': '批准举报延期办理',
  'tip.verify': '登记举报核查结果',
  'tip.reply': '答复举报人',
  'tip.reward': '核定举报奖励',
  'enforcement.open': '采取执法措施',
  'expert.create': '专家入库',
  'expert.update': '修改专家信息',
  'inspection.plan': '制定检查计划',
  'inspection.draw': '随机抽取检查专家',
  'inspection.record': '登记检查记录',
  'inspection.report': '附加检查报告',
  'training.addPerson': '登记须持证人员',
  'training.updatePerson': '修改须持证人员',
  'training.recordSession': '登记培训',
  'training.issueCertificate': '登记证书',
  'specialCampaign.create': '部署专项行动',
  'specialCampaign.update': '修改专项行动',
  'specialCampaign.report': '报送专项行动进展',
  'objection.file': '提出申诉',
  'objection.answer': '答复申诉',
  'objection.revise': '申诉成立，结果退回重新评分',
  'agreement.draft': '起草责任书',
  'agreement.update': '修改责任书',
  'agreement.issue': '下达责任书',
  'agreement.sign': '登记签订责任书',
  'agreement.withdraw': '撤回责任书修改',
  'agreement.archive': '归档责任书',
};

/** An audit action in words; campaign state changes take the transition's own label. */
export function auditActionLabel(action: string): string {
  const known = auditActionLabels[action];
  if (known) return known;
  // 隐患卡片 steps are named by the domain's own labels (一隐患一卡: 登记、定级、整改、验收、销号).
  const hazardAction = action.startsWith('hazard.') ? action.slice('hazard.'.length) : '';
  if (Object.hasOwn(HAZARD_ACTION_ZH, hazardAction)) return `隐患${HAZARD_ACTION_ZH[hazardAction as HazardAction]}`;
  // 执法措施 steps by the procedure's own names (负责人批准、现场实施、作出决定、解除 …).
  const enforcementStep = action.startsWith('enforcement.') ? action.slice('enforcement.'.length) : '';
  if (Object.hasOwn(STEP_ZH, enforcementStep)) return `执法措施：${STEP_ZH[enforcementStep as StepKey]}`;
  const transition = action.startsWith('campaign.') ? action.slice('campaign.'.length) : '';
  if (Object.hasOwn(campaignTransitions, transition)) return campaignTransitions[transition as CampaignAction].label;
  return '其他操作';
}

export const entityTypeLabels: Record<string, string> = {
  account: '账户',
  organisation: '组织',
  unit: '被考核单位',
  stored_file: '文件',
  campaign: '考核活动',
  campaign_unit: '参考单位',
  accident: '事故',
  objection: '申诉',
  agreement: '责任书',
  adjustment_event: '加减分',
  assessment_team: '考核组',
  monthly_report: '月度指标',
  enterprise: '生产经营单位',
  hazard: '隐患',
  tip: '举报',
  enforcement_measure: '执法措施',
  expert: '专家',
  inspection: '检查',
  inspection_report: '检查报告',
  training_person: '须持证人员',
  training_session: '培训',
  certificate: '证书',
  special_campaign: '专项行动',
  campaign_progress_report: '专项行动进展',
  ledger: '监管台账',
  import_job: '导入任务',
};

/** Field names that appear in audit before/after records. */
export const auditFieldLabels: Record<string, string> = {
  contacts: '负责人与联系人',
  name: '名称',
  category: '类别',
  sectors: '监管行业领域',
  sortOrder: '排序',
  version: '版本',
  lockedUntil: '锁定至',
  reason: '原因',
  username: '用户名',
  displayName: '姓名',
  assignedUnitIds: '负责考核的单位',
  disabled: '已停用',
  mustChangePassword: '须修改密码',
  generated: '系统生成密码',
  sessionsEnded: '结束的会话数',
  role: '角色',
  organisationId: '所属组织',
  unitId: '所属单位',
  parentId: '上级组织',
  kind: '组织层级',
  divisionCode: '行政区划代码',
  fileName: '文件名',
  size: '大小（字节）',
  mimeType: '文件类型',
  sha256: '内容摘要',
  campaignId: '考核活动',
  state: '状态',
  targets: '责任目标',
  controlIndicators: '控制指标',
  keyTasks: '重点工作任务',
  unitPrincipal: '单位主要负责人',
  unitDeputy: '单位分管负责人',
  governmentSignatory: '政府方签订人',
  signedOn: '签订日期',
  scannedFile: '签订文本扫描件',
  updatedAt: '更新时间',
  // 修改考核活动日期 (campaign.updateDates): the fields of domain/workflow/campaign-dates.ts.
  agreementDue: '责任书签订截止日期',
  selfAssessmentDue: '单位自评截止日期',
  assessmentEnds: '考核评分截止日期',
  publicityDays: '公示天数',
  monthlyReportGraceDays: '月报报送期限',
  monthlyReportRuleApplies: '适用月份',
  monthlyReportMonthsKept: '已结束月份',
};

export function labelOr(labels: Record<string, string>, code: string, fallback: string): string {
  return labels[code] ?? fallback;
}

export { sectorLabel, sectorLabels } from '../domain/sectors';
