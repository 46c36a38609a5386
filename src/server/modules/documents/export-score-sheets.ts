import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { forbidden, notFound } from '../../app-error';
import type { DB } from '../../db/schema';
import { buildScoreSheetsDocx } from '../../documents/score-sheet-docx';
import { scoreSheetFromResult } from '../../documents/score-sheet-from-result';
import { documentName, readableUnitIds, readResultCase } from './result-case';

/** 考核评分表 (DOCX): one page per unit with its items and trace, in the table's order; one unit or every readable one. */
export async function exportScoreSheets(db: Kysely<DB>, actor: Actor, id: string, query: { version?: number | undefined; unitId?: string | undefined }, now: Date) {
  const c = await readResultCase(db, actor, id, query.version, now);
  let units = c.result.units;
  if (query.unitId !== undefined) {
    const unit = units.find((u) => u.unitId === query.unitId);
    if (!unit) throw notFound('被考核单位');
    units = [unit];
  }
  const visible = readableUnitIds(actor, c);
  if (query.unitId !== undefined && !visible.has(query.unitId)) throw forbidden();
  const sheets = units.filter((u) => visible.has(u.unitId)).map((u) => scoreSheetFromResult(c.input, u, c.table.campaign.name));
  const what = query.unitId !== undefined && units[0] ? `${units[0].name}评分表` : '评分表';
  return { fileName: documentName(c, what, 'docx'), buffer: await buildScoreSheetsDocx(sheets) };
}
