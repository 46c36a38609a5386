import type { UnitResult } from './result-types';

export type TableOrderKey = 'vetoedLast' | 'scoreDesc' | 'scoreAsc' | 'category' | 'registry';

/**
 * The row order of the published table, from the scheme's sort keys applied in order;
 * registry order (the order the units are listed) breaks any remaining tie. 周村 2014:
 * non-vetoed by score descending, ties in registry order, vetoed units last.
 */
export function orderTable(results: readonly UnitResult[], keys: readonly TableOrderKey[], categoryOrder: readonly string[]): UnitResult[] {
  const categoryRank = new Map(categoryOrder.map((id, i) => [id, i]));
  return [...results].sort((a, b) => {
    for (const key of keys) {
      let d = 0;
      switch (key) {
        case 'vetoedLast': d = Number(a.vetoed) - Number(b.vetoed); break;
        case 'scoreDesc': d = compareScores(b, a); break;
        case 'scoreAsc': d = compareScores(a, b); break;
        case 'category': d = (categoryRank.get(a.categoryId) ?? 0) - (categoryRank.get(b.categoryId) ?? 0); break;
        case 'registry': d = a.registryIndex - b.registryIndex; break;
      }
      if (d !== 0) return d;
    }
    return a.registryIndex - b.registryIndex;
  });
}

/** A blanked score (veto, 周村) has no value to sort by: such rows keep registry order, after scored rows. */
function compareScores(a: UnitResult, b: UnitResult): number {
  if (a.publishedScore === null || b.publishedScore === null) {
    if (a.publishedScore === b.publishedScore) return 0;
    return a.publishedScore === null ? -1 : 1;
  }
  return a.publishedScore - b.publishedScore;
}
