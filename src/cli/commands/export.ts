import { writeFileSync } from 'node:fs';
import { assess } from '../../domain/assessment/assess';
import { toPublishedTable } from '../../domain/assessment/published-table';
import { centiToNumber } from '../../domain/arith/points';
import { buildAccidentRegisterWorkbook, buildItemScoresWorkbook, buildResultsWorkbook } from '../../server/documents/xlsx-export';
import { buildScoreSheetsDocx } from '../../server/documents/score-sheet-docx';
import { accidentRowsFromCase, itemScoreRowsFromResults, scoreSheetFromResult } from '../../server/documents/score-sheet-from-result';
import { CliError } from '../cli-error';
import { loadCase } from '../load-case';
import { parseCommandArgs } from '../parse-command-args';
import type { CliCommand } from './command';

const usage = 'anke export <方案目录> --out 结果.xlsx [--items 各单位得分.xlsx] [--sheets 评分表.docx] [--accidents 事故台账.xlsx]';

export const exportCommand: CliCommand = {
  summary: '导出考核结果工作簿（成绩表、等次、排名、分类汇总），可同时导出各单位逐项得分、评分表（DOCX）和事故台账',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { out: { type: 'string' }, items: { type: 'string' }, sheets: { type: 'string' }, accidents: { type: 'string' } }, usage);
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new CliError(`请给出一个方案目录。用法：${usage}`);
    if (!values.out) throw new CliError(`请用 --out 指定输出文件。用法：${usage}`);
    const input = loadCase(positionals[0] ?? '');
    const result = assess(input);
    const table = toPublishedTable(result);
    const write = (path: string, buffer: Buffer): void => {
      try {
        writeFileSync(path, buffer);
      } catch (error) {
        throw new CliError(`无法写入 ${path}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    };
    write(values.out, await buildResultsWorkbook({ campaign: table.campaign, threshold: centiToNumber(result.stats.threshold), rows: table.rows }));
    io.out(`已导出考核结果：${values.out}（${table.rows.length} 个单位）`);
    if (values.items) {
      // The item-score layout that `导入评分表` reads back.
      write(values.items, await buildItemScoresWorkbook(itemScoreRowsFromResults(input, result.units)));
      io.out(`已导出各单位逐项得分：${values.items}`);
    }
    if (values.accidents) {
      write(values.accidents, await buildAccidentRegisterWorkbook(accidentRowsFromCase(input)));
      io.out(`已导出事故台账：${values.accidents}（${input.accidents.length} 起）`);
    }
    if (values.sheets) {
      // In the order of the published table, one page per unit.
      const byName = new Map(result.units.map((unit) => [unit.name, unit]));
      const sheets = table.rows.flatMap((row) => {
        const unit = byName.get(row.unit);
        return unit ? [scoreSheetFromResult(input, unit, table.campaign.name)] : [];
      });
      write(values.sheets, await buildScoreSheetsDocx(sheets));
      io.out(`已生成评分表：${values.sheets}（${sheets.length} 个单位）`);
    }
    return 0;
  },
};
