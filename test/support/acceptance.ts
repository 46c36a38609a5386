import { readFileSync } from 'node:fs';

/**
 * The published reference case, kept in the repository so a clean clone can test against it:
 * 周村区人民政府办公室《关于2014年度全区安全生产目标管理考核情况的通报》（2015年1月16日印发）,
 * its text and its results table as data.
 */
export interface ZhoucunExpected {
  stats: { assessed: number; atOrAbove80: number; passRatePercent: string };
  rows: { seq: number; unit: string; category: string; score: number | null; reward: number | null; remark: string }[];
}

export const zhoucunExpectedPath = new URL('../acceptance/zhoucun-2014-expected.json', import.meta.url).pathname;
export const zhoucunNoticePath = new URL('../acceptance/zhoucun-2014-safety-target-assessment-notice.txt', import.meta.url).pathname;

export function zhoucunExpected(): ZhoucunExpected {
  return JSON.parse(readFileSync(zhoucunExpectedPath, 'utf8')) as ZhoucunExpected;
}

export function zhoucunNoticeText(): string {
  return readFileSync(zhoucunNoticePath, 'utf8');
}
