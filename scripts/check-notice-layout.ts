/**
 * Writes the documents the layout check converts: the 2014 周村 notice (as issued, and as a
 * watermarked draft with a red header), an agreement and a score sheet. Usage: tsx this <out-dir>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildNoticeDocx } from '../src/server/documents/notice-docx';
import { buildAgreementDocx } from '../src/server/documents/agreement-docx';
import { buildScoreSheetsDocx } from '../src/server/documents/score-sheet-docx';
import { sampleAgreement, sampleScoreSheet, zhoucunNotice } from '../test/documents/zhoucun-fixture';

const out = process.argv[2] ?? '.tmp/notice-layout';
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'notice-2014.docx'), await buildNoticeDocx(zhoucunNotice()));
writeFileSync(join(out, 'notice-2014-draft.docx'), await buildNoticeDocx(zhoucunNotice({
  draft: true,
  redHeader: { organisationMark: '周村区人民政府办公室文件', documentNumber: '周政办发〔2015〕3号' },
})));
writeFileSync(join(out, 'agreement.docx'), await buildAgreementDocx(sampleAgreement()));
writeFileSync(join(out, 'score-sheets.docx'), await buildScoreSheetsDocx([sampleScoreSheet(), { ...sampleScoreSheet('南郊镇政府'), totals: { standard: 100, earned: 88, score: null }, vetoReason: '辖区发生较大生产安全事故', grade: '不合格', reward: null }]));
console.log(`已生成：${out}`);
