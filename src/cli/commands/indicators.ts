import { indicatorReport } from '../../domain/assessment/indicator-report';
import { formatFixed2 } from '../../domain/arith/rounding';
import { CliError } from '../cli-error';
import { loadCase } from '../load-case';
import { textTable } from '../text-table';
import { parseCommandArgs } from '../parse-command-args';
import type { CliCommand } from './command';

const usage = 'anke indicators <方案目录或文件> [--as-of YYYY-MM-DD]';

/**
 * Control indicators of every unit: ceiling, actual from the accident register, breach, and
 * year-to-date use against the share of the year elapsed (primer §2), with a warning when
 * ahead of pace.
 */
export const indicatorsCommand: CliCommand = {
  summary: '各单位控制指标：实际值、是否突破、时间进度预警',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { 'as-of': { type: 'string' } }, usage);
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new CliError(`请给出一个方案目录或文件。用法：${usage}`);
    const input = loadCase(positionals[0]!);
    const year = input.scheme.campaign.year;
    const asOf = values['as-of'] ?? `${year}-12-31`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new CliError(`--as-of 应为日期 YYYY-MM-DD，收到“${asOf}”`);
    if (Number(asOf.slice(0, 4)) !== year) throw new CliError(`--as-of ${asOf} 不在考核年度 ${year} 年内`);
    const rows: string[][] = [];
    for (const unit of indicatorReport(input, asOf)) {
      for (const s of unit.indicators) {
        const pace = s.pace;
        const status = s.breached ? '突破' : pace.aheadOfPace ? '超进度预警' : '正常';
        rows.push([
          unit.name,
          s.label,
          String(s.actual),
          pace.usedBasisPoints === null ? '—' : `${formatFixed2(pace.usedBasisPoints)}%`,
          `${formatFixed2(pace.elapsedBasisPoints)}%`,
          status,
        ]);
      }
    }
    if (rows.length === 0) {
      io.out('没有单位设定控制指标。');
      return 0;
    }
    io.out([`控制指标执行情况（截至 ${asOf}）`, '', textTable(['单位', '控制指标', '实际', '已用', '时间进度', '状态'], rows, ['left', 'left', 'right', 'right', 'right', 'left'])].join('\n'));
    return 0;
  },
};
