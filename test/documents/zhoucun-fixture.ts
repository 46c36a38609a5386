/** The 2014 周村 acceptance data turned into document inputs, shared by tests, the layout check and the benchmark. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeNotice } from '../../src/server/documents/notice-docx';
import type { NoticeData, PublishedTableLike } from '../../src/server/documents/notice-docx';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ExpectedZhoucun {
  issuer: string;
  printedOn: string;
  year: number;
  stats: { assessed: number; atOrAbove80: number; passRatePercent: string };
  rows: { seq: number; unit: string; category: string; score: number | null; reward: number | null; remark: string }[];
}

export function loadExpected(): ExpectedZhoucun {
  return JSON.parse(readFileSync(`${root}../shared/acceptance/zhoucun-2014-expected.json`, 'utf8')) as ExpectedZhoucun;
}

export function seedNoticeText(): string {
  return readFileSync(`${root}../shared/seed/zhoucun-2014-safety-target-assessment-notice.txt`, 'utf8');
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
