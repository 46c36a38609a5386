/** Deterministic synthetic campaigns for the documents benchmark (no randomness between runs). */
import type { PublishedTableLike } from '../../src/server/documents/notice-docx';
import type { ItemScoreRow, ResultsRow } from '../../src/server/documents/xlsx-export';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticResults(units: number): ResultsRow[] {
  const random = lcg(2014);
  const rows = Array.from({ length: units }, (_v, i) => {
    const territorial = i % 5 === 0;
    const vetoed = random() < 0.01;
    const score = vetoed ? null : Math.round((70 + random() * 30) * 4) / 4;
    const reward = score === null || score < 80 ? null : Math.round((territorial ? 400 : 100) * (score - 80));
    return {
      seq: 0,
      unit: territorial ? `第${i + 1}镇人民政府` : `区第${i + 1}局`,
      category: territorial ? '属地' : '部门',
      score,
      reward,
      remark: vetoed ? '辖区发生较大生产安全事故，实施一票否决' : '',
      rank: null as number | null,
      grade: score === null ? '不合格' : score >= 90 ? '优秀' : score >= 80 ? '合格' : '不合格',
      vetoed,
    };
  });
  rows.sort((a, b) => (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) || (b.score ?? 0) - (a.score ?? 0));
  rows.forEach((row, i) => {
    row.seq = i + 1;
    row.rank = row.score === null ? null : rows.findIndex((other) => other.score === row.score) + 1;
  });
  return rows;
}

export function asPublishedTable(rows: ResultsRow[]): PublishedTableLike {
  return { campaign: { name: '基准测试考核', year: 2014 }, rows };
}

/** `units` × `items` item-score rows, in the export layout. */
export function syntheticItemScores(units: number, items: number): ItemScoreRow[] {
  const random = lcg(9704);
  const out: ItemScoreRow[] = [];
  for (let u = 0; u < units; u += 1) {
    for (let i = 0; i < items; i += 1) {
      const points = 2 + (i % 5);
      out.push({
        unit: `区第${u + 1}单位`,
        category: u % 5 === 0 ? '属地' : '部门',
        path: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
        name: `考核项目${i + 1}`,
        points,
        earned: Math.round(random() * points * 4) / 4,
        note: random() < 0.2 ? '台账不全扣0.5分' : '',
      });
    }
  }
  return out;
}
