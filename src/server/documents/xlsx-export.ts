/**
 * Excel workbooks offices download: the results, each unit's item scores, the indicator
 * reports and the accident register. Headers are the Chinese terms of docs/glossary.md.
 * Scores are passed in points as published (e.g. 92.5); money in whole yuan.
 */
import { writeWorkbook } from './xlsx-adapter';
import type { XlsxColumn, XlsxSheet, XlsxValue } from './xlsx-adapter';

const SCORE = '0.00';
const YUAN = '#,##0';
const INTEGER = '0';
const PERCENT = '0.00%';
const DATE = 'yyyy-mm-dd';

export interface ResultsRow {
  seq: number;
  unit: string;
  category: string;
  score: number | null;
  reward: number | null;
  remark: string;
  rank: number | null;
  grade: string | null;
  vetoed: boolean;
}

export interface ResultsWorkbookInput {
  campaign: { name: string; year: number };
  /** The score line of the pass statistics ("80分以上"). */
  threshold: number;
  rows: ResultsRow[];
}

const RESULT_COLUMNS: XlsxColumn[] = [
  { header: '序号', key: 'seq', numFmt: INTEGER },
  { header: '单位', key: 'unit' },
  { header: '单位类别', key: 'category' },
  { header: '考核分数', key: 'score', numFmt: SCORE },
  { header: '奖励金额（元）', key: 'reward', numFmt: YUAN },
  { header: '备注', key: 'remark' },
  { header: '排名', key: 'rank', numFmt: INTEGER },
  { header: '等次', key: 'grade' },
  { header: '一票否决', key: 'vetoed' },
];

const CATEGORY_COLUMNS: XlsxColumn[] = [
  { header: '单位类别', key: 'category' },
  { header: '被考核单位数', key: 'assessed', numFmt: INTEGER },
  { header: '达到分数线单位数', key: 'atOrAbove', numFmt: INTEGER },
  { header: '达标率', key: 'rate', numFmt: PERCENT },
  { header: '一票否决单位数', key: 'vetoed', numFmt: INTEGER },
  { header: '平均分（不含否决）', key: 'average', numFmt: SCORE },
  { header: '总分（不含否决）', key: 'totalScore', numFmt: SCORE },
  { header: '奖励金额合计（元）', key: 'totalReward', numFmt: YUAN },
];

/** Sum of scores in integer hundredths so 0.1 + 0.2 style drift never shows in a total. */
function hundredths(score: number): number {
  return Math.round(score * 100);
}

export function categoryTotals(rows: ResultsRow[], threshold: number): Record<string, XlsxValue>[] {
  const groups = new Map<string, ResultsRow[]>();
  for (const row of rows) groups.set(row.category, [...(groups.get(row.category) ?? []), row]);
  const line = (category: string, members: ResultsRow[]): Record<string, XlsxValue> => {
    const scored = members.filter((row) => !row.vetoed && row.score !== null);
    const total = scored.reduce((sum, row) => sum + hundredths(row.score ?? 0), 0);
    const atOrAbove = scored.filter((row) => (row.score ?? 0) >= threshold).length;
    return {
      category,
      assessed: members.length,
      atOrAbove,
      rate: members.length === 0 ? 0 : atOrAbove / members.length,
      vetoed: members.filter((row) => row.vetoed).length,
      average: scored.length === 0 ? null : Math.round(total / scored.length) / 100,
      totalScore: total / 100,
      totalReward: members.reduce((sum, row) => sum + (row.reward ?? 0), 0),
    };
  };
  return [...[...groups].map(([category, members]) => line(category, members)), line('合计', rows)];
}

export async function buildResultsWorkbook(input: ResultsWorkbookInput): Promise<Buffer> {
  const results: XlsxSheet = {
    name: '考核结果',
    columns: RESULT_COLUMNS,
    rows: input.rows.map((row) => ({ ...row, vetoed: row.vetoed ? '是' : '否' })),
  };
  const totals: XlsxSheet = { name: '分类汇总', columns: CATEGORY_COLUMNS, rows: categoryTotals(input.rows, input.threshold) };
  return writeWorkbook([results, totals], { creator: input.campaign.name });
}

/** One scored item of one unit. `path` is the criterion number (细则编号, e.g. "2.3"). */
export interface ItemScoreRow {
  unit: string;
  category: string;
  path: string;
  name: string;
  points: number;
  /** null = 缺项 (the item does not apply to the unit), written as the text 缺项. */
  earned: number | null;
  /** Not scored yet: the cell is left empty, so the sheet read back cannot turn it into 0. */
  unscored?: boolean;
  note: string;
}

/** The text that marks an item as not applicable (缺项) in a score cell, both ways. */
export const NOT_APPLICABLE_TEXT = '缺项';

export const ITEM_SCORE_SHEET = '评分表';

export const ITEM_SCORE_COLUMNS: XlsxColumn[] = [
  { header: '单位名称', key: 'unit' },
  { header: '单位类别', key: 'category' },
  { header: '细则编号', key: 'path' },
  { header: '考核项目', key: 'name' },
  { header: '标准分', key: 'points', numFmt: SCORE },
  { header: '得分', key: 'earned', numFmt: SCORE },
  { header: '扣分说明', key: 'note' },
];

/** Each unit's item scores, in the layout the item-score import reads back. */
export async function buildItemScoresWorkbook(rows: ItemScoreRow[]): Promise<Buffer> {
  return writeWorkbook([{
    name: ITEM_SCORE_SHEET, columns: ITEM_SCORE_COLUMNS,
    rows: rows.map(({ unscored, ...row }) => ({ ...row, earned: unscored ? null : row.earned ?? NOT_APPLICABLE_TEXT })),
  }]);
}

/** A monthly report of one control indicator (控制指标) by one unit. */
export interface IndicatorReportRow {
  unit: string;
  indicator: string;
  /** "YYYY-MM" */
  period: string;
  ceiling: number;
  actual: number;
  cumulative: number;
  /** Share of the year elapsed at the end of the period, 0–1 (for the 进度 comparison). */
  yearElapsed: number;
  /** The month's 月报 deadline under the campaign's rule for that month (domain monthly-report.ts). */
  deadline: Date;
  reportedOn: Date | null;
  /** 按时报送 / 迟报 / 待报送 / 未报送 (domain reportStatusLabels). */
  reportStatus: string;
}

export async function buildIndicatorReportsWorkbook(rows: IndicatorReportRow[]): Promise<Buffer> {
  return writeWorkbook([{
    name: '控制指标报表',
    columns: [
      { header: '单位', key: 'unit' },
      { header: '控制指标', key: 'indicator' },
      { header: '月份', key: 'period' },
      { header: '年度控制数', key: 'ceiling', numFmt: '0.##' },
      { header: '本月实际', key: 'actual', numFmt: '0.##' },
      { header: '累计', key: 'cumulative', numFmt: '0.##' },
      { header: '已用比例', key: 'used', numFmt: PERCENT },
      { header: '时间进度', key: 'yearElapsed', numFmt: PERCENT },
      { header: '进度', key: 'pace' },
      { header: '是否突破', key: 'breach' },
      { header: '报送期限', key: 'deadline', numFmt: DATE },
      { header: '报送日期', key: 'reportedOn', numFmt: DATE },
      { header: '报送情况', key: 'reportStatus' },
    ],
    rows: rows.map((row) => {
      const used = row.ceiling > 0 ? row.cumulative / row.ceiling : null;
      const breach = row.cumulative > row.ceiling;
      // 进度: use ahead of the share of the year elapsed is a warning (domain README §2).
      const pace = breach ? '已突破' : used !== null && used > row.yearElapsed ? '超进度' : '正常';
      return { ...row, used, pace, breach: breach ? '是' : '否' };
    }),
  }]);
}

/** An accident as recorded (国务院令第493号 grades). */
export interface AccidentRegisterRow {
  /** The record's number (事故编号), when it has one. */
  id?: string;
  occurredAt: Date;
  /** 事故单位 (the enterprise), when known. */
  enterprise?: string;
  place: string;
  territorialUnit: string;
  regulatingUnit: string;
  sector: string;
  accidentGrade: 'general' | 'larger' | 'major' | 'especiallyMajor';
  deaths: number;
  seriousInjuries: number;
  /** In yuan. */
  directLoss: number;
  liability: boolean;
  summary: string;
}

const GRADE_ZH: Record<AccidentRegisterRow['accidentGrade'], string> = {
  general: '一般', larger: '较大', major: '重大', especiallyMajor: '特别重大',
};

export async function buildAccidentRegisterWorkbook(rows: AccidentRegisterRow[]): Promise<Buffer> {
  return writeWorkbook([{
    name: '事故台账',
    columns: [
      { header: '序号', key: 'seq', numFmt: INTEGER },
      { header: '事故编号', key: 'id' },
      { header: '发生时间', key: 'occurredAt', numFmt: 'yyyy-mm-dd hh:mm' },
      { header: '地点', key: 'place' },
      { header: '事故单位', key: 'enterprise' },
      { header: '事发属地单位', key: 'territorialUnit' },
      { header: '行业监管部门', key: 'regulatingUnit' },
      { header: '行业领域', key: 'sector' },
      { header: '事故等级', key: 'grade' },
      { header: '死亡人数', key: 'deaths', numFmt: INTEGER },
      { header: '重伤人数（含急性工业中毒）', key: 'seriousInjuries', numFmt: INTEGER },
      { header: '直接经济损失（元）', key: 'directLoss', numFmt: YUAN },
      { header: '责任事故', key: 'liability' },
      { header: '事故简况', key: 'summary' },
    ],
    rows: rows.map((row, i) => ({
      ...row, id: row.id ?? null, enterprise: row.enterprise ?? null, seq: i + 1, grade: GRADE_ZH[row.accidentGrade], liability: row.liability ? '是' : '否',
    })),
  }]);
}
