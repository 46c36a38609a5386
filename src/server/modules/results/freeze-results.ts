import type { Kysely } from 'kysely';
import { assess } from '../../../domain/assessment/assess';
import type { CaseParts } from '../../../domain/assessment/case';
import { explainUnit } from '../../../domain/assessment/explain';
import { toPublishedTable, type PublishedTable } from '../../../domain/assessment/published-table';
import type { DB } from '../../db/schema';
import { validateCase } from './load-case';
import { insertResultTraces, insertResultVersion } from './repository';

/**
 * Freezes the results of the stored facts as a published version: the table, the facts it
 * was computed from, and every unit's trace. Runs in the caller's transaction (publication
 * or correction), so the version appears whole or not at all.
 */
export async function freezeResults(
  trx: Kysely<DB>,
  row: { campaignId: string; version: number; reason: string | null; createdBy: string; at: string },
  parts: CaseParts,
): Promise<PublishedTable> {
  const input = validateCase(parts);
  const result = assess(input);
  const table = toPublishedTable(result);
  await insertResultVersion(trx, { ...row, caseJson: JSON.stringify(parts), tableJson: JSON.stringify(table) });
  await insertResultTraces(trx, row.campaignId, row.version, result.units.map((u) => ({
    unitId: u.unitId, traceJson: JSON.stringify(explainUnit(input, u)),
  })));
  return table;
}
