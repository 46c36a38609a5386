import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assess } from '../../domain/assessment/assess';
import { toPublishedTable } from '../../domain/assessment/published-table';
import { centiToNumber } from '../../domain/arith/points';
import { buildResultsWorkbook } from '../../server/documents/xlsx-export';
import { CliError } from '../cli-error';
import { loadCase } from '../load-case';
import type { CliCommand } from './command';

const usage = 'anke export <方案目录> --out 结果.xlsx';

export const exportCommand: CliCommand = {
  summary: '导出考核结果工作簿（成绩表、等次、排名、分类汇总）',
  usage,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    } catch (error) {
      throw new CliError(`参数错误：${(error as Error).message}。用法：${usage}`);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new CliError(`请给出一个方案目录。用法：${usage}`);
    if (!values.out) throw new CliError(`请用 --out 指定输出文件。用法：${usage}`);
    const result = assess(loadCase(positionals[0] ?? ''));
    const table = toPublishedTable(result);
    const buffer = await buildResultsWorkbook({ campaign: table.campaign, threshold: centiToNumber(result.stats.threshold), rows: table.rows });
    try {
      writeFileSync(values.out, buffer);
    } catch (error) {
      throw new CliError(`无法写入 ${values.out}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    io.out(`已导出考核结果：${values.out}（${table.rows.length} 个单位）`);
    return 0;
  },
};
