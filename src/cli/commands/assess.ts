import { assess } from '../../domain/assessment/assess';
import { explainUnit, renderTrace } from '../../domain/assessment/explain';
import { toPublishedTable, type PublishedTable } from '../../domain/assessment/published-table';
import { formatPoints } from '../../domain/arith/points';
import { CliError } from '../cli-error';
import { loadCase } from '../load-case';
import { csvField, textTable } from '../text-table';
import { parseCommandArgs } from '../parse-command-args';
import type { CliCommand } from './command';

const usage = 'anke assess <方案目录或文件> [--format table|json|csv] [--explain <单位名称或标识>]';

export const assessCommand: CliCommand = {
  summary: '按考核方案计算成绩表、统计与得分反查',
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(args, { format: { type: 'string', default: 'table' }, explain: { type: 'string' } }, usage);
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new CliError(`请给出一个方案目录或文件。用法：${usage}`);
    const format = values.format;
    if (format !== 'table' && format !== 'json' && format !== 'csv') {
      throw new CliError(`--format 只能是 table、json 或 csv，收到“${format}”`);
    }
    const input = loadCase(positionals[0]!);
    const result = assess(input);
    if (values.explain !== undefined) {
      const wanted = values.explain.trim();
      const unit = result.units.find((u) => u.name === wanted || u.unitId === wanted);
      if (!unit) throw new CliError(`找不到单位“${wanted}”（可用单位名称或标识）`);
      io.out(format === 'json' ? JSON.stringify(explainUnit(input, unit), null, 2) : renderTrace(explainUnit(input, unit)));
      return 0;
    }
    const table = toPublishedTable(result);
    const threshold = formatPoints(result.stats.threshold);
    if (format === 'json') io.out(JSON.stringify(toCliJson(table), null, 2));
    else if (format === 'csv') io.out(toCsv(table));
    else io.out(toText(table, threshold));
    return 0;
  },
};

export function statsSentence(table: PublishedTable, threshold: string): string {
  const { assessed, atOrAboveThreshold, passRatePercent } = table.stats;
  return `在被考核的${assessed}个单位中，考核分数在${threshold}分以上的有${atOrAboveThreshold}个，占${passRatePercent}%。`;
}

function toText(table: PublishedTable, threshold: string): string {
  const rows = table.rows.map((r) => [
    String(r.seq),
    r.unit,
    r.score === null ? '' : String(r.score),
    r.reward === null ? '' : String(r.reward),
    r.remark,
  ]);
  return [
    `${table.campaign.name}成绩表`,
    '',
    textTable(['序号', '单位', '考核分数', '奖励金额（元）', '备注'], rows, ['right', 'left', 'right', 'right', 'left']),
    '',
    statsSentence(table, threshold),
  ].join('\n');
}

function toCsv(table: PublishedTable): string {
  const header = ['序号', '单位', '类别', '考核分数', '奖励金额（元）', '备注', '排名', '等次'];
  const lines = table.rows.map((r) => [r.seq, r.unit, r.category, r.score, r.reward, r.remark, r.rank, r.grade].map(csvField).join(','));
  // A byte order mark lets Excel and WPS open the UTF-8 file with Chinese intact.
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** The documented JSON of `anke assess`: the published columns plus category, rank, grade and veto. */
function toCliJson(table: PublishedTable) {
  return {
    campaign: table.campaign,
    stats: table.stats,
    rows: table.rows.map(({ seq, unit, category, score, reward, remark, rank, grade, vetoed }) => ({ seq, unit, category, score, reward, remark, rank, grade, vetoed })),
  };
}
