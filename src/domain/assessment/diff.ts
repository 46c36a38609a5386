import type { PublishedRow, PublishedTable } from './published-table';

const fields = ['unit', 'score', 'reward', 'grade', 'rank', 'vetoed', 'remark', 'seq'] as const;
type Field = (typeof fields)[number];

export const diffFieldLabels: Record<Field, string> = {
  unit: '单位名称',
  score: '考核分数',
  reward: '奖励金额（元）',
  grade: '等次',
  rank: '排名',
  vetoed: '一票否决',
  remark: '备注',
  seq: '序号',
};

export interface RowChange {
  unit: string;
  kind: 'changed' | 'added' | 'removed';
  changes: { field: Field; label: string; before: PublishedRow[Field] | null; after: PublishedRow[Field] | null }[];
}

export interface TableDiff {
  rows: RowChange[];
  stats: { field: string; before: string | number; after: string | number }[];
  rewardTotal: { before: number; after: number };
}

const rewardTotal = (t: PublishedTable) => t.rows.reduce((sum, r) => sum + (r.reward ?? 0), 0);

/**
 * What changed between two result tables, unit by unit: between two
 * published versions (a correction), or between the real results and a what-if.
 */
export function diffTables(before: PublishedTable, after: PublishedTable): TableDiff {
  // Rows are matched by unit identifier, so a renamed unit shows as a change of name.
  const key = (r: PublishedRow) => r.unitId || r.unit;
  const old = new Map(before.rows.map((r) => [key(r), r]));
  const next = new Map(after.rows.map((r) => [key(r), r]));
  const rows: RowChange[] = [];
  for (const row of after.rows) {
    const prev = old.get(key(row));
    if (!prev) {
      rows.push({ unit: row.unit, kind: 'added', changes: fields.map((f) => ({ field: f, label: diffFieldLabels[f], before: null, after: row[f] })) });
      continue;
    }
    const changes = fields.filter((f) => prev[f] !== row[f]).map((f) => ({ field: f, label: diffFieldLabels[f], before: prev[f], after: row[f] }));
    if (changes.length > 0) rows.push({ unit: row.unit, kind: 'changed', changes });
  }
  for (const row of before.rows) {
    if (!next.has(key(row))) rows.push({ unit: row.unit, kind: 'removed', changes: fields.map((f) => ({ field: f, label: diffFieldLabels[f], before: row[f], after: null })) });
  }
  const stats: TableDiff['stats'] = [];
  const statLabels: Record<keyof PublishedTable['stats'], string> = { assessed: '被考核单位', atOrAboveThreshold: '达到分数线单位', passRatePercent: '比例（%）' };
  for (const key of Object.keys(statLabels) as (keyof PublishedTable['stats'])[]) {
    if (before.stats[key] !== after.stats[key]) stats.push({ field: statLabels[key], before: before.stats[key], after: after.stats[key] });
  }
  return { rows, stats, rewardTotal: { before: rewardTotal(before), after: rewardTotal(after) } };
}
