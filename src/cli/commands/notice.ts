import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess } from '../../domain/assessment/assess';
import { toPublishedTable } from '../../domain/assessment/published-table';
import { centiToNumber } from '../../domain/arith/points';
import { buildNoticeDocx, composeNotice } from '../../server/documents/notice-docx';
import { DEFAULT_NOTICE_TEMPLATE, NoticeTemplateError } from '../../server/documents/notice-template';
import { CliError } from '../cli-error';
import { loadCase } from '../load-case';
import { parseCommandArgs } from '../parse-command-args';
import type { CliCommand } from './command';

const usage = 'anke notice <方案目录> --out 通报.docx [--template 模板.md] [--date YYYY-MM-DD] [--office 印发机关] [--draft] [--header 发文机关标志 [--number 发文字号]]';

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The template given, else the case directory's notice-template.md, else the built-in wording. */
function readTemplate(casePath: string, given: string | undefined): string {
  if (given !== undefined) {
    if (!existsSync(given)) throw new CliError(`找不到通报模板：${given}`);
    return readFileSync(given, 'utf8');
  }
  const beside = statSync(casePath).isDirectory() ? join(casePath, 'notice-template.md') : null;
  return beside && existsSync(beside) ? readFileSync(beside, 'utf8') : DEFAULT_NOTICE_TEMPLATE;
}

export const noticeCommand: CliCommand = {
  summary: '按考核结果和通报模板生成通报（DOCX，GB/T 9704-2012 公文格式）',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      out: { type: 'string' },
      template: { type: 'string' },
      date: { type: 'string' },
      office: { type: 'string' },
      draft: { type: 'boolean', default: false },
      header: { type: 'string' },
      number: { type: 'string' },
    }, usage);
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new CliError(`请给出一个方案目录。用法：${usage}`);
    if (!values.out) throw new CliError(`请用 --out 指定输出文件。用法：${usage}`);
    const date = values.date ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new CliError(`--date 应为 YYYY-MM-DD 格式的日期，收到“${date}”`);
    if (values.number && !values.header) throw new CliError('--number（发文字号）须与 --header（发文机关标志）一起使用');
    const casePath = positionals[0] ?? '';
    const input = loadCase(casePath);
    const result = assess(input);
    const template = readTemplate(casePath, values.template);
    let notice;
    try {
      notice = composeNotice(toPublishedTable(result), {
        template,
        threshold: centiToNumber(result.stats.threshold),
        printing: { office: values.office, date },
        draft: values.draft,
        redHeader: values.header ? { organisationMark: values.header, documentNumber: values.number } : undefined,
      });
    } catch (error) {
      if (error instanceof NoticeTemplateError) throw new CliError(`通报模板有误：${error.message}`);
      if (error instanceof RangeError) throw new CliError(error.message);
      throw error;
    }
    try {
      writeFileSync(values.out, await buildNoticeDocx(notice));
    } catch (error) {
      throw new CliError(`无法写入 ${values.out}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    io.out(`已生成通报：${values.out}（${notice.attachment.rows.length} 个单位${values.draft ? '，征求意见稿' : ''}）`);
    return 0;
  },
};
