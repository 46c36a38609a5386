/**
 * A 考核细则 sheet (parseCriteria rows) as the scheme's criteria tree, for importing the criteria
 * an office keeps in Excel into a campaign's scheme. The sheet holds what people write — number,
 * name, points, method in words, the 评分标准 text, categories by name — so what it cannot hold is
 * taken from the criterion of the same number in the current scheme (a deduction's points per
 * occurrence, a formula's metric and rule, 折算, 缺项), or, for a deduction, read from its 评分标准
 * ("每次扣1分"). Anything else missing is refused on its cell.
 */
import type { CriterionInput } from '../../domain/scheme/schema';
import type { CriterionRow, ImportIssue } from './xlsx-import';

export type CriteriaTreeResult = { ok: true; criteria: CriterionInput[] } | { ok: false; issues: ImportIssue[] };

const points = (hundredths: number) => hundredths / 100;

/** 每次扣1分, 每处扣0.5分, 扣2分/次: the points of one occurrence, when the text says it once. */
export function deductionFromStandard(text: string | null): number | null {
  if (!text) return null;
  const found = [...text.matchAll(/每[次项处起个人例件]扣(\d+(?:\.\d{1,2})?)分|扣(\d+(?:\.\d{1,2})?)分[/／每]次/g)];
  const values = new Set(found.map((m) => Number(m[1] ?? m[2])));
  return values.size === 1 ? [...values][0]! : null;
}

function indexById(criteria: readonly CriterionInput[] | undefined, into = new Map<string, CriterionInput>()): Map<string, CriterionInput> {
  for (const c of criteria ?? []) {
    into.set(c.id, c);
    indexById(c.children, into);
  }
  return into;
}

export function criteriaFromRows(
  rows: readonly CriterionRow[],
  current: readonly CriterionInput[],
  categories: readonly { id: string; name: string }[],
): CriteriaTreeResult {
  const issues: ImportIssue[] = [];
  const fail = (row: CriterionRow, column: keyof CriterionRow['at']['columns'], message: string) =>
    issues.push({ sheet: row.at.sheet, row: row.at.row, column: row.at.columns[column] ?? null, message });
  const existing = indexById(current);
  const categoryByName = new Map(categories.flatMap((c) => [[c.name, c.id], [c.id, c.id]] as const));
  const childrenOf = new Map<string | null, CriterionRow[]>();
  for (const row of rows) {
    const list = childrenOf.get(row.parentPath) ?? [];
    list.push(row);
    childrenOf.set(row.parentPath, list);
  }

  const build = (row: CriterionRow): CriterionInput => {
    const r = row;
    const before = existing.get(r.path);
    const children = (childrenOf.get(r.path) ?? []).map(build);
    const appliesTo: string[] = [];
    for (const name of r.categories) {
      const id = categoryByName.get(name);
      if (id) appliesTo.push(id);
      else fail(row, 'categories', `适用类别“${name}”不是方案中的类别（${categories.map((c) => c.name).join('、')}）`);
    }
    const node: CriterionInput = {
      id: r.path, name: r.name, points: points(r.pointsHundredths),
      ...(r.standard ? { description: r.standard } : {}),
      ...(appliesTo.length > 0 ? { appliesTo } : {}),
      ...(before?.notApplicableAllowed !== undefined ? { notApplicableAllowed: before.notApplicableAllowed } : {}),
    };
    if (children.length > 0) {
      return { ...node, ...(before?.scoredOutOf !== undefined ? { scoredOutOf: before.scoredOutOf } : {}), children };
    }
    const kept = before?.method?.type === r.method ? before.method : undefined;
    switch (r.method) {
      case 'manual':
        return { ...node, method: { type: 'manual' } };
      case 'passFail':
        return { ...node, method: { type: 'passFail' } };
      case 'deduction': {
        if (kept) return { ...node, method: kept };
        const each = deductionFromStandard(r.standard);
        if (each === null) {
          fail(row, 'standard', `扣分类细则 ${r.path} 须在评分标准中写明每次扣几分（如“每次扣1分”），或先在方案文件中写明`);
          return node;
        }
        return { ...node, method: { type: 'deduction', perOccurrence: each, variable: false } };
      }
      case 'formula':
        if (kept) return { ...node, method: kept };
        fail(row, 'method', `公式类细则 ${r.path} 的指标和计算规则无法从表格读取，须先在方案文件中写明`);
        return node;
    }
  };

  const criteria = (childrenOf.get(null) ?? []).map(build);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, criteria };
}

const METHOD_WORDS: Readonly<Record<NonNullable<CriterionInput['method']>['type'], string>> = {
  manual: '直接评分', deduction: '扣分', passFail: '达标', formula: '公式',
};

/**
 * The scheme's criteria as the 考核细则 sheet parseCriteria reads (parents before their items),
 * so an office can download the criteria in force, edit them in Excel and import them back.
 */
export function criteriaSheetRows(criteria: readonly CriterionInput[], categories: readonly { id: string; name: string }[]): Record<string, string | number | null>[] {
  const nameOf = new Map(categories.map((c) => [c.id, c.name]));
  return criteria.flatMap((c) => [
    {
      path: c.id, name: c.name, points: c.points, method: c.children ? null : METHOD_WORDS[c.method?.type ?? 'manual'],
      standard: c.description ?? null, categories: c.appliesTo?.map((id) => nameOf.get(id) ?? id).join('、') ?? null,
    },
    ...criteriaSheetRows(c.children ?? [], categories),
  ]);
}
