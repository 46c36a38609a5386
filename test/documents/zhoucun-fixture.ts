/** The 2014 周村 acceptance data turned into document inputs, shared by tests, the layout check and the benchmark. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeNotice } from '../../src/server/documents/notice-docx';
import type { NoticeData, PublishedTableLike } from '../../src/server/documents/notice-docx';
import type { AgreementData } from '../../src/server/documents/agreement-docx';
import type { ScoreSheetData } from '../../src/server/documents/score-sheet-docx';
import { zhoucunExpectedPath, zhoucunNoticePath } from '../support/acceptance';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ExpectedZhoucun {
  issuer: string;
  printedOn: string;
  year: number;
  stats: { assessed: number; atOrAbove80: number; passRatePercent: string };
  rows: { seq: number; unit: string; category: string; score: number | null; reward: number | null; remark: string }[];
}

export function loadExpected(): ExpectedZhoucun {
  return JSON.parse(readFileSync(zhoucunExpectedPath, 'utf8')) as ExpectedZhoucun;
}

export function seedNoticeText(): string {
  return readFileSync(zhoucunNoticePath, 'utf8');
}

export function zhoucunTemplate(): string {
  return readFileSync(`${root}examples/zhoucun-2014/notice-template.md`, 'utf8');
}

/** Rows as the published table gives them; stats are left for composeNotice to count. */
export function zhoucunTable(expected = loadExpected()): PublishedTableLike {
  return {
    campaign: { name: `${expected.year}年度安全生产目标管理考核`, year: expected.year },
    rows: expected.rows.map((row) => ({ ...row, vetoed: row.score === null })),
  };
}

export function zhoucunNotice(options: { draft?: boolean; redHeader?: NoticeData['redHeader'] } = {}): NoticeData {
  const expected = loadExpected();
  return composeNotice(zhoucunTable(expected), {
    template: zhoucunTemplate(),
    threshold: 80,
    printing: { date: expected.printedOn },
    draft: options.draft,
    redHeader: options.redHeader,
  });
}

/** A sample agreement shaped like the 2014 周村 ones (figures are illustrative). */
export function sampleAgreement(): AgreementData {
  return {
    year: 2014,
    issuer: { organisation: '周村区人民政府', signatories: [{ role: '区长', name: null }] },
    unit: { name: '王村镇政府', signatories: [{ role: '主要负责人', name: null }, { role: '分管负责人', name: null }] },
    preamble: ['为认真贯彻落实安全生产法律法规，强化安全生产责任，防范和遏制生产安全事故，根据《周村区安全生产目标管理考核奖惩办法》，区政府与王村镇政府签订本责任书。'],
    targets: ['杜绝较大及以上生产安全事故，控制一般事故。', '安全生产监管责任全面落实，隐患排查治理做到“一隐患一卡”。'],
    controlIndicators: [{ name: '较大及以上生产安全事故', ceiling: '0起' }, { name: '生产安全事故死亡人数', ceiling: '不超过2人' }, { name: '道路交通事故死亡人数', ceiling: '不超过3人' }],
    keyTasks: ['开展“六打六治”打非治违专项行动。', '开展冬季安全隐患大排查大整治。', '组织“安全生产月”宣传教育活动。'],
    assessment: ['甲方按照考核细则对乙方进行年度考核。乙方没有突破控制指标且考核分数在80分以上的，对其主要负责人及相关责任人予以奖励；辖区发生较大生产安全事故的，实施一票否决。'],
    term: { from: '2014-01-01', to: '2014-12-31' },
    signedOn: '2014-02-20',
  };
}

/** A sample score sheet for one unit (items and trace are illustrative). */
export function sampleScoreSheet(unit = '王村镇政府'): ScoreSheetData {
  return {
    campaign: '2014年度安全生产目标管理考核',
    unit,
    category: '属地',
    items: [
      { path: '1', name: '组织领导与责任落实', standard: 20, earned: 19, note: '安委会会议记录不全扣1分' },
      { path: '2', name: '隐患排查治理', standard: 25, earned: 24, note: '一处隐患整改超期扣1分' },
      { path: '3', name: '打非治违与专项整治', standard: 20, earned: 20, note: '' },
      { path: '4', name: '宣传教育培训', standard: 15, earned: 14, note: '培训台账缺少照片扣1分' },
      { path: '5', name: '应急管理', standard: 10, earned: 9, note: '预案未按期演练扣1分' },
      { path: '6', name: '控制指标完成情况', standard: 10, earned: 9, note: '' },
    ],
    totals: { standard: 100, earned: 95, score: 95 },
    vetoReason: null,
    grade: '优秀',
    reward: 6000,
    trace: [
      '考核分数 95 = 各项得分之和 19 + 24 + 20 + 14 + 9 + 9。',
      '奖励金额 6000元 = 400元 × (95 − 80)（属地单位，分数在80分以上且未突破控制指标）。',
    ],
  };
}
