// Enforcement measures (执法措施): per measure type, its legal basis as data and the ordered steps
// the law requires. The step engine (record-step.ts) enforces the order; deadlines.ts computes
// every period. Sources (primer §6; articles as numbered in each text):
// - 安全生产法（2014）第六十二条 / （2021）第六十五条: 责令暂时停产停业、停止使用; 查封、扣押.
// - 安全生产法（2014）第六十七条 / （2021）第七十条: 停止供电、停止供应民用爆炸物品.
// - 行政强制法 第十八条 (procedure: approval, two officers with ID, notify, hear, 现场笔录),
//   第十九条 (emergency: report within 24 h and obtain approval afterwards), 第二十四条 (决定书和
//   清单当场交付), 第二十五条 (30 days, once extended by ≤ 30 days), 第二十八条 (lifting),
//   第四十四条 (demolition: 公告, 限期自行拆除, then forced demolition).
// - 安全生产违法行为行政处罚办法（安监总局令第15号，2015年修正）第十四条 (暂时停产停业等一般不超过
//   6个月), 第十五条 (查封扣押后15日内作出处理决定; 先行查封扣押的48小时内补办决定书).
// - 停水 and 拆除 in 打非治违 joint actions rest on other laws and local rules: their basis is
//   supplied with each measure as data.

export type MeasureType =
  | 'orderRectification' // 责令限期整改
  | 'suspendProduction' // 责令暂时停产停业
  | 'suspendConstruction' // 责令停止施工
  | 'suspendUse' // 责令停止使用相关设施、设备
  | 'seal' // 查封
  | 'seize' // 扣押
  | 'powerCut' // 停止供电
  | 'explosivesSupplyStop' // 停止供应民用爆炸物品
  | 'waterCut' // 停水
  | 'demolition'; // 拆除

export type StepKey =
  | 'precondition'
  | 'approval'
  | 'onSite'
  | 'decision'
  | 'extension'
  | 'disposal'
  | 'supplierNotice'
  | 'partyNotice'
  | 'publicNotice'
  | 'execution'
  | 'resumptionApplication'
  | 'resumptionReview'
  | 'review'
  | 'lift';

export interface LegalReference {
  readonly law: string;
  readonly article: string;
}

export interface StepRule {
  readonly key: StepKey;
  /** Steps that must already be recorded. */
  readonly requires: readonly StepKey[];
  /** Optional steps need not be recorded before the measure ends. */
  readonly optional?: boolean;
}

export interface MeasureProcedure {
  readonly type: MeasureType;
  readonly nameZh: string;
  /** Empty for types whose basis the caller must supply (停水、拆除). */
  readonly legalBasis: readonly LegalReference[];
  readonly emergencyAllowed: boolean;
  /** The step that ends the measure. */
  readonly terminal: StepKey;
  steps(emergency: boolean): readonly StepRule[];
}

export const STEP_ZH: Readonly<Record<StepKey, string>> = {
  precondition: '前提条件确认',
  approval: '负责人批准',
  onSite: '现场实施（现场笔录）',
  decision: '作出决定（文书）',
  extension: '延长期限',
  disposal: '作出处理决定',
  supplierNotice: '书面通知供应单位',
  partyNotice: '通知当事人',
  publicNotice: '公告',
  execution: '执行',
  resumptionApplication: '申请恢复生产',
  resumptionReview: '恢复生产审查',
  review: '复查',
  lift: '解除',
};

const SAFETY_LAW_STOP: readonly LegalReference[] = [
  { law: '安全生产法（2014）', article: '第六十二条第一款第三项' },
  { law: '安全生产法（2021）', article: '第六十五条第一款第三项' },
  { law: '安全生产违法行为行政处罚办法（安监总局令第15号）', article: '第十四条' },
];

const SEAL_SEIZE: readonly LegalReference[] = [
  { law: '安全生产法（2014）', article: '第六十二条第一款第四项' },
  { law: '安全生产法（2021）', article: '第六十五条第一款第四项' },
  { law: '行政强制法', article: '第十八条、第十九条、第二十四条、第二十五条、第二十八条' },
  { law: '安全生产违法行为行政处罚办法（安监总局令第15号）', article: '第十五条' },
];

const POWER: readonly LegalReference[] = [
  { law: '安全生产法（2014）', article: '第六十七条' },
  { law: '安全生产法（2021）', article: '第七十条' },
];

function sealSeizeSteps(emergency: boolean): readonly StepRule[] {
  if (emergency) {
    // 行政强制法 第十九条: 当场实施, then report to the head within 24 h and obtain approval.
    return [
      { key: 'onSite', requires: [] },
      { key: 'approval', requires: ['onSite'] },
      { key: 'decision', requires: ['onSite'] },
      { key: 'extension', requires: ['approval', 'decision'], optional: true },
      { key: 'disposal', requires: ['approval', 'decision'] },
      { key: 'lift', requires: ['onSite'] },
    ];
  }
  return [
    { key: 'approval', requires: [] },
    { key: 'onSite', requires: ['approval'] },
    { key: 'decision', requires: ['onSite'] },
    { key: 'extension', requires: ['decision'], optional: true },
    { key: 'disposal', requires: ['decision'] },
    { key: 'lift', requires: ['decision'] },
  ];
}

function suspensionSteps(): readonly StepRule[] {
  return [
    { key: 'onSite', requires: [] },
    { key: 'decision', requires: ['onSite'] },
    { key: 'resumptionApplication', requires: ['decision'], optional: true },
    { key: 'resumptionReview', requires: ['resumptionApplication'], optional: true },
    { key: 'lift', requires: ['decision'] },
  ];
}

function supplyStopSteps(partyNotice: 'required' | 'optional') {
  return (emergency: boolean): readonly StepRule[] => {
    const noticeRequired = partyNotice === 'required' && !emergency;
    return [
      { key: 'precondition', requires: [] },
      { key: 'approval', requires: ['precondition'] },
      { key: 'supplierNotice', requires: ['approval'] },
      { key: 'partyNotice', requires: ['approval'], optional: !noticeRequired },
      { key: 'execution', requires: noticeRequired ? ['supplierNotice', 'partyNotice'] : ['supplierNotice'] },
      { key: 'lift', requires: ['execution'] },
    ];
  };
}

export const PROCEDURES: Readonly<Record<MeasureType, MeasureProcedure>> = {
  orderRectification: {
    type: 'orderRectification',
    nameZh: '责令限期整改',
    legalBasis: [
      { law: '安全生产法（2014）', article: '第六十二条第一款第二项、第三项' },
      { law: '安全生产法（2021）', article: '第六十五条第一款第二项、第三项' },
    ],
    emergencyAllowed: false,
    terminal: 'review',
    steps: () => [
      { key: 'onSite', requires: [] },
      { key: 'decision', requires: ['onSite'] },
      { key: 'review', requires: ['decision'] },
    ],
  },
  suspendProduction: { type: 'suspendProduction', nameZh: '责令暂时停产停业', legalBasis: SAFETY_LAW_STOP, emergencyAllowed: false, terminal: 'lift', steps: suspensionSteps },
  suspendConstruction: { type: 'suspendConstruction', nameZh: '责令停止施工', legalBasis: SAFETY_LAW_STOP, emergencyAllowed: false, terminal: 'lift', steps: suspensionSteps },
  suspendUse: { type: 'suspendUse', nameZh: '责令停止使用相关设施、设备', legalBasis: SAFETY_LAW_STOP, emergencyAllowed: false, terminal: 'lift', steps: suspensionSteps },
  seal: { type: 'seal', nameZh: '查封', legalBasis: SEAL_SEIZE, emergencyAllowed: true, terminal: 'lift', steps: sealSeizeSteps },
  seize: { type: 'seize', nameZh: '扣押', legalBasis: SEAL_SEIZE, emergencyAllowed: true, terminal: 'lift', steps: sealSeizeSteps },
  powerCut: { type: 'powerCut', nameZh: '停止供电', legalBasis: POWER, emergencyAllowed: true, terminal: 'lift', steps: supplyStopSteps('required') },
  explosivesSupplyStop: {
    type: 'explosivesSupplyStop',
    nameZh: '停止供应民用爆炸物品',
    legalBasis: POWER,
    emergencyAllowed: false,
    terminal: 'lift',
    steps: supplyStopSteps('optional'),
  },
  waterCut: {
    type: 'waterCut',
    nameZh: '停水',
    legalBasis: [],
    emergencyAllowed: false,
    terminal: 'lift',
    steps: () => [
      { key: 'approval', requires: [] },
      { key: 'onSite', requires: ['approval'] },
      { key: 'decision', requires: ['onSite'] },
      { key: 'partyNotice', requires: ['decision'] },
      { key: 'execution', requires: ['partyNotice'] },
      { key: 'lift', requires: ['execution'] },
    ],
  },
  demolition: {
    type: 'demolition',
    nameZh: '拆除',
    legalBasis: [{ law: '行政强制法', article: '第四十四条' }],
    emergencyAllowed: false,
    terminal: 'execution',
    steps: () => [
      { key: 'approval', requires: [] },
      { key: 'onSite', requires: ['approval'] },
      { key: 'decision', requires: ['onSite'] },
      { key: 'publicNotice', requires: ['decision'] },
      { key: 'execution', requires: ['publicNotice'] },
    ],
  },
};

/** Periods fixed by law (see the sources above). */
export const ENFORCEMENT_PERIODS = {
  /** 行政强制法 第二十五条 */
  sealSeizeDays: 30,
  sealSeizeExtensionDays: 30,
  /** 安监总局令第15号 第十五条 */
  sealSeizeDisposalDays: 15,
  /** 安监总局令第15号 第十五条 (先行实施后补办决定书) */
  afterTheFactDecisionHours: 48,
  /** 行政强制法 第十九条 */
  emergencyApprovalHours: 24,
  /** 安全生产法（2014）第六十七条第二款 / （2021）第七十条第二款 */
  powerCutNoticeHours: 24,
  /** 安监总局令第15号 第十四条 */
  suspensionMaxMonths: 6,
  /** 安监总局令第16号 第二十三条 */
  resumptionReviewDays: 10,
  /** 行政强制法 第十八条第二项; 行政处罚法（2021）第四十二条 */
  minimumOfficers: 2,
} as const;
