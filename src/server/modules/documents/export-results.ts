import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { can } from '../../../domain/access/can';
import { centiToNumber } from '../../../domain/arith/points';
import { forbidden } from '../../app-error';
import type { DB } from '../../db/schema';
import { accidentRowsFromCase, itemScoreRowsFromResults } from '../../documents/score-sheet-from-result';
import { buildAccidentRegisterWorkbook, buildItemScoresWorkbook, buildResultsWorkbook } from '../../documents/xlsx-export';
import { campaignResource } from '../campaigns/presenter';
import { assertTableReadable, documentName, readableUnitIds, readResultCase } from './result-case';

/** 考核结果 workbook: the published table with grade, rank and per-category totals. */
export async function exportResults(db: Kysely<DB>, actor: Actor, id: string, version: number | undefined, now: Date) {
  const c = await readResultCase(db, actor, id, version, now);
  assertTableReadable(actor, c.row);
  const buffer = await buildResultsWorkbook({ campaign: c.table.campaign, threshold: centiToNumber(c.result.stats.threshold), rows: c.table.rows });
  return { fileName: documentName(c, '考核结果', 'xlsx'), buffer };
}

/** Each readable unit's item scores, in the layout the item-score import reads back. */
export async function exportItemScores(db: Kysely<DB>, actor: Actor, id: string, version: number | undefined, now: Date) {
  const c = await readResultCase(db, actor, id, version, now);
  const visible = readableUnitIds(actor, c);
  const buffer = await buildItemScoresWorkbook(itemScoreRowsFromResults(c.input, c.result.units.filter((u) => visible.has(u.unitId))));
  return { fileName: documentName(c, '各单位逐项得分', 'xlsx'), buffer };
}

/** The accident register of the campaign's year (事故台账), for those who may read accidents. */
export async function exportAccidents(db: Kysely<DB>, actor: Actor, id: string, version: number | undefined, now: Date) {
  const c = await readResultCase(db, actor, id, version, now);
  if (!can(actor, 'accident.read', campaignResource(c.row))) throw forbidden();
  const buffer = await buildAccidentRegisterWorkbook(accidentRowsFromCase(c.input));
  return { fileName: documentName(c, '事故台账', 'xlsx'), buffer };
}
