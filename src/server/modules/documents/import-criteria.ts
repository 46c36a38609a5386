import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import type { CriterionInput } from '../../../domain/scheme/schema';
import type { ImportIssueView } from '../../../shared/schemas/document';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { criteriaFromRows } from '../../documents/criteria-tree';
import { parseCriteria } from '../../documents/xlsx-import';
import { campaignForRevision, currentScheme, storeSchemeRevision } from '../campaigns/revise-scheme';

export type CriteriaImportOutcome = { ok: true; schemeVersion: number; criteria: number } | { ok: false; issues: ImportIssueView[] };

function countCriteria(criteria: readonly CriterionInput[]): number {
  return criteria.reduce((n, c) => n + 1 + countCriteria(c.children ?? []), 0);
}

/**
 * 考核细则 from Excel into a campaign's scheme, as its next version: the sheet's tree replaces the
 * scheme's criteria, with what a sheet cannot hold taken from the criterion of the same number
 * (criteria-tree.ts). The whole scheme is then checked by the rules engine (points adding up to
 * the scale per category …); any problem — a cell, or the tree as a whole — refuses the import
 * and nothing is written.
 */
export async function importCriteria(db: Kysely<DB>, actor: Actor, campaignId: string, fileName: string, buffer: Buffer, now: Date): Promise<CriteriaImportOutcome> {
  // Checked before the file is read: a campaign the actor may not revise answers 404/403/409 first.
  await db.transaction().execute((trx) => campaignForRevision(trx, actor, campaignId));
  const parsed = await parseCriteria(buffer);
  if (!parsed.ok) return { ok: false, issues: parsed.errors };
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await campaignForRevision(trx, actor, campaignId);
      const scheme = await currentScheme(trx, row);
      const tree = criteriaFromRows(parsed.rows, (scheme.criteria ?? []) as CriterionInput[], (scheme.categories ?? []) as { id: string; name: string }[]);
      if (!tree.ok) throw new IssuesFound(tree.issues);
      const view = await storeSchemeRevision(trx, actor, row, { ...scheme, criteria: tree.criteria }, `从表格导入考核细则（${fileName}）`, 'import.criteria', now);
      return { ok: true as const, schemeVersion: view.schemeVersion, criteria: countCriteria(tree.criteria) };
    });
  } catch (error) {
    if (error instanceof IssuesFound) return { ok: false, issues: error.issues };
    // The engine's verdict on the tree as a whole (e.g. 分值之和与满分不符) names no cell.
    if (error instanceof AppError && error.code === 'validation_failed') {
      return { ok: false, issues: [{ sheet: '考核细则', row: null, column: null, message: error.messageZh }] };
    }
    throw error;
  }
}

class IssuesFound extends Error {
  constructor(readonly issues: ImportIssueView[]) { super('import refused'); }
}
